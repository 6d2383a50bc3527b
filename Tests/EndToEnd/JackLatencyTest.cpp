#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/JackDummyServer.h"
#include "Support/JackTestClients.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    std::vector<std::int64_t> impulseFrames (const std::vector<float>& samples, std::int64_t firstFrame)
    {
        std::vector<std::int64_t> frames;
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (std::abs (samples[i]) > 0.25f)
                frames.push_back (firstFrame + static_cast<std::int64_t> (i));
        return frames;
    }
}

TEST_CASE ("Through JACK an impulse leaves Foldback in the frame it went in: the round trip equals a direct loopback's",
           "[e2e][jack][latency]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    session.name = "latency";
    session.inputs = { { "vox", "Vocal", { 1 } } };
    auto singer = makeMix ("singer", { 1, 2 });
    singer.sends["vox"] = send (0.0, -1.0);   // hard left at unity: bit-exact by the pan law
    session.mixes = { singer };

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "JACK", "--play", "--no-auto-connect" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));

    // Two clients of our own, so the graph is player -> foldback -> recorder with no cycle.
    // The recorder also takes the player directly: the reference round trip.
    constexpr std::int64_t impulsePeriod = 4801;   // prime to the period: impulses land all over the block
    constexpr std::int64_t impulsePhase = 100;
    JackSignalPlayer player (server.name(), "player", { TestSignal { 0.0f, 0.5f, impulsePeriod, impulsePhase } });
    JackRecorder recorder (server.name(), "recorder", 2);
    REQUIRE (player.connectTo (0, "foldback:vox"));
    REQUIRE (recorder.connectFrom ("foldback:singer_L", 0));
    REQUIRE (recorder.connectFrom (player.portName (0), 1));
    std::this_thread::sleep_for (500ms);

    REQUIRE (recorder.record (2 * 48000, startupTimeout));
    const auto throughFoldback = impulseFrames (recorder.channel (0), recorder.firstFrameTime());
    const auto direct = impulseFrames (recorder.channel (1), recorder.firstFrameTime());

    // The frames between an impulse going in and coming out.
    auto delaysOf = [&] (const std::vector<std::int64_t>& frames)
    {
        std::vector<std::int64_t> delays;
        for (const auto frame : frames)
            delays.push_back (((frame - impulsePhase) % impulsePeriod + impulsePeriod) % impulsePeriod);
        return delays;
    };

    REQUIRE (direct.size() >= 15);
    CHECK (delaysOf (direct) == std::vector<std::int64_t> (direct.size(), 0));
    CHECK (throughFoldback == direct);
    CHECK (delaysOf (throughFoldback) == delaysOf (direct));
    if (! throughFoldback.empty())
        WARN ("round trip in frames: direct loopback " << delaysOf (direct).front() << ", through Foldback "
              << delaysOf (throughFoldback).front() << " (" << throughFoldback.size() << " impulses at "
              << server.periodFrames() << "-frame periods)");

    for (std::size_t i = 0; i < recorder.channel (0).size(); ++i)
        if (std::abs (recorder.channel (0)[i]) > 0.25f)
            CHECK (recorder.channel (0)[i] == 0.5f);

    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}
