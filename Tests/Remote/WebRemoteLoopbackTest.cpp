// The web remote end to end, over 127.0.0.1: the real civetweb server, a raw-socket
// WebSocket client, and a session behind RemoteControl (driven by service(), as its timer
// would). Proves the page reaches only its own mix, that state and meters flow back, and
// that hostile input changes nothing and never stops the server.

#include "Remote/RemoteStateJson.h"
#include "Remote/Support/RemoteTestFixture.h"
#include "Remote/Support/TestWebSocketClient.h"
#include "Session/PerformerLayer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <iostream>
#include <optional>
#include <thread>

using namespace foldback;
using namespace foldback::test;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace
{
    std::string setMessage (const std::string& control, const std::string& source, double value)
    {
        json message { { "type", "set" }, { "control", control }, { "value", value } };
        if (! source.empty())
            message["source"] = source;
        return message.dump();
    }

    const json* sourceIn (const json& state, const std::string& id)
    {
        if (! state.contains ("sources"))
            return nullptr;
        for (const auto& source : state["sources"])
            if (source.value ("id", "") == id)
                return &source;
        return nullptr;
    }

    /** Services the remotes and reads the page until a text message satisfying `wanted`
        arrives; every other frame is passed to `seen` (if given). */
    template <typename Predicate>
    std::optional<json> awaitMessage (RemoteFixture& fixture, TestWebSocketClient& page, Predicate wanted,
                                      std::chrono::milliseconds timeout = std::chrono::seconds (5))
    {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline)
        {
            fixture.remotes->service();
            const auto frame = page.readFrame (std::chrono::milliseconds (3));
            if (frame.has_value() && frame->opcode == TestWebSocketClient::text)
            {
                auto message = json::parse (frame->payload, nullptr, false);
                if (! message.is_discarded() && wanted (message))
                    return message;
            }
            if (page.isClosed())
                return std::nullopt;
        }
        return std::nullopt;
    }

    std::optional<json> awaitState (RemoteFixture& fixture, TestWebSocketClient& page)
    {
        return awaitMessage (fixture, page, [] (const json& m) { return m.value ("type", "") == "state"; });
    }

    /** Opens a page (the WebSocket a performer's phone opens) and waits for its first state. */
    std::optional<json> openPage (RemoteFixture& fixture, TestWebSocketClient& page, const std::string& token)
    {
        if (! page.connect (fixture.httpPort, "/ws?token=" + token))
            return std::nullopt;
        return awaitState (fixture, page);
    }

    /** Frames are handled in order: once the pong for this ping is back (or the server
        has closed the connection), everything sent before it has been dealt with. Notes
        whether an error message came back on the way. */
    bool awaitHandled (RemoteFixture& fixture, TestWebSocketClient& page, const std::string& probe, bool* sawError = nullptr)
    {
        if (! page.sendFrame (TestWebSocketClient::ping, probe))
            return true; // already closed by the server
        const auto deadline = Clock::now() + std::chrono::seconds (5);
        while (Clock::now() < deadline)
        {
            fixture.remotes->service();
            const auto frame = page.readFrame (std::chrono::milliseconds (3));
            if (frame.has_value() && frame->opcode == TestWebSocketClient::pong && frame->payload == probe)
                return true;
            if (frame.has_value() && frame->opcode == TestWebSocketClient::text && sawError != nullptr
                && frame->payload.find ("\"type\":\"error\"") != std::string::npos)
                *sawError = true;
            if (page.isClosed())
                return true;
        }
        return false;
    }

    /** True if the message lists the source with that field equal to `expected`. */
    bool sourceHas (const json& message, const std::string& id, const std::string& field, const json& expected)
    {
        const auto* source = sourceIn (message, id);
        return source != nullptr && source->contains (field) && (*source)[field] == expected;
    }

    bool isState (const json& message) { return message.value ("type", "") == "state"; }

    /** A legitimate request still works: the state over HTTP, and a fresh page's change. */
    void checkServerStillServes (RemoteFixture& fixture, double guitaristMasterDb)
    {
        const auto state = httpGet (fixture.httpPort, "/api/state?token=" + guitaristToken);
        CHECK (state.status == 200);

        TestWebSocketClient page;
        REQUIRE (openPage (fixture, page, guitaristToken).has_value());
        REQUIRE (page.sendText (setMessage ("master", {}, guitaristMasterDb)));
        const auto echoed = awaitMessage (fixture, page, [&] (const json& m)
        {
            return isState (m) && m["mix"].value ("masterDb", 0.0) == guitaristMasterDb;
        });
        CHECK (echoed.has_value());
        CHECK (effectiveMasterDb (fixture.mix ("guitarist")) == guitaristMasterDb);
    }
}

