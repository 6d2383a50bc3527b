// `foldback check` says what each backing track is and how it will play, converts what
// needs converting once (so the first roll starts at once), and fails, with its own exit
// status, when a track would play offline.

#include <catch2/catch.hpp>

#include "App/Commands.h"
#include "Audio/TrackTestFiles.h"
#include "Support/RunFoldback.h"
#include "Support/SessionWithTracks.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace foldback;
using namespace foldback::test;


TEST_CASE ("check lists each track's format, rate, channels, length and conversion, converting once", "[cli][check][tracks]")
{
    TempDirectory directory;
    writeToneWav (directory.file ("native.wav"), 48000.0, 2, 2.0, 0.25, 220.0);
    writeToneWav (directory.file ("cd.wav"), 44100.0, 2, 2.0, 0.25, 220.0);
    writeToneWav (directory.file ("vox.float.wav"), 44100.0, 1, 2.0, 0.25, 220.0);
    REQUIRE (std::system (("sox '" + directory.file ("vox.float.wav") + "' -b 16 '" + directory.file ("vox16.wav") + "' && lame --quiet -V 2 '"
                           + directory.file ("vox16.wav") + "' '" + directory.file ("vox.mp3") + "'").c_str()) == 0);

    const auto session = writeSessionWithTracks (directory, { "native.wav", "cd.wav", "vox.mp3" });
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
    writeToneWav (directory.file ("native.wav"), 48000.0, 2, 2.0, 0.25, 220.0);
    std::ofstream (directory.file ("notes.txt")) << "not audio";

    const auto outcome = runFoldback ("check " + shellQuoted (writeSessionWithTracks (directory, { "native.wav", "missing.wav", "notes.txt" })));
    INFO (outcome.output);
    CHECK (outcome.status == checkTrackOfflineStatus);
    CHECK (checkTrackOfflineStatus != 2); // 2 is a bad session; this one is valid
    CHECK (outcome.output.find ("track t1 (\"Track 1\"): OFFLINE: " + directory.file ("missing.wav") + ": file not found") != std::string::npos);
    CHECK (outcome.output.find ("track t2 (\"Track 2\"): OFFLINE: " + directory.file ("notes.txt") + ": not a supported audio format") != std::string::npos);
    CHECK (outcome.output.find ("error: 2 of 3 backing track(s) would play offline (silent); exit status 3") != std::string::npos);
}
