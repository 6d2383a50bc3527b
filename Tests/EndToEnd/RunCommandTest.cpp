#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/JackDummyServer.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    Session makeSmallSession()
    {
        Session session;
        session.name = "small";
        session.inputs = { { "vox", "Vocal", { 1 } } };
        auto singer = makeMix ("singer", { 1, 2 });
        singer.sends["vox"] = send (0.0);
        singer.sends["click"] = send (-6.0);
        session.mixes = { singer };
        return session;
    }

    std::chrono::milliseconds timeToExit (FoldbackRun& foldback, int signal, std::optional<int>& status)
    {
        const auto started = std::chrono::steady_clock::now();
        foldback.process.signal (signal);
        status = foldback.process.waitForExit (exitTimeout);
        return std::chrono::duration_cast<std::chrono::milliseconds> (std::chrono::steady_clock::now() - started);
    }
}

TEST_CASE ("run falls back to the Virtual device with a warning when JACK is not running, and keeps playing",
           "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "JACK", "--play" });
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));
    CHECK (foldback.process.readStderr().find ("could not open the JACK device") != std::string::npos);
    CHECK (foldback.process.readStderr().find ("using the Virtual device instead") != std::string::npos);
    CHECK (foldback.process.readStdout().find ("on Virtual") != std::string::npos);

    // The Virtual device keeps time: the transport moves on.
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 3; }, startupTimeout));
    CHECK (foldback.statusLines().back().find ("playing") != std::string::npos);
    CHECK (foldback.statusLines().back() != foldback.statusLines().front());

    std::optional<int> status;
    const auto elapsed = timeToExit (foldback, SIGINT, status);
    CHECK (status == 0);
    WARN ("run exited " << elapsed.count() << " ms after SIGINT");
    CHECK (foldback.process.readStdout().find ("foldback: stopped") != std::string::npos);
}

TEST_CASE ("run starts stopped without --play and exits cleanly on SIGTERM", "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "Virtual", "--buffer-size", "128" });
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 2; }, startupTimeout));
    CHECK (foldback.statusLines().back().rfind ("pos 0.00 s stopped", 0) == 0);
    CHECK (foldback.process.readStdout().find ("128 frames") != std::string::npos);

    std::optional<int> status;
    const auto elapsed = timeToExit (foldback, SIGTERM, status);
    CHECK (status == 0);
    WARN ("run exited " << elapsed.count() << " ms after SIGTERM");

    // The device that opened is remembered for next time.
    const auto remembered = ChildProcess::readFile (directory.file ("config/foldback/devices.json"));
    CHECK (remembered.find ("\"Virtual\"") != std::string::npos);
    CHECK (remembered.find ("128") != std::string::npos);
}

TEST_CASE ("run names each input and mix whose channel the device lacks, and plays the rest", "[e2e][run]")
{
    TempDirectory directory;
    auto session = makeSmallSession();
    session.inputs.push_back ({ "far", "Far away", { 65 } });
    auto distant = makeMix ("distant", { 65, 66 });
    distant.sends["vox"] = send (0.0);
    session.mixes.push_back (distant);

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "Virtual", "--play" });
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 2; }, startupTimeout));
    const auto errors = foldback.process.readStderr();
    CHECK (errors.find ("input 'far' uses input channel 65, but the device has 64 inputs") != std::string::npos);
    CHECK (errors.find ("mix 'distant' uses output channel 65") != std::string::npos);
    CHECK (errors.find ("mix 'singer'") == std::string::npos);
    CHECK (foldback.statusLines().back().find ("singer") != std::string::npos);

    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("run rejects a device type it does not know with status 2", "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "CoreAudio" });
    CHECK (foldback.process.waitForExit (startupTimeout) == 2);
    CHECK (foldback.process.readStderr().find ("error: --device-type must be JACK, ALSA or Virtual") != std::string::npos);
}

TEST_CASE ("foldback devices lists JACK with the server's ports, ALSA and the Virtual device", "[e2e][devices]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256, 48000, 6);
    server.start();

    FoldbackRun foldback (directory, { "devices" }, server.name());
    REQUIRE (foldback.process.waitForExit (startupTimeout) == 0);
    const auto out = foldback.process.readStdout();
    CHECK (out.find ("JACK\n  " + server.name() + ": 6 in, 6 out (48000 Hz, 256 frames") != std::string::npos);
    CHECK (out.find ("ALSA\n") != std::string::npos);
    CHECK (out.find ("Virtual\n  Virtual: 64 in, 64 out") != std::string::npos);
}