TEST_CASE ("Web remote: the performer's page is served only with a mix's token, else 403", "[remote][web]")
{
    RemoteFixture fixture;
    const auto refusedBefore = fixture.remotes->getRefusedCount();

    const auto page = httpGet (fixture.httpPort, "/mix?token=" + singerToken);
    CHECK (page.status == 200);
    CHECK (page.headers.find ("text/html") != std::string::npos);
    CHECK (page.body.find ("id=\"mix-meter\"") != std::string::npos);   // the mixing page itself
    CHECK (page.body.find ("/ws?token=") != std::string::npos);          // which opens the WebSocket

    CHECK (httpGet (fixture.httpPort, "/mix?token=" + guitaristToken).status == 200);

    const std::string refusedTargets[] = {
        "/mix",
        "/mix?token=",
        "/mix?token=wrong-token-123",
        "/mix?token=" + singerToken.substr (0, singerToken.size() - 1),
        "/mix?token=" + singerToken + "x",
        "/mix?token=" + engineerToken,               // the engineer's token is not a performer's link
        "/mix?token=" + std::string (1000, 'a'),
        "/mix?tok=" + singerToken,
        "/api/state",
        "/api/state?token=nope-nope-nope",
    };
    for (const auto& target : refusedTargets)
    {
        INFO (target.substr (0, 80));
        const auto response = httpGet (fixture.httpPort, target);
        CHECK (response.status == 403);
        CHECK (response.body.find ("id=\"mix-meter\"") == std::string::npos); // not the performer's page
        CHECK (response.body.find ("\"type\":\"state\"") == std::string::npos); // nor anyone's state
    }
    CHECK (fixture.remotes->getRefusedCount() >= refusedBefore + std::size (refusedTargets));

    CHECK (httpGet (fixture.httpPort, "/").status == 200);
    CHECK (httpGet (fixture.httpPort, "/etc/passwd").status == 404);
    CHECK (httpGet (fixture.httpPort, "/mix/../../etc/passwd?token=" + singerToken).status != 200);
}

TEST_CASE ("Web remote: GET /api/state returns the mix's state for its token", "[remote][web]")
{
    RemoteFixture fixture;
    const auto response = httpGet (fixture.httpPort, "/api/state?token=" + singerToken);
    REQUIRE (response.status == 200);
    CHECK (response.headers.find ("application/json") != std::string::npos);

    const auto state = json::parse (response.body, nullptr, false);
    REQUIRE_FALSE (state.is_discarded());
    CHECK (state["type"] == "state");
    CHECK (state["mix"]["id"] == "singer");
    CHECK (state["mix"]["allow"] == json { "gain", "mute", "master" });
    std::vector<std::string> ids;
    for (const auto& source : state["sources"])
        ids.push_back (source["id"]);
    CHECK (ids == std::vector<std::string> { "vox", "gtr", "click" }); // what the engineer sends, never talkback
    REQUIRE (sourceIn (state, "vox") != nullptr);
    CHECK ((*sourceIn (state, "vox"))["gainDb"] == 3.0);
    CHECK ((*sourceIn (state, "gtr"))["pan"] == -0.4);
    CHECK (state == json::parse (mixStateJson (fixture.session(), fixture.mix ("singer"))));

    const auto other = json::parse (httpGet (fixture.httpPort, "/api/state?token=" + guitaristToken).body, nullptr, false);
    REQUIRE_FALSE (other.is_discarded());
    CHECK (other["mix"]["id"] == "guitarist");
    CHECK (other["mix"]["masterDb"] == -2.0);
}

