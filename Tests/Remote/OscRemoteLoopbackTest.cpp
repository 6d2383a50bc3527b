// The OSC remote end to end, over 127.0.0.1: the real UDP server behind RemoteControl, and
// a client that sends with juce::OSCSender from its own socket and reads the feedback that
// comes back to that socket with Foldback's own parser.

#include "Remote/OscPacket.h"
#include "Remote/Support/OscBytes.h"
#include "Remote/Support/RemoteTestFixture.h"
#include "Support/LargeSession.h"
#include "Session/PerformerLayer.h"

#include <catch2/catch.hpp>
#include <juce_osc/juce_osc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <optional>
#include <random>
#include <thread>

using namespace foldback;
using namespace foldback::test;
using Clock = std::chrono::steady_clock;

namespace
{
    /** A control surface: one UDP socket on an ephemeral port of 127.0.0.1, sending with
        juce::OSCSender through it, so the server's feedback comes back to it. */
    struct TestOscClient
    {
        explicit TestOscClient (int serverPort) : port (serverPort)
        {
            bound = socket.bindToPort (0, "127.0.0.1") && sender.connectToSocket (socket, "127.0.0.1", serverPort);
        }

        bool send (const juce::OSCMessage& message) { return sender.send (message); }

        bool sendRaw (const void* data, std::size_t size)
        {
            return socket.write ("127.0.0.1", port, data, static_cast<int> (size)) == static_cast<int> (size);
        }
        bool sendRaw (const OscBytes& bytes) { return sendRaw (bytes.data(), bytes.size()); }

        /** Reads the next datagram to arrive within the timeout into `received`. */
        void read (int timeoutMs)
        {
            if (socket.waitUntilReady (true, timeoutMs) != 1)
                return;
            char buffer[4096];
            juce::String ip;
            int from = 0;
            const int size = socket.read (buffer, static_cast<int> (sizeof (buffer)), false, ip, from);
            std::vector<OscMessage> messages;
            std::string error;
            if (size > 0 && parseOscPacket (buffer, static_cast<std::size_t> (size), messages, error))
                received.insert (received.end(), messages.begin(), messages.end());
        }

        std::vector<OscMessage> received; ///< everything the server has sent back, in order

        int port;
        juce::DatagramSocket socket { false };
        juce::OSCSender sender;
        bool bound = false;
    };

    std::optional<float> floatArgument (const OscMessage& message)
    {
        if (message.arguments.size() != 1)
            return std::nullopt;
        if (const auto* f = std::get_if<float> (&message.arguments[0]))
            return *f;
        if (const auto* i = std::get_if<std::int32_t> (&message.arguments[0]))
            return static_cast<float> (*i);
        return std::nullopt;
    }

    /** Services the remotes and reads the client until a message received since `from`
        (an index into client.received) satisfies `wanted`. */
    template <typename Predicate>
    bool awaitFeedback (RemoteFixture& fixture, TestOscClient& client, Predicate wanted, std::size_t from = 0,
                        std::chrono::milliseconds timeout = std::chrono::seconds (5))
    {
        const auto deadline = Clock::now() + timeout;
        for (auto checked = from;;)
        {
            for (; checked < client.received.size(); ++checked)
                if (wanted (client.received[checked]))
                    return true;
            if (Clock::now() > deadline)
                return false;
            fixture.remotes->service();
            client.read (3);
        }
    }

    auto addressIs (const std::string& address, std::optional<float> value = std::nullopt)
    {
        return [address, value] (const OscMessage& message)
        {
            if (message.address != address)
                return false;
            const auto argument = floatArgument (message);
            return argument.has_value() && (! value.has_value() || std::abs (*argument - *value) < 1.0e-4f);
        };
    }

    /** Waits until the server has refused at least `count` more messages than `since`. */
    bool awaitRefused (RemoteFixture& fixture, std::uint64_t since, std::uint64_t count)
    {
        return fixture.serviceUntil ([&] { return fixture.remotes->getRefusedCount() >= since + count; });
    }

