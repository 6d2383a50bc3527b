#include "SessionDocumentReader.h"

#include "JsonObjectReader.h"
#include "JsonPointer.h"
#include "SessionErrorText.h"
#include "SessionJson.h"
#include "SessionLimits.h"

namespace foldback
{

namespace
{
    using json = nlohmann::json;
    namespace limits = sessionLimits;

    /** Calls readElement (reader, element) for each element of an array that must hold
        objects, giving each element its default value first. */
    template <typename Element, typename ReadElement>
    std::vector<Element> readObjectArray (const json& array,
                                          const std::string& pointer,
                                          JsonObjectReader& parent,
                                          ReadElement readElement)
    {
        std::vector<Element> elements;

        for (std::size_t i = 0; i < array.size(); ++i)
        {
            const auto where = appendToPointer (pointer, i);

            if (! array[i].is_object())
            {
                parent.addError (where, "must be an object, got " + errorText::describe (array[i]));
                continue;
            }

            JsonObjectReader reader (array[i], where, parent.getFileName(), parent.getErrors());
            Element element;
            readElement (reader, element);
            elements.push_back (std::move (element));
        }

        return elements;
    }

    void readAudio (JsonObjectReader& reader, AudioSettings& audio)
    {
        reader.rejectUnknownKeys ({ "deviceType", "inputDevice", "outputDevice", "sampleRate", "bufferSize" });
        reader.readString ("deviceType", audio.deviceType, KeyPresence::optional);
        reader.readString ("inputDevice", audio.inputDevice, KeyPresence::optional);
        reader.readString ("outputDevice", audio.outputDevice, KeyPresence::optional);
        reader.readDouble ("sampleRate", audio.sampleRate, KeyPresence::optional);
        reader.readInt ("bufferSize", audio.bufferSize, KeyPresence::optional, limits::minBufferSize, limits::maxBufferSize);
    }

    void readInput (JsonObjectReader& reader, LiveInput& input)
    {
        reader.rejectUnknownKeys ({ "id", "name", "channels" });
        reader.readString ("id", input.id, KeyPresence::required);
        reader.readString ("name", input.name, KeyPresence::optional);
        reader.readIntArray ("channels", input.channels, KeyPresence::required, limits::minChannel, limits::maxChannel);
    }

    void readTrack (JsonObjectReader& reader, BackingTrack& track)
    {
        reader.rejectUnknownKeys ({ "id", "name", "file", "offsetSeconds", "gainDb" });
        reader.readString ("id", track.id, KeyPresence::required);
        reader.readString ("name", track.name, KeyPresence::optional);
        reader.readString ("file", track.file, KeyPresence::required);
        reader.readDouble ("offsetSeconds", track.offsetSeconds, KeyPresence::optional);
        reader.readDouble ("gainDb", track.gainDb, KeyPresence::optional);
    }

    void readTempoChange (JsonObjectReader& reader, TempoChange& change)
    {
        reader.rejectUnknownKeys ({ "bar", "bpm", "beatsPerBar", "beatUnit" });
        reader.readInt ("bar", change.bar, KeyPresence::required, limits::minBar, limits::maxBar);
        reader.readDouble ("bpm", change.bpm, KeyPresence::required);
        reader.readInt ("beatsPerBar", change.beatsPerBar, KeyPresence::optional, limits::minBeatsPerBar, limits::maxBeatsPerBar);
        reader.readInt ("beatUnit", change.beatUnit, KeyPresence::optional, 1, 32);
    }

    void readClick (JsonObjectReader& reader, ClickSettings& click)
    {
        reader.rejectUnknownKeys ({ "tempoMap", "sound", "customFile", "subdivision", "accentDownbeat",
                                    "accentDb", "subdivisionDb", "countInBars" });

        if (const auto* tempoMap = reader.findArray ("tempoMap", KeyPresence::optional))
            click.tempoMap = readObjectArray<TempoChange> (*tempoMap, reader.pointerTo ("tempoMap"), reader, readTempoChange);

        reader.readString ("sound", click.sound, KeyPresence::optional);
        reader.readString ("customFile", click.customFile, KeyPresence::optional);
        reader.readString ("subdivision", click.subdivision, KeyPresence::optional);
        reader.readBool ("accentDownbeat", click.accentDownbeat, KeyPresence::optional);
        reader.readDouble ("accentDb", click.accentDb, KeyPresence::optional);
        reader.readDouble ("subdivisionDb", click.subdivisionDb, KeyPresence::optional);
        reader.readInt ("countInBars", click.countInBars, KeyPresence::optional, limits::minCountInBars, limits::maxCountInBars);
    }