TEST_CASE ("Web remote: a WebSocket with a wrong or missing token is refused at the handshake", "[remote][web]")
{
    RemoteFixture fixture;
    const auto refusedBefore = fixture.remotes->getRefusedCount();

    const std::vector<std::string> targets { "/ws", "/ws?token=", "/ws?token=wrong-token-123", "/ws?token=" + engineerToken,
                                             "/ws?token=" + singerToken + "0" };
    for (const auto& target : targets)
    {
        INFO (target);
        TestWebSocketClient page;
        CHECK_FALSE (page.connect (fixture.httpPort, target));
        CHECK (page.getHandshakeStatus() != 101);
        CHECK_FALSE (page.readFrame (std::chrono::milliseconds (20)).has_value());
    }
    CHECK (fixture.remotes->getRefusedCount() >= refusedBefore + 5);
    CHECK (fixture.remotes->getWebConnectionCount() == 0);

    // The right token: a connection, and the mix's state straight away.
    TestWebSocketClient page;
    const auto state = openPage (fixture, page, singerToken);
    REQUIRE (state.has_value());
    CHECK ((*state)["mix"]["id"] == "singer");
    CHECK (fixture.remotes->getWebConnectionCount() == 1);
}

TEST_CASE ("Web remote: a page's set changes only its performer's offset, and the page gets the new state", "[remote][web]")
{
    RemoteFixture fixture;
    TestWebSocketClient page;
    const auto initial = openPage (fixture, page, singerToken);
    REQUIRE (initial.has_value());
    REQUIRE ((*sourceIn (*initial, "vox"))["gainDb"] == 3.0);

    const auto before = fixture.session();
    const auto* plan = fixture.engine.plans().getLatest();

    const auto start = Clock::now();
    REQUIRE (page.sendText (setMessage ("gain", "vox", 5.0)));
    const auto echoed = awaitMessage (fixture, page, [] (const json& m) { return isState (m) && sourceHas (m, "vox", "gainDb", 5.0); });
    const double latency = millisecondsSince (start);
    REQUIRE (echoed.has_value());
    std::cout << "[web] set gain -> state echo round trip: " << latency << " ms\n";
    CHECK (latency < 1000.0);
    CHECK ((*sourceIn (*echoed, "vox"))["offsetDb"] == 2.0);

    // The performer's layer moved; the engineer's send did not, nor anything else.
    CHECK (fixture.offset ("singer", "vox").gainOffsetDb == 2.0);
    CHECK (fixture.send ("singer", "vox").gainDb == 3.0);
    CHECK (withPerformerLayerOf (fixture.session(), before, "singer") == before);
    CHECK (fixture.mix ("guitarist") == *findMix (before, "guitarist"));

    // Audited under the page's name; a parameter change, not a new plan for the audio thread.
    REQUIRE_FALSE (fixture.document.getAuditLog().empty());
    CHECK (fixture.document.getAuditLog().back().who == "singer (web 127.0.0.1)");
    CHECK (fixture.engine.plans().getLatest() == plan);

    // Mute and master too.
    REQUIRE (page.sendText (R"({"type":"set","control":"mute","source":"gtr","value":true})"));
    REQUIRE (page.sendText (setMessage ("master", {}, -4.0)));
    CHECK (awaitMessage (fixture, page, [] (const json& m)
    {
        return isState (m) && sourceHas (m, "gtr", "mute", true) && m["mix"]["masterDb"] == -4.0;
    }).has_value());
    CHECK (fixture.offset ("singer", "gtr").mute);
    CHECK_FALSE (fixture.send ("singer", "gtr").mute);
    CHECK (fixture.mix ("singer").performer.masterOffsetDb == -4.0);

    // Reset clears the layer.
    REQUIRE (page.sendText (R"({"type":"reset"})"));
    CHECK (awaitMessage (fixture, page, [] (const json& m)
    {
        return isState (m) && sourceHas (m, "vox", "gainDb", 3.0) && m["mix"]["masterDb"] == 0.0;
    }).has_value());
    CHECK (fixture.session() == before);
}

