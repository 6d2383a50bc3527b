#include "SessionJson.h"

#include "JsonDocumentParser.h"
#include "SessionDocumentReader.h"
#include "SessionErrorText.h"
#include "SessionMigration.h"
#include "SessionQueries.h"
#include "SessionValidation.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace foldback
{

namespace
{
    using json = nlohmann::json;
    using ordered = nlohmann::ordered_json;

    /** Checks "format" before anything else: a file that is not a session gets one clear
        error instead of a page of noise. */
    bool checkFormat (const json& document, const std::string& fileName, std::vector<SessionError>& errors)
    {
        const auto expected = errorText::inQuotes (sessionFormatName);
        const auto found = document.find ("format");

        if (found == document.end())
            errors.push_back ({ fileName, "/format", "required key 'format' is missing; a session file has \"format\": " + expected });
        else if (! found->is_string() || found->get_ref<const std::string&>() != sessionFormatName)
            errors.push_back ({ fileName, "/format", "must be " + expected + ", got " + errorText::describe (*found) });

        return errors.empty();
    }

    ordered intArray (const std::vector<int>& values)
    {
        auto array = ordered::array();

        for (auto value : values)
            array.push_back (value);

        return array;
    }

    ordered sendToJson (const SendSettings& send)
    {
        ordered object;
        object["gainDb"] = send.gainDb;
        object["pan"] = send.pan;
        object["mute"] = send.mute;
        object["solo"] = send.solo;
        return object;
    }

    /** Sends in the order of the session's sources, then any others alphabetically. */
    ordered sendsToJson (const Session& session, const CueMix& mix)
    {
        auto sends = ordered::object();

        for (const auto& source : sourceIdsOf (session))
            if (const auto found = mix.sends.find (source); found != mix.sends.end())
                sends[source] = sendToJson (found->second);

        for (const auto& [source, send] : mix.sends)
            if (! sends.contains (source))
                sends[source] = sendToJson (send);

        return sends;
    }

    ordered mixToJson (const Session& session, const CueMix& mix)
    {
        ordered object;
        object["id"] = mix.id;
        object["name"] = mix.name;
        object["outputs"] = intArray (mix.outputs);
        object["masterDb"] = mix.masterDb;
        object["limiterCeilingDb"] = mix.limiterCeilingDb;
        object["clickMode"] = mix.clickMode;
        object["sends"] = sendsToJson (session, mix);

        auto& performer = object["performer"];
        performer["masterOffsetDb"] = mix.performer.masterOffsetDb;
        auto& offsets = performer["sends"] = ordered::object();
        for (const auto& [source, offset] : mix.performer.sends)
            offsets[source] = { { "gainOffsetDb", offset.gainOffsetDb }, { "panOffset", offset.panOffset }, { "mute", offset.mute } };

        object["remote"]["token"] = mix.remote.token;
        object["remote"]["allow"] = mix.remote.allow;
        return object;
    }

    ordered clickToJson (const ClickSettings& click)
    {
        auto tempoMap = ordered::array();

        for (const auto& change : click.tempoMap)
        {
            ordered object;
            object["bar"] = change.bar;
            object["bpm"] = change.bpm;
            object["beatsPerBar"] = change.beatsPerBar;
            object["beatUnit"] = change.beatUnit;
            tempoMap.push_back (std::move (object));
        }

        ordered object;
        object["tempoMap"] = std::move (tempoMap);
        object["sound"] = click.sound;
        object["customFile"] = click.customFile;
        object["subdivision"] = click.subdivision;
        object["accentDownbeat"] = click.accentDownbeat;
        object["accentDb"] = click.accentDb;
        object["subdivisionDb"] = click.subdivisionDb;
        object["countInBars"] = click.countInBars;
        return object;
    }

    ordered sessionToOrderedJson (const Session& session)
    {
        ordered document;
        document["format"] = std::string (sessionFormatName);
        document["version"] = Session::currentVersion;
        document["name"] = session.name;

        auto& audio = document["audio"];
        audio["deviceType"] = session.audio.deviceType;
        audio["inputDevice"] = session.audio.inputDevice;
        audio["outputDevice"] = session.audio.outputDevice;
        audio["sampleRate"] = session.audio.sampleRate;
        audio["bufferSize"] = session.audio.bufferSize;

        auto& inputs = document["inputs"] = ordered::array();

        for (const auto& input : session.inputs)
        {
            ordered object;
            object["id"] = input.id;
            object["name"] = input.name;
            object["channels"] = intArray (input.channels);
            inputs.push_back (std::move (object));
        }

        auto& tracks = document["tracks"] = ordered::array();

        for (const auto& track : session.tracks)
        {
            ordered object;
            object["id"] = track.id;
            object["name"] = track.name;
            object["file"] = track.file;
            object["offsetSeconds"] = track.offsetSeconds;
            object["gainDb"] = track.gainDb;
            tracks.push_back (std::move (object));
        }

        document["click"] = clickToJson (session.click);
        document["talkback"]["channels"] = intArray (session.talkback.channels);
        document["talkback"]["dimDb"] = session.talkback.dimDb;
        document["transport"]["loopEnabled"] = session.transport.loopEnabled;
        document["transport"]["loopStartSeconds"] = session.transport.loopStartSeconds;
        document["transport"]["loopEndSeconds"] = session.transport.loopEndSeconds;

        auto& mixes = document["mixes"] = ordered::array();

        for (const auto& mix : session.mixes)
            mixes.push_back (mixToJson (session, mix));

        document["monitor"]["outputs"] = intArray (session.monitor.outputs);

        auto& remote = document["remote"];
        remote["enabled"] = session.remote.enabled;
        remote["address"] = session.remote.address;
        remote["httpPort"] = session.remote.httpPort;
        remote["oscPort"] = session.remote.oscPort;
        remote["engineerToken"] = session.remote.engineerToken;

        return document;
    }

    std::string scalarText (const ordered& value)
    {
        return value.dump (-1, ' ', false, ordered::error_handler_t::replace);
    }

    /** Like dump (2), except that arrays of plain values stay on one line: [1, 2]. */
    void writePretty (const ordered& value, int depth, std::string& out)
    {
        const std::string indent (static_cast<std::size_t> (depth + 1) * 2, ' ');
        const std::string closingIndent (static_cast<std::size_t> (depth) * 2, ' ');

        if (value.is_object() && ! value.empty())
        {
            out += "{\n";
            std::size_t i = 0;

            for (const auto& item : value.items())
            {
                out += indent + scalarText (item.key()) + ": ";
                writePretty (item.value(), depth + 1, out);
                out += (++i < value.size()) ? ",\n" : "\n";
            }

            out += closingIndent + "}";
        }
        else if (value.is_array() && ! value.empty())
        {
            const bool flat = std::none_of (value.begin(), value.end(), [] (const ordered& element)
            {
                return element.is_structured();
            });

            out += flat ? "[" : "[\n";

            for (std::size_t i = 0; i < value.size(); ++i)
            {
                if (! flat)
                    out += indent;

                writePretty (value[i], depth + 1, out);

                if (i + 1 < value.size())
                    out += flat ? ", " : ",\n";
            }

            out += flat ? "]" : "\n" + closingIndent + "]";
        }
        else
        {
            out += scalarText (value);
        }
    }
}

SessionParseResult parseSessionJson (const std::string& text, const std::string& fileName)
{
    SessionParseResult result;
    json document;

    if (! parseJsonDocument (text, fileName, document, result.errors))
        return result;

    if (! document.is_object())
    {
        result.errors.push_back ({ fileName, {}, "the top level must be a JSON object, got " + errorText::describe (document) });
        return result;
    }

    if (! checkFormat (document, fileName, result.errors))
        return result;

    result.errors = migrateSessionDocument (document, fileName);

    if (! result.errors.empty())
        return result;

    Session session;
    readSessionDocument (document, fileName, session, result.errors);

    if (! result.errors.empty())
        return result;

    result.errors = validateSession (session, fileName);

    if (result.errors.empty())
        result.session = std::move (session);

    return result;
}

std::string sessionToJson (const Session& session)
{
    std::string text;
    writePretty (sessionToOrderedJson (session), 0, text);
    text += '\n';
    return text;
}

} // namespace foldback
