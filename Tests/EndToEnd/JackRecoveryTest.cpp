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
    bool isConnected (const std::string& server, const std::string& port, const std::string& other)
    {
        const auto connections = jackConnectionsOf (server, port);
        return std::find (connections.begin(), connections.end(), other) != connections.end();
    }

    /** Plays a constant into foldback:vox and checks singer_L gets it at -6 dB. */
    bool audioFlows (JackRecorder& recorder)
    {
        if (! recorder.record (24000, startupTimeout))
            return false;
        const auto& left = recorder.channel (0);
        return std::all_of (left.begin(), left.end(), [] (float s) { return std::abs (s - 0.501187f) < 1.0e-4f; });
    }
}

TEST_CASE ("Foldback survives the JACK server being killed and restarted: its ports and connections come back and audio flows",
           "[e2e][jack][recovery]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    session.name = "recovery";
    session.inputs = { { "vox", "Vocal", { 1 } } };
    auto singer = makeMix ("singer", { 1, 2 });
    singer.sends["vox"] = send (-6.0, -1.0);
    session.mixes = { singer };

    // Auto-connection on: vox from system:capture_1, singer to system:playback_1 and _2.
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "JACK", "--play" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));
    CHECK (isConnected (server.name(), "foldback:vox", "system:capture_1"));
    CHECK (isConnected (server.name(), "foldback:singer_R", "system:playback_2"));

    {
        JackSignalPlayer player (server.name(), "player", { TestSignal { 1.0f } });
        JackRecorder recorder (server.name(), "recorder", 1);
        REQUIRE (player.connectTo (0, "foldback:vox"));
        REQUIRE (recorder.connectFrom ("foldback:singer_L", 0));
        std::this_thread::sleep_for (500ms);
        REQUIRE (audioFlows (recorder));
        // Foldback remembers its connections about once a second.
        std::this_thread::sleep_for (2s);

        server.kill (SIGKILL);
    }

    REQUIRE (foldback.waitForStdout ("JACK server gone", startupTimeout));
    REQUIRE (foldback.process.isRunning());

    server.start();
    REQUIRE (waitUntil ([&] { return jackPortExists (server.name(), "foldback:singer_L"); }, startupTimeout));
    CHECK (foldback.process.isRunning());
    CHECK (waitUntil ([&] { return isConnected (server.name(), "foldback:vox", "system:capture_1"); }, startupTimeout));

    // The same clients come back: Foldback restores the connections they had, unasked.
    JackSignalPlayer player (server.name(), "player", { TestSignal { 1.0f } });
    JackRecorder recorder (server.name(), "recorder", 1);
    CHECK (waitUntil ([&] { return isConnected (server.name(), "foldback:vox", "player:out_1"); }, 20s));
    CHECK (waitUntil ([&] { return isConnected (server.name(), "foldback:singer_L", "recorder:in_1"); }, 20s));
    REQUIRE (player.connectTo (0, "foldback:vox"));
    REQUIRE (recorder.connectFrom ("foldback:singer_L", 0));
    std::this_thread::sleep_for (500ms);
    CHECK (audioFlows (recorder));

    const auto stopStarted = std::chrono::steady_clock::now();
    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
    WARN ("foldback exited " << std::chrono::duration_cast<std::chrono::milliseconds> (std::chrono::steady_clock::now() - stopStarted).count()
          << " ms after SIGINT");
}

namespace
{
    /** The transport position, in seconds, of a status line ("pos 7.85 s playing | ..."). */
    double positionOf (const std::string& statusLine)
    {
        return std::stod (statusLine.substr (4));
    }
}

TEST_CASE ("A JACK server that comes back at another sample rate resumes the song where it was, in seconds",
           "[e2e][jack][recovery]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256, 44100);
    server.start();

    Session session;
    session.name = "rate change";
    session.audio.sampleRate = 44100.0;
    session.inputs = { { "vox", "Vocal", { 1 } } };
    auto singer = makeMix ("singer", { 1, 2 });
    singer.sends["vox"] = send (-6.0);
    session.mixes = { singer };

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "JACK", "--play" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));

    // Roll 8 s at 44.1 kHz, then the server goes and comes back at 96 kHz. (Read as the same
    // sample count, 8 s would become 3.7 s: further back than the seconds the first moving
    // status line after the restart can have rolled on.)
    REQUIRE (waitUntil ([&] { const auto lines = foldback.statusLines();
                              return ! lines.empty() && positionOf (lines.back()) >= 8.0; }, startupTimeout));
    server.kill (SIGKILL);
    REQUIRE (foldback.waitForStdout ("JACK server gone", startupTimeout));
    const auto before = positionOf (foldback.statusLines().back());

    server.setSampleRate (96000);
    const auto restarted = std::chrono::steady_clock::now();
    server.start();
    REQUIRE (waitUntil ([&] { return foldback.process.readStderr().find ("the device now runs at 96000 Hz") != std::string::npos; },
                        startupTimeout));
    // Status lines go on while the server is away (the position frozen): take one printed
    // once audio runs again at the new rate, the transport moving on from where it was.
    const auto linesAtRestart = foldback.statusLines().size();
    REQUIRE (waitUntil ([&] { const auto lines = foldback.statusLines();
                              return lines.size() > linesAtRestart + 1 && positionOf (lines.back()) != positionOf (lines[lines.size() - 2]); },
                        startupTimeout));
    const auto after = positionOf (foldback.statusLines().back());
    const std::chrono::duration<double> sinceRestart = std::chrono::steady_clock::now() - restarted;

    // The song goes on from where it was: never back (7.85 s read as 3.61 s at the new
    // rate), never ahead by more than the time the server has been back.
    INFO ("before " << before << " s, after " << after << " s, " << sinceRestart.count() << " s after the restart");
    CHECK (after >= before);
    CHECK (after <= before + sinceRestart.count() + 1.0);

    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}