TEST_CASE ("Web remote: the engineer's edit reaches the open page as a state message", "[remote][web]")
{
    RemoteFixture fixture;
    TestWebSocketClient page;
    REQUIRE (openPage (fixture, page, singerToken).has_value());

    // The singer has vox 2 dB over the engineer's.
    REQUIRE (page.sendText (setMessage ("gain", "vox", 5.0)));
    REQUIRE (fixture.serviceUntil ([&] { return fixture.offset ("singer", "vox").gainOffsetDb == 2.0; }));

    const auto start = Clock::now();
    REQUIRE (fixture.document.edit ("vox to -1", [] (Session& s) { findMix (s, "singer")->sends["vox"].gainDb = -1.0; }).empty());
    const auto state = awaitMessage (fixture, page, [] (const json& m) { return isState (m) && sourceHas (m, "vox", "gainDb", 1.0); });
    const double latency = millisecondsSince (start);
    REQUIRE (state.has_value());
    std::cout << "[web] engineer edit -> page state: " << latency << " ms\n";
    CHECK (latency < 1000.0);
    CHECK ((*sourceIn (*state, "vox"))["offsetDb"] == 2.0); // the performer's offset survived the engineer's edit

    // An engineer's mute shows as such.
    REQUIRE (fixture.document.edit ("mute gtr", [] (Session& s) { findMix (s, "singer")->sends["gtr"].mute = true; }).empty());
    CHECK (awaitMessage (fixture, page, [] (const json& m)
    {
        return isState (m) && sourceHas (m, "gtr", "engineerMute", true) && sourceHas (m, "gtr", "mute", true);
    }).has_value());
}

TEST_CASE ("Web remote: meters arrive many times a second", "[remote][web]")
{
    RemoteFixture fixture;
    TestWebSocketClient page;
    REQUIRE (openPage (fixture, page, singerToken).has_value());

    int meters = 0;
    json last;
    const auto start = Clock::now();
    while (millisecondsSince (start) < 500.0)
    {
        fixture.remotes->service();
        fixture.processBlock (256, 0.5f);
        if (const auto frame = page.readFrame (std::chrono::milliseconds (5)); frame && frame->opcode == TestWebSocketClient::text)
        {
            const auto message = json::parse (frame->payload, nullptr, false);
            if (! message.is_discarded() && message.value ("type", "") == "meters")
            {
                ++meters;
                last = message;
            }
        }
    }
    std::cout << "[web] meters messages in " << millisecondsSince (start) << " ms: " << meters << "\n";
    CHECK (meters > 5);
    REQUIRE (last.is_object());
    CHECK (last["sources"].contains ("vox"));
    CHECK (last["sources"].contains ("gtr"));
    CHECK (last["sources"].contains ("click"));
    CHECK_FALSE (last["sources"].contains ("talkback"));
    CHECK_FALSE (last["sources"].contains ("drums")); // the guitarist's, not the singer's
    CHECK (last["mix"].size() == 2);
    CHECK (last["sources"]["vox"].get<double>() > -120.0); // a level the engine measured, not the silence floor
}