    /** The server still works: a performer's message (resent while the rate limiter refills)
        reaches the session. */
    void checkServerStillWorks (RemoteFixture& fixture, TestOscClient& client, float guitaristGtrDb)
    {
        const auto address = "/foldback/" + guitaristToken + "/send/gtr/gain";
        bool applied = false;
        const auto deadline = Clock::now() + std::chrono::seconds (10);
        while (! applied && Clock::now() < deadline)
        {
            REQUIRE (client.send (juce::OSCMessage (juce::String (address), guitaristGtrDb)));
            applied = fixture.serviceUntil ([&] { return effectiveSend (fixture.mix ("guitarist"), "gtr").gainDb == guitaristGtrDb; },
                                            std::chrono::milliseconds (100));
        }
        CHECK (applied);
    }

    const std::string singerPrefix = "/foldback/" + singerToken;
    const std::string engineerPrefix = "/foldback/" + engineerToken;
}

TEST_CASE ("OSC remote: a performer's send gain changes only their offset, with feedback and meters", "[remote][osc]")
{
    RemoteFixture fixture;
    TestOscClient client (fixture.oscPort);
    REQUIRE (client.bound);
    const auto before = fixture.session();
    const auto* plan = fixture.engine.plans().getLatest();

    const auto start = Clock::now();
    REQUIRE (client.send (juce::OSCMessage (juce::String (singerPrefix + "/send/vox/gain"), 5.0f)));
    REQUIRE (fixture.serviceUntil ([&] { return fixture.offset ("singer", "vox").gainOffsetDb == 2.0; }));
    const double applied = millisecondsSince (start);

    CHECK (fixture.send ("singer", "vox").gainDb == 3.0);
    CHECK (withPerformerLayerOf (fixture.session(), before, "singer") == before);
    CHECK (fixture.document.getAuditLog().back().who == "singer (osc 127.0.0.1)");
    CHECK (fixture.engine.plans().getLatest() == plan);

    // Feedback: the value the performer now hears, at the address they used.
    const bool feedback = awaitFeedback (fixture, client, addressIs (singerPrefix + "/send/vox/gain", 5.0f));
    const double echoed = millisecondsSince (start);
    CHECK (feedback);
    std::cout << "[osc] gain applied after " << applied << " ms, feedback back after " << echoed << " ms\n";
    CHECK (echoed < 1000.0);

    // The other values of the mix, and meters.
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/send/gtr/pan", -0.4f)));
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/master", 0.0f)));
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/meter/vox")));
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/meter/mix")));

    // Pan is not the singer's; mute and master are.
    const auto beforeMute = client.received.size();
    REQUIRE (client.send (juce::OSCMessage (juce::String (singerPrefix + "/send/gtr/mute"), juce::int32 (1))));
    REQUIRE (client.send (juce::OSCMessage (juce::String (singerPrefix + "/master"), -3.0f)));
    REQUIRE (fixture.serviceUntil ([&] { return fixture.offset ("singer", "gtr").mute && fixture.mix ("singer").performer.masterOffsetDb == -3.0; }));
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/send/gtr/mute", 1.0f), beforeMute));
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/master", -3.0f), beforeMute));

    // The engineer's edit is fed back too, with the offset kept.
    const auto mark = client.received.size();
    REQUIRE (fixture.document.edit ("vox -1", [] (Session& s) { findMix (s, "singer")->sends["vox"].gainDb = -1.0; }).empty());
    CHECK (awaitFeedback (fixture, client, addressIs (singerPrefix + "/send/vox/gain", 1.0f), mark));

    // Reset clears the layer.
    REQUIRE (client.send (juce::OSCMessage (juce::String (singerPrefix + "/reset"))));
    REQUIRE (fixture.serviceUntil ([&] { return fixture.mix ("singer").performer == PerformerLayer {}; }));
}

