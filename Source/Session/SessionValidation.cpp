#include "SessionValidation.h"

#include "JsonObjectReader.h"
#include "JsonPointer.h"
#include "SchemaLimitText.h"
#include "SessionErrorText.h"
#include "SessionLimits.h"
#include "SessionQueries.h"
#include "SessionSchema.h"
#include "Utf8.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace foldback
{

namespace
{
    namespace limits = sessionLimits;
    using schema::Schema;

    class Validator
    {
    public:
        Validator (const Session& sessionToCheck, const std::string& nameOfFile,
                   const std::vector<SessionError>& namesOutsideTheirSets)
            : session (sessionToCheck), fileName (nameOfFile), unknownNames (namesOutsideTheirSets),
              unknownNameReported (unknownNames.size(), false) {}

        /** Each section's unknown names that no check placed come at the end of the
            section, so an enum field needs no line here to be reported in order. */
        std::vector<SessionError> run()
        {
            checkText (session.name, "/name");
            checkAudio();
            reportUnknownNamesUnder ("/audio");
            checkSources();
            checkClick();
            reportUnknownNamesUnder ("/click");
            checkTalkback();
            reportUnknownNamesUnder ("/talkback");
            checkTransport();
            reportUnknownNamesUnder ("/transport");

            for (std::size_t i = 0; i < session.mixes.size(); ++i)
            {
                checkMix (session.mixes[i], appendToPointer ("/mixes", i));
                reportUnknownNamesUnder (appendToPointer ("/mixes", i));
            }

            checkMonitor();
            checkRemote();
            reportUnknownNamesUnder ({}); // the rest: none is ever dropped
            return std::move (errors);
        }

    private:
        const Session& session;
        const std::string& fileName;
        const std::vector<SessionError>& unknownNames;
        std::vector<bool> unknownNameReported;
        std::vector<SessionError> errors;
        std::map<int, std::string> outputOwners; ///< output channel -> pointer of its first use
        std::map<std::string, std::string> tokenOwners; ///< remote token -> pointer of its first use
        std::optional<std::set<std::string, std::less<>>> sourceIds; ///< inputs, tracks and click, once asked

        void fail (std::string pointer, std::string message)
        {
            errors.push_back ({ fileName, std::move (pointer), std::move (message) });
        }

        void checkInt (int value, int min, int max, const std::string& pointer)
        {
            if (value < min || value > max)
                fail (pointer, integerRangeMessage (min, max, std::to_string (value)));
        }

        /** A field of owner, whose pointer is where, against the limits its schema declares. */
        template <typename Struct, typename Number>
            requires std::is_same_v<Number, double> || std::is_same_v<Number, int>
        void check (const Struct& owner, const schema::Field<Struct, Number>& field, const std::string& where)
        {
            if (const auto message = schema::outOfLimits (field.of (owner), field.limits))
                fail (appendToPointer (where, field.key), *message);
        }

        template <typename Struct>
        void check (const Struct& owner, const schema::Field<Struct, std::vector<int>>& field, const std::string& where)
        {
            checkChannels (field.of (owner), field.limits, appendToPointer (where, field.key));
        }

        /** An enum holds only its own values; a name outside the set was found by the
            reader and is reported here, in validation's order. */
        template <typename Struct, SessionEnum Enum>
        void check (const Struct&, const schema::Field<Struct, Enum>& field, const std::string& where)
        {
            reportUnknownNamesUnder (appendToPointer (where, field.key));
        }

        /** The reader's unknown names at or under pointer ("" for all) not yet reported. */
        void reportUnknownNamesUnder (const std::string& pointer)
        {
            for (std::size_t i = 0; i < unknownNames.size(); ++i)
            {
                const auto& found = unknownNames[i].pointer;

                if (! unknownNameReported[i] && (found == pointer || found.rfind (pointer + "/", 0) == 0 || pointer.empty()))
                {
                    errors.push_back (unknownNames[i]);
                    unknownNameReported[i] = true;
                }
            }
        }

        void checkText (const std::string& text, const std::string& pointer)
        {
            if (const auto badByte = findInvalidUtf8 (text))
                fail (pointer, "must be UTF-8 text; byte " + std::to_string (*badByte) + " is not");
        }

        void checkIdSyntax (const std::string& id, const std::string& pointer)
        {
            if (! isValidId (id))
                fail (pointer, "must be 1 to 64 letters, digits, '_' or '-', got " + errorText::inQuotes (id));
        }

        void checkChannels (const std::vector<int>& channels, const schema::Limits<std::vector<int>>& limits,
                            const std::string& pointer)
        {
            const auto minCount = limits.minCount, maxCount = limits.maxCount;

            if (channels.size() < minCount || channels.size() > maxCount)
            {
                const auto allowed = minCount == maxCount ? std::to_string (minCount)
                                   : std::to_string (minCount) + (maxCount - minCount == 1 ? " or " : " to ") + std::to_string (maxCount);
                fail (pointer, "must list " + allowed + " channel" + (maxCount == 1 ? "" : "s")
                                   + ", got " + std::to_string (channels.size()));
                return;
            }

            for (std::size_t i = 0; i < channels.size(); ++i)
            {
                const auto where = appendToPointer (pointer, i);
                checkInt (channels[i], limits.min, limits.max, where);

                if (i > 0 && channels[i] == channels[0])
                    fail (where, "channel " + std::to_string (channels[i]) + " is listed twice");
            }
        }

        void checkAudio()
        {
            using Fields = Schema<AudioSettings>;
            const auto& audio = session.audio;
            check (audio, Fields::deviceType, "/audio");
            checkText (audio.inputDevice, "/audio/inputDevice");
            checkText (audio.outputDevice, "/audio/outputDevice");
            check (audio, Fields::sampleRate, "/audio");
            check (audio, Fields::bufferSize, "/audio");
        }

        void checkSourceId (const std::string& id, const std::string& pointer, std::map<std::string, std::string>& seen)
        {
            checkIdSyntax (id, pointer);

            if (isReservedSourceId (id))
                fail (pointer, errorText::inQuotes (id) + " is a reserved source id (\"click\", \"talkback\", \"clickCountIn\")");

            const auto [existing, inserted] = seen.emplace (id, pointer);

            if (! inserted)
                fail (pointer, "duplicate id " + errorText::inQuotes (id) + ": already used by "
                                   + existing->second.substr (0, existing->second.rfind ('/')));
        }

        /** A source's colour is empty (the console's default) or "#rrggbb". */
        void checkColour (const std::string& colour, const std::string& pointer)
        {
            const auto isHexDigit = [] (char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
            if (! colour.empty() && (colour.size() != 7 || colour[0] != '#' || ! std::all_of (colour.begin() + 1, colour.end(), isHexDigit)))
                fail (pointer, "must be empty or \"#rrggbb\" (six hex digits), got " + errorText::inQuotes (colour));
        }

        void checkSources()
        {
            std::map<std::string, std::string> seen; // id -> pointer of its first use

            for (std::size_t i = 0; i < session.inputs.size(); ++i)
            {
                const auto& input = session.inputs[i];
                const auto where = appendToPointer ("/inputs", i);
                checkSourceId (input.id, where + "/id", seen);
                checkText (input.name, where + "/name");
                check (input, Schema<LiveInput>::channels, where);
                checkColour (input.colour, where + "/colour");
            }

            for (std::size_t i = 0; i < session.tracks.size(); ++i)
            {
                const auto& track = session.tracks[i];
                const auto where = appendToPointer ("/tracks", i);
                checkSourceId (track.id, where + "/id", seen);
                checkText (track.name, where + "/name");
                checkColour (track.colour, where + "/colour");

                if (track.file.empty())
                    fail (where + "/file", "must name an audio file, got an empty string");

                checkText (track.file, where + "/file");
                check (track, Schema<BackingTrack>::offsetSeconds, where);
                check (track, Schema<BackingTrack>::gainDb, where);
            }
        }

        void checkTempoMap (const std::vector<TempoChange>& tempoMap)
        {
            if (tempoMap.empty())
            {
                fail ("/click/tempoMap", "must hold at least one tempo change, at bar 1");
                return;
            }

            for (std::size_t i = 0; i < tempoMap.size(); ++i)
            {
                const auto& change = tempoMap[i];
                const auto where = appendToPointer ("/click/tempoMap", i);

                if (i == 0 && change.bar != 1)
                    fail (where + "/bar", "the first tempo change must be at bar 1, got " + std::to_string (change.bar));
                else if (i > 0 && change.bar <= tempoMap[i - 1].bar)
                    fail (where + "/bar", "bars must strictly increase, got " + std::to_string (change.bar)
                                             + " after " + std::to_string (tempoMap[i - 1].bar));
                else
                    check (change, Schema<TempoChange>::bar, where);

                check (change, Schema<TempoChange>::bpm, where);
                check (change, Schema<TempoChange>::beatsPerBar, where);
                check (change, Schema<TempoChange>::beatUnit, where);
            }
        }

        void checkClick()
        {
            using Fields = Schema<ClickSettings>;
            const auto& click = session.click;
            checkTempoMap (click.tempoMap);
            check (click, Fields::sound, "/click");

            if (click.sound == ClickSound::custom && click.customFile.empty())
                fail ("/click/customFile", "must name a WAV file when sound is " + errorText::inQuotes (toString (ClickSound::custom)));

            checkText (click.customFile, "/click/customFile");
            check (click, Fields::subdivision, "/click");
            check (click, Fields::accentDb, "/click");
            check (click, Fields::subdivisionDb, "/click");
            check (click, Fields::countInBars, "/click");
        }

        void checkTalkback()
        {
            check (session.talkback, Schema<TalkbackSettings>::channels, "/talkback");
            check (session.talkback, Schema<TalkbackSettings>::dimDb, "/talkback");
        }

        void checkTransport()
        {
            const auto& transport = session.transport;
            check (transport, Schema<TransportSettings>::loopStartSeconds, "/transport");
            check (transport, Schema<TransportSettings>::loopEndSeconds, "/transport");
            check (transport, Schema<TransportSettings>::transportOffsetSeconds, "/transport");

            if (transport.loopEnabled && ! (transport.loopEndSeconds > transport.loopStartSeconds))
                fail ("/transport/loopEndSeconds", "must be after loopStartSeconds ("
                                                       + errorText::number (transport.loopStartSeconds)
                                                       + ") when loopEnabled is true, got "
                                                       + errorText::number (transport.loopEndSeconds));
        }

        /** isSourceOf, from a set built once: a 256 x 64 session has 16384 sends to look up,
            and a linear search through the inputs for each is most of an edit's time. */
        bool isSource (const std::string& id)
        {
            if (id == talkbackSourceId)
                return hasTalkback (session);
            if (! sourceIds.has_value())
            {
                sourceIds.emplace();
                for (const auto& input : session.inputs)
                    sourceIds->insert (input.id);
                for (const auto& track : session.tracks)
                    sourceIds->insert (track.id);
                sourceIds->insert (std::string (clickSourceId));
            }
            return sourceIds->count (id) > 0;
        }

        void checkSendSource (const std::string& source, const std::string& pointer)
        {
            if (source == clickCountInSourceId)
                fail (pointer, "\"clickCountIn\" is reserved and cannot be sent; send \"click\" and set clickMode instead");
            else if (source == talkbackSourceId && ! hasTalkback (session))
                fail (pointer, "unknown source \"talkback\": the session has no talkback mic (/talkback/channels is empty)");
            else if (! isSource (source))
                fail (pointer, "unknown source " + errorText::inQuotes (source)
                                   + errorText::didYouMean (source, sourceIdsOf (session))
                                   + "; sends must name an input, a track, \"click\" or \"talkback\"");
        }

        void checkMix (const CueMix& mix, const std::string& where)
        {
            checkIdSyntax (mix.id, where + "/id");

            for (std::size_t i = 0; i < session.mixes.size() && &session.mixes[i] != &mix; ++i)
                if (session.mixes[i].id == mix.id)
                    fail (where + "/id", "duplicate mix id " + errorText::inQuotes (mix.id) + ": already used by "
                                             + appendToPointer ("/mixes", i));

            checkText (mix.name, where + "/name");
            const auto errorsBefore = errors.size();
            check (mix, Schema<CueMix>::outputs, where);

            if (errors.size() == errorsBefore)
            {
                for (std::size_t i = 0; i < mix.outputs.size(); ++i)
                {
                    const auto channelPointer = appendToPointer (where + "/outputs", i);
                    const auto [owner, inserted] = outputOwners.emplace (mix.outputs[i], channelPointer);

                    if (! inserted && owner->second.rfind (where + "/", 0) != 0)
                        fail (channelPointer, "output channel " + std::to_string (mix.outputs[i])
                                                  + " is already used by " + owner->second
                                                  + "; each output channel feeds one mix");
                }
            }

            check (mix, Schema<CueMix>::masterDb, where);
            check (mix, Schema<CueMix>::limiterCeilingDb, where);
            check (mix, Schema<CueMix>::clickMode, where);

            for (const auto& [source, send] : mix.sends)
            {
                const auto sendPointer = appendToPointer (where + "/sends", source);
                checkSendSource (source, sendPointer);
                check (send, Schema<SendSettings>::gainDb, sendPointer);
                check (send, Schema<SendSettings>::pan, sendPointer);
            }

            checkPerformer (mix, where + "/performer");
            checkToken (mix.remote.token, where + "/remote/token");

            for (std::size_t i = 0; i < mix.remote.allow.size(); ++i)
                checkControl (mix.remote.allow[i], appendToPointer (where + "/remote/allow", i));
        }

        void checkControl (const std::string& control, const std::string& pointer)
        {
            const auto& controls = limits::remoteControls;

            if (std::find (controls.begin(), controls.end(), control) != controls.end())
                return;

            std::vector<std::string> names (controls.begin(), controls.end());
            fail (pointer, "must be " + errorText::alternatives (names) + ", got " + errorText::inQuotes (control)
                              + errorText::didYouMean (control, names));
        }

        void checkPerformer (const CueMix& mix, const std::string& where)
        {
            check (mix.performer, Schema<PerformerLayer>::masterOffsetDb, where);

            for (const auto& [source, offset] : mix.performer.sends)
            {
                const auto offsetPointer = appendToPointer (where + "/sends", source);

                if (mix.sends.count (source) == 0)
                    fail (offsetPointer, "the mix has no send from " + errorText::inQuotes (source)
                                             + "; a performer can only adjust what the engineer sends");

                check (offset, Schema<PerformerSendOffset>::gainOffsetDb, offsetPointer);
                check (offset, Schema<PerformerSendOffset>::panOffset, offsetPointer);
            }
        }

        /** Tokens are secrets in URLs: a restricted alphabet, long enough, and each names one holder. */
        void checkToken (const std::string& token, const std::string& pointer)
        {
            if (token.empty())
                return;

            const bool validCharacters = std::all_of (token.begin(), token.end(), [] (char c)
            {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            });

            if (! validCharacters || token.size() < limits::minTokenLength || token.size() > limits::maxTokenLength)
            {
                fail (pointer, "must be empty (generated when remotes start) or 8 to 64 letters, digits, '_' or '-'");
                return;
            }

            const auto [owner, inserted] = tokenOwners.emplace (token, pointer);

            if (! inserted)
                fail (pointer, "the same token is already used by " + owner->second + "; each remote token names one holder");
        }

        void checkMonitor()
        {
            const auto& outputs = session.monitor.outputs;
            const auto errorsBefore = errors.size();
            check (session.monitor, Schema<MonitorSettings>::outputs, "/monitor");

            if (errors.size() != errorsBefore)
                return;

            for (std::size_t i = 0; i < outputs.size(); ++i)
                if (const auto owner = outputOwners.find (outputs[i]); owner != outputOwners.end())
                    fail (appendToPointer ("/monitor/outputs", i),
                          "output channel " + std::to_string (outputs[i]) + " is already used by " + owner->second
                              + "; the engineer's listen outputs must be free of every mix");
        }

        void checkRemote()
        {
            const auto& remote = session.remote;
            const auto& address = remote.address;
            int parts = 0, value = -1;
            bool validAddress = ! address.empty();

            for (char c : address + ".")
            {
                if (c == '.')
                {
                    validAddress = validAddress && value >= 0 && value <= 255;
                    ++parts;
                    value = -1;
                }
                else if (c >= '0' && c <= '9' && value < 1000)
                {
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                }
                else
                {
                    validAddress = false;
                }
            }

            if (! validAddress || parts != 4)
                fail ("/remote/address", "must be an IPv4 address such as \"0.0.0.0\" (every interface) or \"127.0.0.1\", got "
                                             + errorText::inQuotes (address));

            check (remote, Schema<RemoteSettings>::httpPort, "/remote");
            check (remote, Schema<RemoteSettings>::oscPort, "/remote");

            if (remote.httpPort == remote.oscPort)
                fail ("/remote/oscPort", "must differ from httpPort (" + std::to_string (remote.httpPort) + ")");

            checkToken (remote.engineerToken, "/remote/engineerToken");
        }
    };
}

std::vector<SessionError> validateSession (const Session& session, const std::string& fileName,
                                           const std::vector<SessionError>& unknownNames)
{
    return Validator (session, fileName, unknownNames).run();
}

} // namespace foldback
