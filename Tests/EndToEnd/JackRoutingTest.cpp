#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/JackDummyServer.h"
#include "Support/JackTestClients.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    float largestDeviation (const std::vector<float>& samples, float expected)
    {
        float worst = 0.0f;
        for (const auto sample : samples)
            worst = std::max (worst, std::abs (sample - expected));
        return worst;
    }

    /** Frames where the signal rises above `threshold` after at least `quietFrames` below it
        (within the recording: one that starts inside a click does not count it). */
    std::vector<std::size_t> onsets (const std::vector<float>& samples, float threshold, std::size_t quietFrames)
    {
        std::vector<std::size_t> found;
        std::size_t quiet = 0;
        for (std::size_t i = 0; i < samples.size(); ++i)
        {
            if (std::abs (samples[i]) > threshold)
            {
                if (quiet >= quietFrames)
                    found.push_back (i);
                quiet = 0;
            }
            else
            {
                ++quiet;
            }
        }
        return found;
    }
}

TEST_CASE ("Through JACK each send reaches its mix's ports with its gain and pan", "[e2e][jack][routing]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    session.name = "routing";
    session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
    auto singer = makeMix ("singer", { 1, 2 });
    singer.sends["vox"] = send (-6.0, -1.0);
    auto drummer = makeMix ("drummer", { 3, 4 });
    drummer.sends["gtr"] = send (0.0, 0.0);
    drummer.sends["vox"] = send (0.0, 0.0, true);
    session.mixes = { singer, drummer };

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "JACK", "--play", "--no-auto-connect" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));

    // Constants, so every sample of the recording must match.
    JackSignalPlayer player (server.name(), "player", { TestSignal { 1.0f }, TestSignal { 0.25f }, TestSignal { -0.125f } });
    JackRecorder recorder (server.name(), "recorder", 4);
    REQUIRE (player.connectTo (0, "foldback:vox"));
    REQUIRE (player.connectTo (1, "foldback:gtr_L"));
    REQUIRE (player.connectTo (2, "foldback:gtr_R"));
    REQUIRE (recorder.connectFrom ("foldback:singer_L", 0));
    REQUIRE (recorder.connectFrom ("foldback:singer_R", 1));
    REQUIRE (recorder.connectFrom ("foldback:drummer_L", 2));
    REQUIRE (recorder.connectFrom ("foldback:drummer_R", 3));
    std::this_thread::sleep_for (500ms);

    // Without real-time scheduling the dummy server sometimes drops a client's cycle in an
    // xrun, and the recording then holds a block of silence. A wrong gain or pan is wrong in
    // every recording; a dropped cycle is not, so a few tries and one exact recording suffice.
    auto exact = [&]
    {
        // -6 dB hard left: 10^(-6/20) on the left only.
        // A stereo send at 0 dB, centre balance, passes both sides unchanged; the muted vocal adds nothing.
        return largestDeviation (recorder.channel (0), 0.501187f) < 1.0e-4f
            && largestDeviation (recorder.channel (1), 0.0f) == 0.0f
            && largestDeviation (recorder.channel (2), 0.25f) < 1.0e-6f
            && largestDeviation (recorder.channel (3), -0.125f) < 1.0e-6f;
    };
    bool matched = false;
    for (int attempt = 1; attempt <= 5 && ! matched; ++attempt)
    {
        REQUIRE (recorder.record (48000, startupTimeout));
        matched = exact();
        if (! matched)
            WARN ("recording " << attempt << " not exact (deviations " << largestDeviation (recorder.channel (0), 0.501187f) << ", "
                  << largestDeviation (recorder.channel (1), 0.0f) << ", " << largestDeviation (recorder.channel (2), 0.25f) << ", "
                  << largestDeviation (recorder.channel (3), -0.125f) << "): a dropped cycle? trying again");
    }
    CHECK (matched);

    foldback.process.signal (SIGTERM);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("Through JACK the click sounds in the mixes that ask for it and in no other", "[e2e][jack][click]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    session.name = "click";
    session.click.tempoMap = { TempoChange { 1, 120.0, 4, 4 } };
    auto singer = makeMix ("singer", { 1, 2 });
    singer.sends["click"] = send (0.0);
    auto drummer = makeMix ("drummer", { 3, 4 });    // no click send at all
    auto keys = makeMix ("keys", { 5, 6 });
    keys.sends["click"] = send (0.0, 0.0, true);     // a muted click send
    session.mixes = { singer, drummer, keys };

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "JACK", "--play", "--no-auto-connect" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));

    JackRecorder recorder (server.name(), "recorder", 3);
    REQUIRE (recorder.connectFrom ("foldback:singer_L", 0));
    REQUIRE (recorder.connectFrom ("foldback:drummer_L", 1));
    REQUIRE (recorder.connectFrom ("foldback:keys_L", 2));
    std::this_thread::sleep_for (500ms);
    // Beats are timed only between two onsets with no missed cycle between them (on a
    // loaded machine the server misses some, and across one neither the recording's
    // samples nor the server's frame times are Foldback's timeline), and on a busy host a
    // few seconds without one can be rare. So they are timed in short recordings (1.25 s:
    // at least two onsets at 120 bpm) until four gaps between beats were measured. Silence
    // is checked in every recording.
    std::vector<long> beatGaps;
    int recordings = 0, continuousRecordings = 0;
    float drummerWorst = 0.0f, keysWorst = 0.0f;
    while (beatGaps.size() < 4 && recordings < 40)
    {
        ++recordings;
        REQUIRE (recorder.record (60000, startupTimeout));
        drummerWorst = std::max (drummerWorst, largestDeviation (recorder.channel (1), 0.0f));
        keysWorst = std::max (keysWorst, largestDeviation (recorder.channel (2), 0.0f));
        continuousRecordings += recorder.wasContinuous() ? 1 : 0;
        const auto beats = onsets (recorder.channel (0), 0.01f, 4800);
        INFO ("recording " << recordings << ": " << beats.size() << " onsets");
        if (recorder.wasContinuous())
            CHECK (beats.size() >= 2);
        for (std::size_t i = 1; i < beats.size(); ++i)
            if (recorder.isContinuousBetween (beats[i - 1], beats[i]))
                beatGaps.push_back (static_cast<long> (beats[i] - beats[i - 1]));
    }
    INFO (recordings << " recordings, " << continuousRecordings << " without a gap; " << recorder.xrunCount() << " xruns");
    REQUIRE (beatGaps.size() >= 4);

    // 120 bpm at 48 kHz: a beat every 24000 frames.
    for (const auto gap : beatGaps)
        CHECK (std::abs (gap - 24000L) <= 2);

    CHECK (drummerWorst == 0.0f);
    CHECK (keysWorst == 0.0f);

    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("Auto-connection by name connects the named ports, also when they appear later, and the rest by index", "[e2e][jack][routing]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    session.name = "named";
    session.inputs = { { "vox", "Vocal", { 1 } } };
    session.mixes = { makeMix ("singer", { 1, 2 }) };
    session.audio.jackInputPorts = { "player:out_1" };   // not there yet when Foldback starts
    session.audio.jackOutputPorts = { "late:in_1", "" }; // output 2 by index: system:playback_2

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless", "--device-type", "JACK" },
                          server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));
    CHECK (foldback.process.readStderr().find ("waits for its port") != std::string::npos);

    auto connected = [&] (const std::string& port, const std::string& other)
    {
        const auto all = jackConnectionsOf (server.name(), port);
        return std::find (all.begin(), all.end(), other) != all.end();
    };
    CHECK (waitUntil ([&] { return connected ("foldback:singer_R", "system:playback_2"); }, 10s));
    CHECK_FALSE (connected ("foldback:singer_L", "system:playback_1"));
    CHECK_FALSE (connected ("foldback:vox", "system:capture_1"));

    // The named ports appear: Foldback connects them within its half-second retry.
    JackSignalPlayer player (server.name(), "player", { TestSignal { 0.5f } });
    JackRecorder late (server.name(), "late", 1);
    CHECK (waitUntil ([&] { return connected ("foldback:vox", "player:out_1"); }, 10s));
    CHECK (waitUntil ([&] { return connected ("foldback:singer_L", "late:in_1"); }, 10s));

    foldback.process.signal (SIGTERM);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}
