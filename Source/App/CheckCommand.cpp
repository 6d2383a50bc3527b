#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "App/SessionLoading.h"
#include "Control/SessionPlayer.h"
#include "Engine/TempoMap.h"
#include "Session/SessionSchemaJson.h"

#include <iostream>

namespace foldback
{

namespace
{
    /** "key value, key value" for every field of a section, from its schema table, so a
        new field shows up here without touching this file. */
    template <schema::Described Struct>
    std::string fieldSummary (const Struct& section)
    {
        const auto fields = schema::fieldsToJson (section);
        std::string text;

        for (const auto& item : fields.items())
        {
            const nlohmann::ordered_json& value = item.value();
            text += (text.empty() ? "" : ", ") + item.key() + " "
                    + (value.is_string() ? value.get<std::string>() : value.dump());
        }

        return text;
    }
}

int runCheckCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words, {}, {});
    if (arguments.positionals().size() != 1)
        throw UsageError ("check needs one SESSION.json");

    const auto loaded = loadSessionForCommand (arguments.positionals().front());
    const auto& session = loaded.session;

    // Open the tracks as a live session would, so a missing file shows up here too.
    Engine engine;
    engine.prepare (session.audio.sampleRate);
    SessionPlayer player (engine);
    player.setSession (session, loaded.directory);

    std::cout << loaded.path << ": ok\n"
              << "  session \"" << session.name << "\", " << session.audio.sampleRate << " Hz, device "
              << toString (session.audio.deviceType) << ", buffer " << session.audio.bufferSize << "\n"
              << "  " << session.inputs.size() << " live input(s), " << session.tracks.size() << " backing track(s), "
              << session.mixes.size() << " cue mix(es)"
              << (session.talkback.channels.empty() ? ", no talkback" : ", talkback on input " + std::to_string (session.talkback.channels.front()))
              << "\n";

    const auto& first = session.click.tempoMap.front();
    std::cout << "  click: " << toString (session.click.sound) << ", " << first.bpm << " bpm " << first.beatsPerBar << "/" << first.beatUnit
              << (session.click.tempoMap.size() > 1 ? " (" + std::to_string (session.click.tempoMap.size()) + " tempo changes)" : std::string())
              << ", count-in " << session.click.countInBars << " bar(s)\n";
    std::cout << "  transport: " << fieldSummary (session.transport) << "\n";

    for (const auto& mix : session.mixes)
    {
        std::cout << "  mix " << mix.id << " (\"" << mix.name << "\"): outputs";
        for (int c : mix.outputs)
            std::cout << " " << c;
        std::cout << ", " << mix.sends.size() << " send(s), ceiling " << mix.limiterCeilingDb << " dBFS\n";
    }

    if (! player.getClickWarning().empty())
        std::cout << "warning: " << player.getClickWarning() << "\n";

    for (const auto& status : player.getTrackStatuses())
        if (! status.online)
            std::cout << "warning: track " << status.id << " is offline: " << status.message << "\n";

    return 0;
}

} // namespace foldback
