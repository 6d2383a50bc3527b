// `foldback check` says what each backing track is and how it will play, converts what
// needs converting once (so the first roll starts at once), and fails, with its own exit
// status, when a track would play offline.

#include <catch2/catch.hpp>

#include "App/Commands.h"
#include "Audio/AudioFileIO.h"
#include "Support/RunFoldback.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace foldback;
using namespace foldback::test;

namespace
{
    void writeTone (const std::string& path, double rate, int channels)
    {
        AudioData audio;
        audio.sampleRate = rate;
        audio.channels.assign (static_cast<std::size_t> (channels), std::vector<float> (static_cast<std::size_t> (rate) * 2));
        for (auto& channel : audio.channels)
            for (std::size_t n = 0; n < channel.size(); ++n)
                channel[n] = static_cast<float> (0.25 * std::sin (6.283185307179586 * 220.0 * static_cast<double> (n) / rate));
        writeFloatWav (path, audio);
    }

    std::string writeSession (const TempDirectory& directory, const std::vector<std::string>& trackFiles)
    {
        std::ifstream preset (std::string (FOLDBACK_SOURCE_DIR) + "/presets/singer-and-guitarist.json");
        auto session = nlohmann::json::parse (preset);
        session["tracks"] = nlohmann::json::array();
        for (std::size_t i = 0; i < trackFiles.size(); ++i)
            session["tracks"].push_back ({ { "id", "t" + std::to_string (i) }, { "name", "Track " + std::to_string (i) },
                                           { "file", trackFiles[i] }, { "offsetSeconds", 0.0 }, { "gainDb", 0.0 } });
        for (auto& mix : session["mixes"])
            mix["sends"].erase ("backing");
        const auto path = directory.file ("session.json");
        std::ofstream (path) << session.dump (2);
        return path;
    }
}

TEST_CASE ("check lists each track's format, rate, channels, length and conversion, converting once", "[cli][check][tracks]")
{
    TempDirectory directory;
    writeTone (directory.file ("native.wav"), 48000.0, 2);
    writeTone (directory.file ("cd.wav"), 44100.0, 2);
    writeTone (directory.file ("vox.float.wav"), 44100.0, 1);
    REQUIRE (std::system (("sox '" + directory.file ("vox.float.wav") + "' -b 16 '" + directory.file ("vox16.wav") + "' && lame --quiet -V 2 '"
                           + directory.file ("vox16.wav") + "' '" + directory.file ("vox.mp3") + "'").c_str()) == 0);

    const auto session = writeSession (directory, { "native.wav", "cd.wav", "vox.mp3" });
    const auto first = runFoldback ("check " + shellQuoted (session));
    INFO (first.output);
    CHECK (first.status == 0);
    CHECK (first.output.find ("track t0 (\"Track 0\"): native.wav: WAV (32-bit float), 48000 Hz, stereo, 0:02.0; plays as it is") != std::string::npos);
    CHECK (first.output.find ("track t1 (\"Track 1\"): cd.wav: WAV (32-bit float), 44100 Hz, stereo, 0:02.0; converted to 48000 Hz (converted now in ") != std::string::npos);
    CHECK (first.output.find ("track t2 (\"Track 2\"): vox.mp3: MP3, 44100 Hz, mono, 0:02.0; converted to 48000 Hz (converted now in ") != std::string::npos);
    CHECK (first.output.find ("): .foldback-cache/cd-") != std::string::npos);

    // The copies are kept beside the session: the next check (and the first roll) finds them.
    const auto second = runFoldback ("check " + shellQuoted (session));
    INFO (second.output);
    CHECK (second.status == 0);
    CHECK (second.output.find ("cd.wav: WAV (32-bit float), 44100 Hz, stereo, 0:02.0; converted to 48000 Hz (cached): .foldback-cache/cd-") != std::string::npos);
    CHECK (second.output.find ("vox.mp3: MP3, 44100 Hz, mono, 0:02.0; converted to 48000 Hz (cached)") != std::string::npos);
    CHECK (second.output.find ("converted now") == std::string::npos);
}

TEST_CASE ("check exits with its own status when a track would play offline, naming it", "[cli][check][tracks]")
{
    TempDirectory directory;
    writeTone (directory.file ("native.wav"), 48000.0, 2);
    std::ofstream (directory.file ("notes.txt")) << "not audio";

    const auto outcome = runFoldback ("check " + shellQuoted (writeSession (directory, { "native.wav", "missing.wav", "notes.txt" })));
    INFO (outcome.output);
    CHECK (outcome.status == checkTrackOfflineStatus);
    CHECK (checkTrackOfflineStatus != 2); // 2 is a bad session; this one is valid
    CHECK (outcome.output.find ("track t1 (\"Track 1\"): OFFLINE: " + directory.file ("missing.wav") + ": file not found") != std::string::npos);
    CHECK (outcome.output.find ("track t2 (\"Track 2\"): OFFLINE: " + directory.file ("notes.txt") + ": not a supported audio format") != std::string::npos);
    CHECK (outcome.output.find ("error: 2 of 3 backing track(s) would play offline (silent); exit status 3") != std::string::npos);
}
