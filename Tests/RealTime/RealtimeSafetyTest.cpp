#include "RealtimeAuditor.h"
#include "SessionEditHammer.h"

#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Remote/RemoteControl.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <juce_osc/juce_osc.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

using namespace foldback;
using namespace foldback::test;

namespace
{
}

namespace
{
    /** The audio thread of these tests: 64-frame blocks of a constant into 4 inputs and 16
        outputs, every processBlock call under the auditor, until stop(). Resets the counts. */
    struct AuditedAudioThread
    {
        explicit AuditedAudioThread (Engine& engineToRun) : engine (engineToRun)
        {
            for (auto& c : inputs) in.push_back (c.data());
            for (auto& c : outputs) out.push_back (c.data());
            resetRealtimeViolations();
            thread = std::thread ([this]
            {
                while (running.load())
                {
                    ScopedRealtimeAudit audit;
                    engine.processBlock (in.data(), 4, out.data(), 16, blockSize);
                    blocksDone.fetch_add (1);
                }
            });
        }

        ~AuditedAudioThread() { stop(); }

        void stop()
        {
            running = false;
            if (thread.joinable())
                thread.join();
        }

        static constexpr int blockSize = 64;
        Engine& engine;
        std::vector<std::vector<float>> inputs { 4, std::vector<float> (blockSize, 0.25f) };
        std::vector<std::vector<float>> outputs { 16, std::vector<float> (blockSize) };
        std::vector<const float*> in;
        std::vector<float*> out;
        std::atomic<bool> running { true };
        std::atomic<long> blocksDone { 0 };
        std::thread thread;
    };

    /** Stops the audited thread, frees what it retired, and checks that it ran long enough
        to mean something and broke no rule. */
    void stopAndCheckAudioThread (AuditedAudioThread& audio, SessionPlayer& player)
    {
        audio.stop();
        player.reclaim();

        const auto seen = readRealtimeViolations();
        INFO ("blocks processed: " << audio.blocksDone.load());
        CHECK (audio.blocksDone.load() >= 2000);
        checkNoRealtimeViolations (seen);
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
    auto session = makeHammerSession (4);
    player.setSession (session, ".");
    player.play();

    AuditedAudioThread audio (engine);
    const auto& blocksDone = audio.blocksDone;

    // The message thread's side: fader moves, solo, talkback, transport, and structural
    // edits that compile and publish new plans and reclaim the old ones, all at once.
    std::mt19937 rng (11);
    for (int round = 0; round < 400 || blocksDone.load() < 2000; ++round)
    {
        editSessionOnce (player, session, round, rng);
        std::this_thread::yield();
    }

    stopAndCheckAudioThread (audio, player);
}

TEST_CASE ("Every plan swap carries its render state over on the audio thread without allocating, locking or waiting", "[realtime][plans]")
{
    Engine engine;
    engine.prepare (48000.0);
    SessionPlayer player (engine);
    player.setSession (makeHammerSession (4), ".");
    player.play();

    AuditedAudioThread audio (engine);

    // Each structural edit publishes a plan with a fresh RenderState whose meters read 0
    // until the audio thread takes it and carries the old state's over (the inputs are a
    // constant, so every mix meter is above 0 from then on). Wait for each swap in turn.
    int swapsSeen = 0;
    for (int round = 0; round < 200; ++round)
    {
        player.updateSession (makeHammerSession (round % 2 == 0 ? 5 : 4));
        const auto* state = engine.plans().getLatestState();
        REQUIRE (state != nullptr);

        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (5);
        while (state->mixes[0].meter.readPeak() == 0.0f && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
        if (state->mixes[0].meter.readPeak() > 0.0f)
            ++swapsSeen;
        player.reclaim();
    }
    while (audio.blocksDone.load() < 2000)
        std::this_thread::yield();

    CHECK (swapsSeen == 200);
    stopAndCheckAudioThread (audio, player);
}

TEST_CASE ("processBlock stays free of allocations and locks while remotes flood the OSC server and LISTEN switches", "[realtime][remote]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    Engine engine;
    engine.prepare (48000.0);
    SessionPlayer player (engine);
    SessionDocument document (player);
    auto session = makeHammerSession (4);
    session.monitor.outputs = { 15, 16 };
    session.remote.enabled = true;
    session.remote.address = "127.0.0.1";
    session.remote.httpPort = 30000 + juce::Random::getSystemRandom().nextInt (20000);
    session.remote.oscPort = session.remote.httpPort + 1;
    session.remote.engineerToken = "engineerToken123";
    for (std::size_t m = 0; m < session.mixes.size(); ++m)
        session.mixes[m].remote.token = "performerToken" + std::to_string (m);
    document.reset (session, {});
    RemoteControl remotes (document, engine);
    INFO (remotes.getProblem());
    REQUIRE (remotes.isRunning());
    player.play();

    AuditedAudioThread audio (engine);
    std::atomic<bool> running { true };
    const auto& blocksDone = audio.blocksDone;

    // A remote-side thread: performers' faders, the engineer's, and garbage, as fast as UDP goes.
    std::thread flood ([&]
    {
        juce::DatagramSocket socket;
        socket.bindToPort (0, "127.0.0.1");
        juce::OSCSender sender;
        sender.connectToSocket (socket, "127.0.0.1", session.remote.oscPort);
        std::mt19937 rng (5);
        std::uniform_real_distribution<float> level (-40.0f, 6.0f);
        const char garbage[] = "#bundle\0\0\0\0\0\0\0\0\0\0\0\xff\xff\xff\xff";
        for (int i = 0; running.load(); ++i)
        {
            const auto mix = std::to_string (i % 4);
            if (i % 5 == 4)
                socket.write ("127.0.0.1", session.remote.oscPort, garbage, sizeof (garbage));
            else if (i % 5 == 3)
                sender.send (juce::OSCMessage ("/foldback/engineerToken123/mix/mix" + juce::String (mix) + "/send/vox/gain", level (rng)));
            else
                sender.send (juce::OSCMessage ("/foldback/performerToken" + juce::String (mix) + "/send/gtr/gain", level (rng)));
            if (i % 64 == 0)
                std::this_thread::sleep_for (std::chrono::milliseconds (1));
        }
    });

    // The message thread: apply what the remotes sent, switch LISTEN, edit structure now and then.
    for (int round = 0; round < 300 || blocksDone.load() < 2000; ++round)
    {
        remotes.service();
        player.setListenMix (round % 3 == 0 ? std::string() : "mix" + std::to_string (round % 4));
        if (round % 25 == 0)
            document.edit ("structure", [round] (Session& s) { s.click.subdivision = round % 50 == 0 ? Subdivision::triplets : Subdivision::eighths; });
        player.reclaim();
        std::this_thread::sleep_for (std::chrono::milliseconds (2));
    }

    running = false;
    flood.join();
    stopAndCheckAudioThread (audio, player);
    // The flood did reach the session (so the test exercised the remote path) within bounds.
    CHECK (document.getSession().mixes[0].performer.sends.count ("gtr") == 1);
    CHECK (remotes.getRefusedCount() > 0);
}
