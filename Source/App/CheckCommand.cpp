#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "App/SessionLoading.h"
#include "Control/SessionPlayer.h"
#include "Engine/TempoMap.h"
#include "Session/SessionSchemaJson.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace foldback
{

namespace
{
    std::string formatSeconds (double seconds)
    {
        std::ostringstream text;
        text << std::fixed << std::setprecision (2) << seconds << " s";
        return text.str();
    }

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

    /** One line for a track: what its file is, and how it plays. */
    std::string describeTrack (const BackingTrack& track, const TrackStatus& status, double sessionRate, const std::string& sessionDirectory)
    {
        if (! status.online)
            return "OFFLINE: " + status.message;

        const auto& info = status.info;
        std::ostringstream text;
        text << track.file << ": " << info.description;

        if (! info.isConverted())
        {
            text << "; plays as it is";
            return text.str();
        }

        std::error_code error;
        auto shown = std::filesystem::relative (info.cachePath, sessionDirectory.empty() ? "." : sessionDirectory, error).string();
        if (error || shown.empty() || shown.rfind ("..", 0) == 0)
            shown = info.cachePath;

        text << std::fixed << std::setprecision (2) << "; converted to " << static_cast<long> (sessionRate) << " Hz ("
             << (info.convertedNow ? "converted now in " + formatSeconds (info.conversionSeconds) : std::string ("cached"))
             << "): " << shown;
        return text.str();
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

    const auto& statuses = player.getTrackStatuses();
    for (std::size_t i = 0; i < statuses.size() && i < session.tracks.size(); ++i)
        std::cout << "  track " << statuses[i].id << " (\"" << session.tracks[i].name << "\"): "
                  << describeTrack (session.tracks[i], statuses[i], session.audio.sampleRate, loaded.directory) << "\n";

    if (! player.getClickWarning().empty())
        std::cout << "warning: " << player.getClickWarning() << "\n";

    int offline = 0;
    for (const auto& status : statuses)
    {
        if (status.online)
            continue;
        ++offline;
        std::cout << "warning: track " << status.id << " is offline: " << status.message << "\n";
    }

    if (offline > 0)
    {
        std::cerr << "error: " << offline << " of " << statuses.size() << " backing track(s) would play offline (silent); "
                  << "exit status " << checkTrackOfflineStatus << "\n";
        return checkTrackOfflineStatus;
    }
    return 0;
}

} // namespace foldback