TEST_CASE ("Web remote: hostile input changes nothing and the server keeps serving", "[remote][web][hostile]")
{
    RemoteFixture fixture;
    TestWebSocketClient page;
    REQUIRE (openPage (fixture, page, singerToken).has_value());
    fixture.serviceRounds();

    const auto before = fixture.session();
    const auto changesBefore = fixture.document.getChangeCount();
    const auto* plan = fixture.engine.plans().getLatest();
    const auto refusedBefore = fixture.remotes->getRefusedCount();
    bool singerMayChangeOwnLayer = false; // only where the message is the singer's own, legitimate change
    std::uint64_t expectedRefusals = 0;
    bool expectError = true;
    std::string caseName;

    SECTION ("malformed JSON")
    {
        caseName = "malformed JSON";
        for (const auto* text : { "{\"type\":\"set\",\"control\":", "not json at all", "", "[[[[[[", "{\"type\":\"set\"}\x01\xff" })
            REQUIRE (page.sendText (text));
        expectedRefusals = 5;
    }

    SECTION ("binary frames")
    {
        caseName = "binary frames";
        REQUIRE (page.sendFrame (TestWebSocketClient::binary, setMessage ("gain", "vox", 9.0)));
        REQUIRE (page.sendFrame (TestWebSocketClient::binary, std::string ("\x00\xff\x01\x02", 4)));
        expectedRefusals = 2;
    }

    SECTION ("an oversized 64 KB message")
    {
        caseName = "an oversized 64 KB message";
        auto huge = setMessage ("gain", "vox", 9.0);
        huge += std::string (65536 - huge.size(), ' '); // valid JSON: only its size is wrong
        REQUIRE (page.sendFrame (TestWebSocketClient::text, huge, true, true, 0, std::uint64_t { 65536 }));
        expectedRefusals = 1;
    }

    SECTION ("an unmasked frame")
    {
        caseName = "an unmasked frame";
        // RFC 6455: the server closes the connection (WebRemoteReliabilityTest checks that it does).
        REQUIRE (page.sendFrame (TestWebSocketClient::text, setMessage ("gain", "vox", 9.0), false));
        expectError = false;
    }

    SECTION ("reserved opcodes and reserved bits")
    {
        caseName = "reserved opcodes and reserved bits";
        // The server closes at the first, so the later sends may fail: that is fine.
        for (int opcode : { 0x3, 0x7, 0xB, 0xF })
            page.sendFrame (opcode, setMessage ("gain", "vox", 9.0));
        page.sendFrame (TestWebSocketClient::text, setMessage ("gain", "vox", 10.0), true, true, 7);
        expectError = false;
    }

    SECTION ("another mix's id or source in the message")
    {
        caseName = "another mix's id or source in the message";
        REQUIRE (page.sendText (setMessage ("gain", "drums", 0.0)));          // the guitarist's source, not sent to the singer
        REQUIRE (page.sendText (setMessage ("gain", "guitarist", 0.0)));      // a mix id as a source
        REQUIRE (page.sendText (setMessage ("gain", "talkback", 0.0)));       // the engineer's
        // A "mix" field is not part of the protocol: the message is refused outright.
        REQUIRE (page.sendText (R"({"type":"set","control":"master","value":-20,"mix":"guitarist","mixId":"guitarist"})"));
        expectedRefusals = 4;
    }

    SECTION ("forbidden controls and values")
    {
        caseName = "forbidden controls and values";
        REQUIRE (page.sendText (setMessage ("pan", "vox", 0.5)));             // the singer may not pan
        REQUIRE (page.sendText (setMessage ("gain", "click", -3.0)));         // nor set the click
        REQUIRE (page.sendText (R"({"type":"set","control":"limiterCeilingDb","value":0})"));
        REQUIRE (page.sendText (R"({"type":"set","control":"gain","source":"vox","value":1e999})"));
        REQUIRE (page.sendText (setMessage ("gain", "vox", 13.0)));
        REQUIRE (page.sendText (setMessage ("master", {}, -1000.0)));
        REQUIRE (page.sendText (R"({"type":"set","control":"mute","source":"vox","value":2})"));
        expectedRefusals = 7;
    }

    SECTION ("10,000 valid messages as fast as possible")
    {
        caseName = "10,000 valid messages as fast as possible";
        singerMayChangeOwnLayer = true;
        expectError = false;
        std::atomic<bool> sent { false };
        const auto start = Clock::now();
        std::thread flood ([&]
        {
            for (int i = 0; i < 10000; ++i)
                if (! page.sendText (setMessage ("gain", "vox", -static_cast<double> (i % 40) * 0.5)))
                    break;
            sent = true;
        });

        // What the timer would do meanwhile: service() every 20 ms, timed.
        TimedService serviceOnce { fixture };
        while (! sent && millisecondsSince (start) < 30000.0)
        {
            serviceOnce();
            std::this_thread::sleep_for (std::chrono::milliseconds (20));
        }
        flood.join();
        REQUIRE (sent);

        // Then until the server has read all 10,000 (the pong comes after them).
        const std::string probe = "after-the-flood";
        REQUIRE (page.sendFrame (TestWebSocketClient::ping, probe));
        bool handled = false;
        while (! handled && millisecondsSince (start) < 30000.0)
        {
            serviceOnce();
            const auto frameDeadline = Clock::now() + std::chrono::milliseconds (20);
            while (Clock::now() < frameDeadline)
                if (const auto frame = page.readFrame (std::chrono::milliseconds (2)); frame && frame->opcode == TestWebSocketClient::pong
                                                                                       && frame->payload == probe)
                    handled = true;
        }
        REQUIRE (handled);
        const double seconds = millisecondsSince (start) / 1000.0;
        for (int i = 0; i < 3; ++i)
            serviceOnce();

        const auto edits = fixture.document.getChangeCount() - changesBefore;
        const auto refused = fixture.remotes->getRefusedCount() - refusedBefore;
        std::cout << "[web] flood of 10000: " << seconds * 1000.0 << " ms, " << refused << " dropped, " << edits
                  << " session edits in " << serviceOnce.calls << " service() calls, longest service() " << serviceOnce.longestMilliseconds << " ms, "
                  << fixture.document.getAuditLog().size() << " audit lines\n";

        // The rate limiter let through at most its burst and rate; everything else was dropped.
        const double mostAccepted = 400.0 + 200.0 * seconds + 1.0;
        CHECK (static_cast<double> (refused) >= 10000.0 - mostAccepted);
        // At most one edit per service() call, and far fewer than the messages.
        CHECK (edits >= 1);
        CHECK (edits <= static_cast<std::uint64_t> (serviceOnce.calls));
        CHECK (static_cast<double> (edits) <= mostAccepted);
        CHECK (fixture.document.getAuditLog().size() <= 2 + static_cast<std::size_t> (seconds));
        CHECK (serviceOnce.longestMilliseconds < 1000.0);

        // The singer's vox offset is one of the values sent, and the page sees the session's value.
        const auto offset = fixture.offset ("singer", "vox").gainOffsetDb;
        CHECK (offset <= -3.0);
        CHECK (offset >= -22.5);
        const auto state = json::parse (httpGet (fixture.httpPort, "/api/state?token=" + singerToken).body, nullptr, false);
        REQUIRE_FALSE (state.is_discarded());
        CHECK ((*sourceIn (state, "vox"))["gainDb"] == effectiveSend (fixture.mix ("singer"), "vox").gainDb);
    }

    // However the hostile page fared, everything it sent has been dealt with.
    bool sawError = false;
    REQUIRE (awaitHandled (fixture, page, "probe", &sawError));
    if (expectedRefusals > 0)
        CHECK (fixture.remotes->getRefusedCount() >= refusedBefore + expectedRefusals);
    if (expectError && ! page.isClosed() && ! sawError) // civetweb may answer the ping itself, before our reply goes out
        sawError = awaitMessage (fixture, page, [] (const json& m) { return m.value ("type", "") == "error"; },
                                 std::chrono::seconds (2)).has_value();
    if (expectError && ! page.isClosed())
        CHECK (sawError); // the page was told why (at most one error a second)
    fixture.serviceRounds();

    std::cout << "[web] hostile case \"" << caseName << "\": connection " << (page.isClosed() ? "closed by the server" : "still open")
              << ", singer's layer " << (fixture.mix ("singer").performer == findMix (before, "singer")->performer ? "unchanged" : "changed")
              << ", refused " << fixture.remotes->getRefusedCount() - refusedBefore << "\n";

    if (singerMayChangeOwnLayer)
    {
        CHECK (withPerformerLayerOf (fixture.session(), before, "singer") == before);
    }
    else
    {
        CHECK (fixture.session() == before);
        CHECK (fixture.document.getChangeCount() == changesBefore);
    }
    CHECK (fixture.engine.plans().getLatest() == plan); // nothing structural reached the audio thread

    checkServerStillServes (fixture, -7.5);
}