TEST_CASE ("OSC remote: the engineer's token changes the engineer's own values and the transport", "[remote][osc]")
{
    RemoteFixture fixture;
    TestOscClient client (fixture.oscPort);
    REQUIRE (client.bound);

    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/mix/singer/send/vox/gain"), -6.0f)));
    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/mix/guitarist/master"), -4.0f)));
    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/mix/guitarist/send/drums/mute"), juce::int32 (1))));
    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/mix/singer/send/gtr/pan"), 0.5f))); // the singer may not; the engineer may
    REQUIRE (fixture.serviceUntil ([&]
    {
        return fixture.send ("singer", "vox").gainDb == -6.0 && fixture.mix ("guitarist").masterDb == -4.0
               && fixture.send ("guitarist", "drums").mute && fixture.send ("singer", "gtr").pan == 0.5;
    }));
    CHECK (fixture.mix ("singer").performer == PerformerLayer {});
    CHECK (fixture.mix ("guitarist").performer == PerformerLayer {});
    CHECK (fixture.document.getAuditLog().back().who == "engineer (osc 127.0.0.1)");

    // Feedback under the engineer's addresses, for every mix; meters per mix.
    CHECK (awaitFeedback (fixture, client, addressIs (engineerPrefix + "/mix/singer/send/vox/gain", -6.0f)));
    CHECK (awaitFeedback (fixture, client, addressIs (engineerPrefix + "/mix/guitarist/master", -4.0f)));
    CHECK (awaitFeedback (fixture, client, addressIs (engineerPrefix + "/mix/guitarist/meter/mix")));

    // Transport and talkback reach the engine.
    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/transport/play"))));
    REQUIRE (client.send (juce::OSCMessage (juce::String (engineerPrefix + "/talkback"), juce::int32 (1))));
    CHECK (fixture.serviceUntil ([&]
    {
        fixture.processBlock();
        return fixture.engine.getTransport().readRollingForDisplay() && fixture.engine.readTalkbackForDisplay();
    }));
}

TEST_CASE ("OSC remote: a performer's token cannot reach another mix, the engineer's level or a forbidden control", "[remote][osc]")
{
    RemoteFixture fixture;
    TestOscClient client (fixture.oscPort);
    REQUIRE (client.bound);
    fixture.serviceRounds();
    const auto before = fixture.session();
    const auto changes = fixture.document.getChangeCount();
    const auto refused = fixture.remotes->getRefusedCount();

    const std::vector<juce::OSCMessage> refusedMessages {
        juce::OSCMessage (juce::String (singerPrefix + "/mix/guitarist/send/gtr/gain"), 6.0f),   // another mix
        juce::OSCMessage (juce::String (singerPrefix + "/mix/guitarist/master"), 6.0f),
        juce::OSCMessage (juce::String (singerPrefix + "/mix/singer/send/vox/gain"), 12.0f),     // own mix, engineer's level
        juce::OSCMessage (juce::String (singerPrefix + "/transport/play")),
        juce::OSCMessage (juce::String (singerPrefix + "/talkback"), juce::int32 (1)),
        juce::OSCMessage (juce::String (singerPrefix + "/send/vox/pan"), 0.5f),                  // not allowed
        juce::OSCMessage (juce::String (singerPrefix + "/send/click/gain"), 0.0f),               // not allowed
        juce::OSCMessage (juce::String (singerPrefix + "/send/drums/gain"), 0.0f),               // not sent to the singer
        juce::OSCMessage (juce::String (singerPrefix + "/send/talkback/gain"), 0.0f),            // the engineer's
        juce::OSCMessage (juce::String (singerPrefix + "/send/vox/gain"), std::numeric_limits<float>::quiet_NaN()),
        juce::OSCMessage (juce::String (singerPrefix + "/send/vox/gain"), 20.0f),                // out of range
        juce::OSCMessage (juce::String (singerPrefix + "/limiterCeilingDb"), 0.0f),
        juce::OSCMessage (juce::String (engineerPrefix + "/mix/nosuch/master"), 0.0f),
    };
    for (const auto& message : refusedMessages)
        REQUIRE (client.send (message));

    REQUIRE (awaitRefused (fixture, refused, refusedMessages.size()));
    fixture.serviceRounds();
    CHECK (fixture.session() == before);
    CHECK (fixture.document.getChangeCount() == changes);
    CHECK (fixture.remotes->getRefusedCount() == refused + refusedMessages.size());

    checkServerStillWorks (fixture, client, -4.0f);
}

