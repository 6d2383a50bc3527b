#include "RealtimeAuditor.h"

#include "App/SessionPlayer.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

using namespace foldback;
using namespace foldback::test;

namespace
{
    Session makeSession (int numMixes)
    {
        Session session;
        session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
        session.talkback.channels = { 4 };
        session.click.countInBars = 1;
        session.click.subdivision = "eighths";
        for (int m = 0; m < numMixes; ++m)
        {
            CueMix mix;
            mix.id = "mix" + std::to_string (m);
            mix.outputs = { 2 * m + 1, 2 * m + 2 };
            for (const auto& id : sourceIdsOf (session))
                mix.sends[id] = SendSettings { -6.0, 0.0, false, false };
            session.mixes.push_back (mix);
        }
        return session;
    }
}

TEST_CASE ("The auditor catches an allocation and a lock on an audited thread", "[realtime]")
{
    // Without this, a broken interposer would make the next test pass for the wrong reason.
    resetRealtimeViolations();
    {
        ScopedRealtimeAudit audit;
        // Through volatiles: GCC removes an unused new/delete or malloc/free pair otherwise.
        int* volatile object = new int (42);
        delete object;
        std::mutex m;
        m.lock();
        m.unlock();
        void* volatile block = std::malloc (16);
        std::free (block);
    }
    const auto seen = readRealtimeViolations();
    CHECK (seen.allocations >= 2);
    CHECK (seen.deallocations >= 2);
    CHECK (seen.locks >= 1);

    resetRealtimeViolations();
    int* volatile unaudited = new int (1);
    delete unaudited;
    CHECK (readRealtimeViolations().total() == 0);
}

TEST_CASE ("processBlock never allocates, frees, locks or waits while other threads edit and publish", "[realtime]")
{
    Engine engine;
    engine.prepare (48000.0);
    SessionPlayer player (engine);
    auto session = makeSession (4);
    player.setSession (session, ".");
    player.play();

    constexpr int blockSize = 64;
    std::vector<std::vector<float>> inputs (4, std::vector<float> (blockSize, 0.25f));
    std::vector<std::vector<float>> outputs (16, std::vector<float> (blockSize));
    std::vector<const float*> in;
    std::vector<float*> out;
    for (auto& c : inputs) in.push_back (c.data());
    for (auto& c : outputs) out.push_back (c.data());

    std::atomic<bool> running { true };
    std::atomic<long> blocksDone { 0 };
    resetRealtimeViolations();

    std::thread audio ([&]
    {
        while (running.load())
        {
            ScopedRealtimeAudit audit;
            engine.processBlock (in.data(), 4, out.data(), 16, blockSize);
            blocksDone.fetch_add (1);
        }
    });

    // The message thread's side: fader moves, solo, talkback, transport, and structural
    // edits that compile and publish new plans and reclaim the old ones, all at once.
    std::mt19937 rng (11);
    std::uniform_real_distribution<double> gain (-40.0, 6.0);
    for (int round = 0; round < 400 || blocksDone.load() < 2000; ++round)
    {
        auto edited = session;
        auto& mix = edited.mixes[static_cast<std::size_t> (round % 4)];
        mix.sends["vox"].gainDb = gain (rng);
        mix.sends["gtr"].solo = (round % 7) == 0;
        player.updateSession (edited);

        if (round % 10 == 0)
        {
            // Structure: a fifth mix comes and goes, and the click changes subdivision.
            auto structural = makeSession (round % 20 == 0 ? 5 : 4);
            structural.click.subdivision = round % 30 == 0 ? "triplets" : "eighths";
            player.updateSession (structural);
            session = structural;
        }

        player.setTalkback (round % 3 == 0);
        if (round % 50 == 0) player.stop();
        if (round % 50 == 25) player.play();
        if (round % 40 == 0) player.locate (48000 * (round % 5));

        player.reclaim();
        std::this_thread::yield();
    }

    running = false;
    audio.join();
    player.reclaim();

    const auto seen = readRealtimeViolations();
    INFO ("blocks processed: " << blocksDone.load());
    CHECK (blocksDone.load() >= 2000);
    CHECK (seen.allocations == 0);
    CHECK (seen.deallocations == 0);
    CHECK (seen.locks == 0);
    CHECK (seen.waits == 0);
}