TEST_CASE ("Web remote: at most 4 pages per mix at once, and more are refused and the server keeps answering", "[remote][web][hostile]")
{
    RemoteFixture fixture;
    std::vector<std::unique_ptr<TestWebSocketClient>> pages;
    for (int i = 0; i < 8; ++i)
    {
        pages.push_back (std::make_unique<TestWebSocketClient>());
        REQUIRE (pages.back()->connect (fixture.httpPort, "/ws?token=" + (i % 2 == 0 ? singerToken : guitaristToken)));
    }
    REQUIRE (fixture.serviceUntil ([&] { return fixture.remotes->getWebConnectionCount() == 8; }));

    for (const auto& token : { singerToken, guitaristToken })
    {
        TestWebSocketClient extra;
        CHECK_FALSE (extra.connect (fixture.httpPort, "/ws?token=" + token));
        CHECK (extra.getHandshakeStatus() == 429);
    }
    CHECK (httpGet (fixture.httpPort, "/api/state?token=" + singerToken).status == 200);

    // Every open page gets its state.
    for (auto& page : pages)
        CHECK (awaitState (fixture, *page).has_value());

    // Pages that go away free their places.
    pages.clear();
    REQUIRE (fixture.serviceUntil ([&] { return fixture.remotes->getWebConnectionCount() == 0; }));
    checkServerStillServes (fixture, -6.5);
}