    void readTalkback (JsonObjectReader& reader, TalkbackSettings& talkback)
    {
        reader.rejectUnknownKeys ({ "channels", "dimDb" });
        reader.readIntArray ("channels", talkback.channels, KeyPresence::optional, limits::minChannel, limits::maxChannel);
        reader.readDouble ("dimDb", talkback.dimDb, KeyPresence::optional);
    }

    void readTransport (JsonObjectReader& reader, TransportSettings& transport)
    {
        reader.rejectUnknownKeys ({ "loopEnabled", "loopStartSeconds", "loopEndSeconds" });
        reader.readBool ("loopEnabled", transport.loopEnabled, KeyPresence::optional);
        reader.readDouble ("loopStartSeconds", transport.loopStartSeconds, KeyPresence::optional);
        reader.readDouble ("loopEndSeconds", transport.loopEndSeconds, KeyPresence::optional);
    }

    void readSend (JsonObjectReader& reader, SendSettings& send)
    {
        reader.rejectUnknownKeys ({ "gainDb", "pan", "mute", "solo" });
        reader.readDouble ("gainDb", send.gainDb, KeyPresence::optional);
        reader.readDouble ("pan", send.pan, KeyPresence::optional);
        reader.readBool ("mute", send.mute, KeyPresence::optional);
        reader.readBool ("solo", send.solo, KeyPresence::optional);
    }

    void readPerformerSend (JsonObjectReader& reader, PerformerSendOffset& offset)
    {
        reader.rejectUnknownKeys ({ "gainOffsetDb", "panOffset", "mute" });
        reader.readDouble ("gainOffsetDb", offset.gainOffsetDb, KeyPresence::optional);
        reader.readDouble ("panOffset", offset.panOffset, KeyPresence::optional);
        reader.readBool ("mute", offset.mute, KeyPresence::optional);
    }

    /** Reads an object keyed by source id whose values are objects, such as a mix's sends. */
    template <typename Value, typename ReadValue>
    void readKeyedObjects (JsonObjectReader& reader, const char* key, std::map<std::string, Value>& target, ReadValue readValue)
    {
        const auto* object = reader.findObject (key, KeyPresence::optional);

        if (object == nullptr)
            return;

        for (const auto& item : object->items())
        {
            const auto where = reader.pointerTo (key) + appendToPointer ("", item.key());

            if (! item.value().is_object())
            {
                reader.addError (where, "must be an object, got " + errorText::describe (item.value()));
                continue;
            }

            JsonObjectReader valueReader (item.value(), where, reader.getFileName(), reader.getErrors());
            Value value;
            readValue (valueReader, value);
            target[item.key()] = value;
        }
    }

    void readPerformer (JsonObjectReader& reader, PerformerLayer& performer)
    {
        reader.rejectUnknownKeys ({ "masterOffsetDb", "sends" });
        reader.readDouble ("masterOffsetDb", performer.masterOffsetDb, KeyPresence::optional);
        readKeyedObjects<PerformerSendOffset> (reader, "sends", performer.sends, readPerformerSend);
    }

    void readMixRemote (JsonObjectReader& reader, MixRemoteAccess& remote)
    {
        reader.rejectUnknownKeys ({ "token", "allow" });
        reader.readString ("token", remote.token, KeyPresence::optional);
        reader.readStringArray ("allow", remote.allow, KeyPresence::optional);
    }

    void readMonitor (JsonObjectReader& reader, MonitorSettings& monitor)
    {
        reader.rejectUnknownKeys ({ "outputs" });
        reader.readIntArray ("outputs", monitor.outputs, KeyPresence::optional, limits::minChannel, limits::maxChannel);
    }

