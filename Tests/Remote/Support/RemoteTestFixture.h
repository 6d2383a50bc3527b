#pragma once

#include "Support/ConstantBlocks.h"
#include "Support/FreePorts.h"
#include "Support/TwoPerformerSession.h"

#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Remote/RemoteControl.h"
#include "Session/SessionQueries.h"

#include <juce_events/juce_events.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace foldback::test
{

/** The tokens of the remote test session: explicit, so tests can use them directly. */
inline const std::string singerToken = "singer-token-0001";
inline const std::string guitaristToken = "guitarist_token_02";
inline const std::string engineerToken = "engineer-token-03";

/** The two-performer session (TwoPerformerSession.h) with more sends and ceilings. The
    singer may change gain, mute and master only (no pan, no click); the guitarist has
    every permission. Remote control is on, on
    127.0.0.1, with explicit tokens (the ports are chosen by the fixture). */
inline Session makeRemoteTestSession()
{
    auto session = makeTwoPerformerSession ("remote test");

    auto& singer = session.mixes[0];
    singer.sends["talkback"] = { 0.0, 0.0, false };
    singer.limiterCeilingDb = -3.0;
    singer.remote.token = singerToken;
    singer.remote.allow = { "gain", "mute", "master" };

    auto& guitarist = session.mixes[1];
    guitarist.sends["vox"] = { -6.0, 0.3, false };
    guitarist.sends["drums"] = { -3.0, 0.0, false };
    guitarist.sends["click"] = { -10.0, 0.0, false };
    guitarist.limiterCeilingDb = -1.0;
    guitarist.remote.token = guitaristToken;

    session.remote.enabled = true;
    session.remote.address = "127.0.0.1";
    session.remote.engineerToken = engineerToken;
    return session;
}

/** The remotes' world without a device or a message loop: an engine at 48 kHz, a player,
    the document, and RemoteControl serving on 127.0.0.1. Tests call remotes->service()
    (what the timer would do) instead of running the message loop. */
struct RemoteFixture
{
    explicit RemoteFixture (Session session = makeRemoteTestSession(),
                            OscRemoteServer::ClockFunction oscClock = OscRemoteServer::Clock::now)
        : player (prepared (engine)), document (player)
    {
        // Another process may take the ports between the check and the bind: retry.
        for (int attempt = 0; attempt < 8; ++attempt)
        {
            const int port = pickFreePortPair();
            session.remote.httpPort = port;
            session.remote.oscPort = port + 1;
            document.reset (session, {});
            if (remotes == nullptr)
                remotes = std::make_unique<RemoteControl> (document, engine, oscClock); // services once: starts the servers
            else
                remotes->service();
            if (remotes->isRunning() && remotes->getProblem().empty())
            {
                httpPort = port;
                oscPort = port + 1;
                return;
            }
        }
        throw std::runtime_error ("the remote servers would not start: " + remotes->getProblem());
    }

    const Session& session() const noexcept { return document.getSession(); }

    const CueMix& mix (const std::string& mixId) const
    {
        if (const auto* found = findMix (document.getSession(), mixId))
            return *found;
        throw std::runtime_error ("no mix " + mixId);
    }

    const SendSettings& send (const std::string& mixId, const std::string& sourceId) const
    {
        return mix (mixId).sends.at (sourceId);
    }

    /** The performer's offset for a send, or a neutral one. */
    PerformerSendOffset offset (const std::string& mixId, const std::string& sourceId) const
    {
        const auto& sends = mix (mixId).performer.sends;
        const auto found = sends.find (sourceId);
        return found != sends.end() ? found->second : PerformerSendOffset {};
    }

    /** Calls service() (the timer's work) until `done` holds or the deadline passes. */
    template <typename Predicate>
    bool serviceUntil (Predicate done, std::chrono::milliseconds timeout = std::chrono::seconds (5))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;)
        {
            remotes->service();
            if (done())
                return true;
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for (std::chrono::milliseconds (2));
        }
    }

    /** A few rounds of the timer's work, so anything pending has been applied. */
    void serviceRounds (int rounds = 5)
    {
        for (int i = 0; i < rounds; ++i)
        {
            remotes->service();
            std::this_thread::sleep_for (std::chrono::milliseconds (2));
        }
    }

    /** Runs the engine for a block (a constant on every input), so queued commands take
        effect and meters move. */
    void processBlock (int frames = 256, float inputLevel = 0.0f) { runConstantBlock (engine, inputLevel, frames); }

    static Engine& prepared (Engine& e) { return preparedAt48k (e); }

    juce::ScopedJuceInitialiser_GUI juceRuntime;
    Engine engine;
    SessionPlayer player;
    SessionDocument document;
    std::unique_ptr<RemoteControl> remotes;
    int httpPort = 0, oscPort = 0;
};

inline double millisecondsSince (std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli> (std::chrono::steady_clock::now() - start).count();
}

/** What RemoteControl's timer does during a flood: service() now and then, each call timed. */
struct TimedService
{
    RemoteFixture& fixture;
    double longestMilliseconds = 0.0;
    int calls = 0;

    void operator()()
    {
        const auto start = std::chrono::steady_clock::now();
        fixture.remotes->service();
        longestMilliseconds = std::max (longestMilliseconds, millisecondsSince (start));
        ++calls;
    }
};

/** The session with one mix's performer layer put back as it was in `reference`: what is
    left to compare once that performer's legitimate offsets are set aside. */
inline Session withPerformerLayerOf (Session session, const Session& reference, const std::string& mixId)
{
    auto* mix = findMix (session, mixId);
    const auto* original = findMix (reference, mixId);
    if (mix != nullptr && original != nullptr)
        mix->performer = original->performer;
    return session;
}

} // namespace foldback::test