TEST_CASE ("Web remote: turning remote control off closes the ports and open pages, and turning it on again serves again", "[remote][web]")
{
    RemoteFixture fixture;
    TestWebSocketClient page;
    REQUIRE (openPage (fixture, page, singerToken).has_value());

    auto start = Clock::now();
    REQUIRE (fixture.document.edit ("remote off", [] (Session& s) { s.remote.enabled = false; }).empty());
    fixture.remotes->service();
    std::cout << "[web] turning the remotes off took " << millisecondsSince (start) << " ms of the message thread\n";
    CHECK_FALSE (fixture.remotes->isRunning());
    CHECK (httpGet (fixture.httpPort, "/api/state?token=" + singerToken).status == 0); // nobody listening

    // The open page learns it is closed.
    const auto deadline = Clock::now() + std::chrono::seconds (5);
    while (! page.isClosed() && Clock::now() < deadline)
        page.readFrame (std::chrono::milliseconds (20));
    CHECK (page.isClosed());

    // Refused while off, a page's changes never arrive.
    page.sendText (setMessage ("gain", "vox", 9.0));
    fixture.serviceRounds();
    CHECK (fixture.offset ("singer", "vox").gainOffsetDb == 0.0);

    start = Clock::now();
    REQUIRE (fixture.document.edit ("remote on", [] (Session& s) { s.remote.enabled = true; }).empty());
    fixture.remotes->service();
    std::cout << "[web] turning the remotes on again took " << millisecondsSince (start) << " ms\n";
    INFO (fixture.remotes->getProblem());
    REQUIRE (fixture.remotes->isRunning());
    CHECK (httpGet (fixture.httpPort, "/api/state?token=" + singerToken).status == 200);
    TestWebSocketClient again;
    CHECK (openPage (fixture, again, singerToken).has_value());
}

TEST_CASE ("Web remote: new ports set while serving take effect at once, and the old ports close", "[remote][web]")
{
    RemoteFixture fixture;
    const int oldHttp = fixture.httpPort, oldOsc = fixture.oscPort;
    const int newHttp = pickFreePortPair();

    // What the Setup page's port fields do: one edit of the session.
    REQUIRE (fixture.document.edit ("remote ports", [newHttp] (Session& s)
    {
        s.remote.httpPort = newHttp;
        s.remote.oscPort = newHttp + 1;
    }).empty());
    fixture.remotes->service();

    INFO (fixture.remotes->getProblem());
    REQUIRE (fixture.remotes->isRunning());
    CHECK (httpGet (newHttp, "/api/state?token=" + singerToken).status == 200);
    CHECK_FALSE (portIsFree (newHttp + 1, false));   // OSC holds its new port
    TestWebSocketClient page;
    CHECK (page.connect (newHttp, "/ws?token=" + singerToken));

    // The old server is retired on a thread of its own (civetweb takes ~2 s to stop).
    const auto deadline = Clock::now() + std::chrono::seconds (20);
    while ((httpGet (oldHttp, "/api/state?token=" + singerToken).status != 0 || ! portIsFree (oldOsc, false))
           && Clock::now() < deadline)
    {
        fixture.remotes->service();
        std::this_thread::sleep_for (std::chrono::milliseconds (50));
    }
    CHECK (httpGet (oldHttp, "/api/state?token=" + singerToken).status == 0);   // nobody listening
    CHECK (portIsFree (oldOsc, false));
}