    void readRemote (JsonObjectReader& reader, RemoteSettings& remote)
    {
        reader.rejectUnknownKeys ({ "enabled", "address", "httpPort", "oscPort", "engineerToken" });
        reader.readBool ("enabled", remote.enabled, KeyPresence::optional);
        reader.readString ("address", remote.address, KeyPresence::optional);
        reader.readInt ("httpPort", remote.httpPort, KeyPresence::optional, limits::minNetworkPort, limits::maxNetworkPort);
        reader.readInt ("oscPort", remote.oscPort, KeyPresence::optional, limits::minNetworkPort, limits::maxNetworkPort);
        reader.readString ("engineerToken", remote.engineerToken, KeyPresence::optional);
    }

    template <typename Settings, typename ReadSettings>
    void readSection (JsonObjectReader& reader, const char* key, Settings& settings, ReadSettings readSettings);

    void readMix (JsonObjectReader& reader, CueMix& mix)
    {
        reader.rejectUnknownKeys ({ "id", "name", "outputs", "masterDb", "limiterCeilingDb", "clickMode", "sends",
                                    "performer", "remote" });
        reader.readString ("id", mix.id, KeyPresence::required);
        reader.readString ("name", mix.name, KeyPresence::optional);
        reader.readIntArray ("outputs", mix.outputs, KeyPresence::required, limits::minChannel, limits::maxChannel);
        reader.readDouble ("masterDb", mix.masterDb, KeyPresence::optional);
        reader.readDouble ("limiterCeilingDb", mix.limiterCeilingDb, KeyPresence::optional);
        reader.readString ("clickMode", mix.clickMode, KeyPresence::optional);

        readKeyedObjects<SendSettings> (reader, "sends", mix.sends, readSend);
        readSection (reader, "performer", mix.performer, readPerformer);
        readSection (reader, "remote", mix.remote, readMixRemote);
    }

    template <typename Settings, typename ReadSettings>
    void readSection (JsonObjectReader& reader, const char* key, Settings& settings, ReadSettings readSettings)
    {
        if (const auto* section = reader.findObject (key, KeyPresence::optional))
        {
            JsonObjectReader sectionReader (*section, reader.pointerTo (key), reader.getFileName(), reader.getErrors());
            readSettings (sectionReader, settings);
        }
    }
}

void readSessionDocument (const json& document,
                          const std::string& fileName,
                          Session& session,
                          std::vector<SessionError>& errors)
{
    if (! document.is_object())
    {
        errors.push_back ({ fileName, {}, "the top level must be a JSON object, got " + errorText::describe (document) });
        return;
    }

    JsonObjectReader reader (document, {}, fileName, errors);
    reader.rejectUnknownKeys ({ "format", "version", "name", "audio", "inputs", "tracks",
                                "click", "talkback", "transport", "mixes", "monitor", "remote" });

    std::string format (sessionFormatName);
    reader.readString ("format", format, KeyPresence::required);

    if (format != sessionFormatName)
        reader.addError ("/format", "must be " + errorText::inQuotes (sessionFormatName) + ", got " + errorText::inQuotes (format));

    int version = Session::currentVersion;
    reader.readInt ("version", version, KeyPresence::required, Session::currentVersion, Session::currentVersion);

    if (version != Session::currentVersion)
        reader.addError ("/version", integerRangeMessage (Session::currentVersion, Session::currentVersion, std::to_string (version)));

    reader.readString ("name", session.name, KeyPresence::optional);
    readSection (reader, "audio", session.audio, readAudio);

    if (const auto* inputs = reader.findArray ("inputs", KeyPresence::optional))
        session.inputs = readObjectArray<LiveInput> (*inputs, "/inputs", reader, readInput);

    if (const auto* tracks = reader.findArray ("tracks", KeyPresence::optional))
        session.tracks = readObjectArray<BackingTrack> (*tracks, "/tracks", reader, readTrack);

    readSection (reader, "click", session.click, readClick);
    readSection (reader, "talkback", session.talkback, readTalkback);
    readSection (reader, "transport", session.transport, readTransport);

    if (const auto* mixes = reader.findArray ("mixes", KeyPresence::required))
        session.mixes = readObjectArray<CueMix> (*mixes, "/mixes", reader, readMix);

    readSection (reader, "monitor", session.monitor, readMonitor);
    readSection (reader, "remote", session.remote, readRemote);
}

} // namespace foldback