TEST_CASE ("OSC remote: garbage, oversize and wrong-token datagrams change nothing and the server keeps working", "[remote][osc][hostile]")
{
    RemoteFixture fixture;
    TestOscClient client (fixture.oscPort);
    REQUIRE (client.bound);
    fixture.serviceRounds();
    const auto before = fixture.session();
    const auto changes = fixture.document.getChangeCount();
    const auto* plan = fixture.engine.plans().getLatest();
    std::mt19937 random (1234u);

    auto sendAndCount = [&] (const std::vector<OscBytes>& datagrams)
    {
        const auto refused = fixture.remotes->getRefusedCount();
        for (const auto& datagram : datagrams)
            REQUIRE (client.sendRaw (datagram));
        // Every one of them is refused (and counted) once.
        CHECK (awaitRefused (fixture, refused, datagrams.size()));
    };

    SECTION ("random bytes")
    {
        for (int round = 0; round < 8; ++round)
        {
            std::vector<OscBytes> datagrams;
            for (int i = 0; i < 25; ++i)
            {
                OscBytes bytes (1 + random() % 1500);
                for (auto& b : bytes)
                    b = static_cast<std::uint8_t> (random());
                bytes[0] = static_cast<std::uint8_t> ("/#x"[random() % 3]); // look like a message or a bundle, sometimes
                datagrams.push_back (std::move (bytes));
            }
            sendAndCount (datagrams);
        }
    }

    SECTION ("malformed and oversize packets")
    {
        const auto valid = oscMessage (singerPrefix + "/send/vox/gain", { 9.0f });
        std::vector<OscBytes> datagrams;
        datagrams.push_back (OscBytes (valid.begin(), valid.end() - 4));                          // truncated
        datagrams.push_back (OscBytes (valid.begin(), valid.end() - 1));                          // not a multiple of 4
        auto oversize = oscMessage (singerPrefix + "/send/vox/gain", { 9.0f, std::string (2000, 'x') });
        datagrams.push_back (oversize);                                                           // > 1024 bytes
        datagrams.push_back (OscBytes (60000, 0x2f));                                             // far too big
        datagrams.push_back (nestedBundles (6, valid));                                           // nested too deep
        datagrams.push_back (oscBundle ({ valid, OscBytes { '#', 'b', 0, 0 } }));                  // one bad element spoils the bundle
        datagrams.push_back (oscMessage (singerPrefix + "/send/vox/gain", { std::string ("9") })); // a string value
        sendAndCount (datagrams);
    }

    SECTION ("wrong tokens")
    {
        std::vector<OscBytes> datagrams;
        for (const auto& token : { std::string ("wrong-token-123"), singerToken + "x", singerToken.substr (1), std::string ("singer"),
                                   std::string (""), std::string (200, 'a') })
            datagrams.push_back (oscMessage ("/foldback/" + token + "/send/vox/gain", { 9.0f }));
        sendAndCount (datagrams);
    }

    fixture.serviceRounds();
    CHECK (fixture.session() == before);
    CHECK (fixture.document.getChangeCount() == changes);
    CHECK (fixture.engine.plans().getLatest() == plan);
    CHECK (fixture.remotes->getOscClientCount() == 0); // no bad datagram made its sender a feedback client

    checkServerStillWorks (fixture, client, -3.0f);
}

TEST_CASE ("OSC remote: a burst of 10,000 messages is rate limited and reaches the session as a few edits", "[remote][osc][hostile]")
{
    RemoteFixture fixture;
    TestOscClient client (fixture.oscPort);
    REQUIRE (client.bound);
    fixture.serviceRounds();
    const auto before = fixture.session();
    const auto changes = fixture.document.getChangeCount();
    const auto refused = fixture.remotes->getRefusedCount();
    const auto* plan = fixture.engine.plans().getLatest();

    std::atomic<bool> sent { false };
    int sendFailures = 0;
    const auto start = Clock::now();
    std::thread burst ([&]
    {
        juce::OSCSender sender; // its own socket: the client's is read on the main thread
        if (! sender.connect ("127.0.0.1", fixture.oscPort))
            sendFailures = 10000;
        else
            for (int i = 0; i < 10000; ++i)
                if (! sender.send (juce::OSCMessage (juce::String (singerPrefix + "/send/vox/gain"), -static_cast<float> (i % 40) * 0.5f)))
                    ++sendFailures;
        sent = true;
    });

    TimedService serviceOnce { fixture };
    while (! sent)
    {
        serviceOnce();
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
    }
    burst.join();
    REQUIRE (sendFailures < 10000);

    // Until the server has read what reached it (UDP may drop some of a burst: that is fine).
    auto last = fixture.remotes->getRefusedCount();
    auto lastChange = Clock::now();
    while (Clock::now() - lastChange < std::chrono::milliseconds (300) && millisecondsSince (start) < 30000.0)
    {
        serviceOnce();
        std::this_thread::sleep_for (std::chrono::milliseconds (20));
        if (const auto now = fixture.remotes->getRefusedCount(); now != last)
        {
            last = now;
            lastChange = Clock::now();
        }
    }
    const double seconds = millisecondsSince (start) / 1000.0;

    const auto edits = fixture.document.getChangeCount() - changes;
    const auto dropped = fixture.remotes->getRefusedCount() - refused;
    std::cout << "[osc] burst of 10000: " << seconds * 1000.0 << " ms, " << dropped << " dropped by the server, " << edits
              << " session edits in " << serviceOnce.calls << " service() calls, longest service() " << serviceOnce.longestMilliseconds << " ms\n";

    CHECK (dropped > 0);
    CHECK (dropped <= 10000);
    CHECK (edits >= 1);
    CHECK (edits <= static_cast<std::uint64_t> (serviceOnce.calls));
    CHECK (static_cast<double> (edits) <= 400.0 + 200.0 * seconds + 1.0);
    CHECK (serviceOnce.longestMilliseconds < 1000.0);
    CHECK (fixture.engine.plans().getLatest() == plan);
    CHECK (withPerformerLayerOf (fixture.session(), before, "singer") == before);
    const auto offset = fixture.offset ("singer", "vox").gainOffsetDb;
    CHECK (offset <= -3.0);
    CHECK (offset >= -22.5);

    checkServerStillWorks (fixture, client, -2.0f);
}

TEST_CASE ("OSC remote: feedback tables forget every client the server no longer lists even with a new source port per message",
           "[remote][osc]")
{
    // liblo's oscsend opens a new socket, so a new source port, for every message. The
    // server forgets such a "client" a minute after it was last heard; the values sent to
    // it must be forgotten with it. The clock jumps a minute per round instead of waiting.
    std::atomic<int> minutesLater { 0 };
    RemoteFixture fixture (makeRemoteTestSession(),
                           [&minutesLater] { return Clock::now() + minutesLater.load() * std::chrono::seconds (61); });

    constexpr int portsPerRound = 10;
    for (int round = 0; round < 6; ++round)
    {
        const auto acceptedBefore = fixture.remotes->getRefusedCount();
        for (int i = 0; i < portsPerRound; ++i)
        {
            TestOscClient oneShot (fixture.oscPort);
            REQUIRE (oneShot.bound);
            REQUIRE (oneShot.send (juce::OSCMessage (juce::String (singerPrefix + "/send/vox/gain"), -1.0f - static_cast<float> (i))));
            REQUIRE (fixture.serviceUntil ([&] { return fixture.remotes->getOscClientCount() == i + 1; }));
        }
        CHECK (fixture.remotes->getRefusedCount() == acceptedBefore);
        fixture.serviceRounds (8); // feedback goes out every fourth round

        INFO ("round " << round);
        CHECK (fixture.remotes->getOscClientCount() == portsPerRound);
        CHECK (fixture.remotes->getOscFeedbackTableCount() <= static_cast<std::size_t> (portsPerRound));
        ++minutesLater; // every client of this round is now a minute old: gone
    }
    fixture.serviceRounds (8);
    CHECK (fixture.remotes->getOscClientCount() == 0);
    CHECK (fixture.remotes->getOscFeedbackTableCount() == 0);
}

//==============================================================================
// Measurements (hidden: wall-clock figures for issue 15, run by hand with "[measurement]")

namespace
{
    Session makeLargeRemoteSession()
    {
        auto session = makeLargeSession (256, 64);
        session.remote.enabled = true;
        session.remote.address = "127.0.0.1";
        return session;
    }

    std::string largeMixPrefix (int mix) { return "/foldback/mix-token-" + std::to_string (1000 + mix); }
}

TEST_CASE ("Measurement: a fifth performer's apply latency while four move faders at 10/s on 256x64", "[.][measurement]")
{
    RemoteFixture fixture (makeLargeRemoteSession());
    std::vector<std::unique_ptr<TestOscClient>> performers;
    for (int p = 0; p < 5; ++p)
        performers.push_back (std::make_unique<TestOscClient> (fixture.oscPort));

    const auto start = Clock::now();
    auto nextBusy = start;
    auto nextProbe = start + std::chrono::milliseconds (500);
    bool probing = false;
    auto probeSent = start;
    float probeValue = 0.0f;
    std::vector<double> latencies;
    int busyRound = 0;
    while (Clock::now() - start < std::chrono::seconds (20))
    {
        const auto now = Clock::now();
        if (now >= nextBusy) // four performers, each moving one of three faders, 10 times a second
        {
            for (int p = 0; p < 4; ++p)
                performers[static_cast<std::size_t> (p)]->send (juce::OSCMessage (
                    juce::String (largeMixPrefix (p + 1) + "/send/in" + std::to_string (1 + busyRound % 3) + "/gain"),
                    -10.0f + static_cast<float> (busyRound % 20)));
            ++busyRound;
            nextBusy += std::chrono::milliseconds (100);
        }
        if (! probing && now >= nextProbe)
        {
            probeValue = probeValue == -4.0f ? -5.0f : -4.0f;
            performers[4]->send (juce::OSCMessage (juce::String (largeMixPrefix (5) + "/send/in9/gain"), probeValue));
            probeSent = now;
            probing = true;
        }
        fixture.remotes->service();
        for (auto& performer : performers)
            while (performer->socket.waitUntilReady (true, 0) == 1) // drain the feedback
                performer->read (0), performer->received.clear();
        if (probing && effectiveSend (fixture.mix ("m5"), "in9").gainDb == static_cast<double> (probeValue))
        {
            latencies.push_back (millisecondsSince (probeSent));
            probing = false;
            nextProbe = Clock::now() + std::chrono::milliseconds (500);
        }
        std::this_thread::sleep_for (std::chrono::milliseconds (20)); // the timer's interval
    }
    REQUIRE_FALSE (latencies.empty());
    std::sort (latencies.begin(), latencies.end());
    std::cout << "measurement: fifth performer's change applied after " << latencies.front() << " - " << latencies.back()
              << " ms (median " << latencies[latencies.size() / 2] << ", " << latencies.size() << " probes), "
              << fixture.document.getChangeCount() << " changes\n";
}

TEST_CASE ("Measurement: heap growth and service time with a new OSC source port every second on 256x64", "[.][measurement]")
{
    // Five minutes of `oscsend` once a second, on a clock that jumps a second per message.
    std::atomic<int> secondsLater { 0 };
    RemoteFixture fixture (makeLargeRemoteSession(), [&secondsLater] { return Clock::now() + secondsLater.load() * std::chrono::seconds (1); });
    fixture.serviceRounds (8);
    const auto heapBefore = heapBytesInUse();
    double serviceMs = 0.0;
    constexpr int messages = 300;
    for (int i = 0; i < messages; ++i)
    {
        {
            TestOscClient oneShot (fixture.oscPort);
            oneShot.send (juce::OSCMessage (juce::String (largeMixPrefix (1) + "/subscribe"))); // feedback only: no edit
            const auto accepted = fixture.remotes->getOscClientCount();
            for (int wait = 0; wait < 200 && fixture.remotes->getOscClientCount() == accepted; ++wait)
                std::this_thread::sleep_for (std::chrono::milliseconds (1));
        }
        for (int round = 0; round < 50; ++round) // one second of the timer
        {
            const auto start = Clock::now();
            fixture.remotes->service();
            serviceMs += millisecondsSince (start);
        }
        ++secondsLater;
    }
    const double minutes = messages / 60.0;
    std::cout << "measurement: new source port per message, 1/s: heap +" << (heapBytesInUse() - heapBefore) / 1024.0 / 1024.0 / minutes
              << " MiB a minute, service() busy " << serviceMs / (messages * 10.0) << " % of the time, "
              << fixture.remotes->getOscFeedbackTableCount() << " feedback tables, " << fixture.remotes->getOscClientCount() << " clients\n";
}
