// The web remote under clients that misbehave at the socket level, over 127.0.0.1: a
// page that stops reading, half-open connections, a flood of pages on one token, wrong
// tokens guessed fast, HEAD requests, frames that break RFC 6455. The server is driven
// directly (no RemoteControl), so a test can send big meters messages and fill a stuck
// page's socket in seconds rather than the minutes real meters would take.

#include "Remote/Support/RemoteTestFixture.h"
#include "Remote/Support/TestWebSocketClient.h"
#include "Remote/WebRemoteServer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

using namespace foldback;
using namespace foldback::test;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace
{
    /** A WebRemoteServer on 127.0.0.1 serving the remote test session's directory. */
    struct WebServerUnderTest
    {
        WebServerUnderTest()
        {
            directory.publish (RemoteDirectory::build (makeRemoteTestSession()));
            std::string error;
            for (int attempt = 0; attempt < 8 && port == 0; ++attempt)
            {
                const int candidate = pickFreePortPair();
                if (server.start ("127.0.0.1", candidate, error))
                    port = candidate;
            }
            if (port == 0)
                throw std::runtime_error ("the web remote would not start: " + error);
        }

        /** A different state for the guitarist's page, as after an edit on the console. */
        void changeGuitaristState()
        {
            auto session = makeRemoteTestSession();
            findMix (session, "guitarist")->masterDb = -11.0;
            directory.publish (RemoteDirectory::build (session));
            server.publishStates();
        }

        RemoteDirectoryHolder directory;
        PendingRemoteChanges pending;
        WebRemoteServer server { directory, pending };
        int port = 0;
    };

    /** What the message thread's timer does, on a thread of its own: a meters message for
        every page every 10 ms, each `bytes` long (real ones are ~200 bytes; big ones fill
        a page that stops reading quickly). Records the longest publishMeters() call. */
    struct MetersClock
    {
        MetersClock (WebRemoteServer& serverToFeed, std::size_t bytes)
            : server (serverToFeed), text (R"({"type":"meters","sources":{},"mix":[-120,-120],"gainReductionDb":0,"pad":")"
                                           + std::string (bytes, 'x') + "\"}")
        {
            thread = std::thread ([this]
            {
                while (! stopping)
                {
                    const auto start = Clock::now();
                    server.publishMeters ([this] (const std::string&) { return text; });
                    longestPublishMilliseconds = std::max (longestPublishMilliseconds.load(), millisecondsSince (start));
                    std::this_thread::sleep_for (std::chrono::milliseconds (10));
                }
            });
        }

        ~MetersClock() { stop(); }

        void stop()
        {
            stopping = true;
            if (thread.joinable())
                thread.join();
        }

        WebRemoteServer& server;
        const std::string text;
        std::atomic<bool> stopping { false };
        std::atomic<double> longestPublishMilliseconds { 0.0 };
        std::thread thread;
    };

    std::string typeOf (const TestWebSocketClient::Frame& frame)
    {
        if (frame.opcode != TestWebSocketClient::text)
            return {};
        const auto message = json::parse (frame.payload, nullptr, false);
        return message.is_object() ? message.value ("type", "") : std::string();
    }

    /** Reads the page until a state message satisfying `wanted` arrives; false by the timeout. */
    template <typename Predicate>
    bool awaitState (TestWebSocketClient& page, Predicate wanted, std::chrono::milliseconds timeout = std::chrono::seconds (5))
    {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline && ! page.isClosed())
            if (const auto frame = page.readFrame (std::chrono::milliseconds (20)); frame && typeOf (*frame) == "state")
                if (wanted (json::parse (frame->payload)))
                    return true;
        return false;
    }

    bool awaitAnyState (TestWebSocketClient& page) { return awaitState (page, [] (const json&) { return true; }); }

    /** A page that completes the handshake and then never reads: a locked phone. */
    std::unique_ptr<TestWebSocketClient> openStuckPage (int port, const std::string& token)
    {
        auto page = std::make_unique<TestWebSocketClient>();
        page->receiveBufferBytes = 4096;
        return page->connect (port, "/ws?token=" + token) ? std::move (page) : nullptr;
    }

    /** True once the server counts `wanted` pages, within the timeout. */
    bool awaitConnectionCount (const WebRemoteServer& server, int wanted, std::chrono::milliseconds timeout)
    {
        const auto deadline = Clock::now() + timeout;
        while (server.getConnectionCount() != wanted)
        {
            if (Clock::now() >= deadline)
                return false;
            std::this_thread::sleep_for (std::chrono::milliseconds (5));
        }
        return true;
    }

    /** True once the server has closed the page's connection: reads (and discards) what it
        had queued until EOF, within the timeout. */
    bool awaitServerClosed (TestWebSocketClient& page, std::chrono::milliseconds timeout)
    {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline)
        {
            page.readFrame (std::chrono::milliseconds (50));
            if (page.isClosed())
                return true;
        }
        return false;
    }
}

TEST_CASE ("A page that stops reading is dropped and the other pages keep getting meters", "[remote][web][reliability]")
{
    WebServerUnderTest web;
    TestWebSocketClient reader;
    REQUIRE (reader.connect (web.port, "/ws?token=" + guitaristToken));
    REQUIRE (awaitAnyState (reader));

    auto stuck = openStuckPage (web.port, singerToken);
    REQUIRE (stuck != nullptr);
    // The server counts a page on its own thread after the handshake: until it has, a
    // count of one would read as the stuck page already dropped.
    REQUIRE (awaitConnectionCount (web.server, 2, std::chrono::seconds (10)));
    MetersClock meters (web.server, 16 * 1024); // 1.6 MB a second to each page

    const auto start = Clock::now();
    auto lastMeters = Clock::now();
    double longestGapMilliseconds = 0.0, droppedAfterSeconds = -1.0, newPageStateMilliseconds = -1.0, ownStateMilliseconds = -1.0;
    bool newPageOpened = false;
    // Bounded: a server that never drops the stuck page fails here after 45 s.
    while (millisecondsSince (start) < 45000.0)
    {
        if (const auto frame = reader.readFrame (std::chrono::milliseconds (20)); frame && typeOf (*frame) == "meters")
        {
            longestGapMilliseconds = std::max (longestGapMilliseconds, millisecondsSince (lastMeters));
            lastMeters = Clock::now();
        }
        REQUIRE_FALSE (reader.isClosed());

        // Once the stuck page's socket is surely full (5 s of 1.6 MB/s), a new page opens, and
        // the reading page's mix changes: both must get their state while the page is stuck.
        if (! newPageOpened && millisecondsSince (start) > 5000.0)
        {
            newPageOpened = true;
            const auto opening = Clock::now();
            TestWebSocketClient newcomer;
            if (newcomer.connect (web.port, "/ws?token=" + guitaristToken) && awaitAnyState (newcomer))
                newPageStateMilliseconds = millisecondsSince (opening);

            const auto changing = Clock::now();
            web.changeGuitaristState();
            if (awaitState (reader, [] (const json& m) { return m["mix"]["masterDb"] == -11.0; }))
                ownStateMilliseconds = millisecondsSince (changing);
            lastMeters = Clock::now(); // reading states above is not a gap in meters
        }

        if (droppedAfterSeconds < 0.0 && web.server.getConnectionCount() == 1)
            droppedAfterSeconds = millisecondsSince (start) / 1000.0;
        if (droppedAfterSeconds >= 0.0 && millisecondsSince (start) > droppedAfterSeconds * 1000.0 + 2000.0)
            break; // and 2 s of meters after the drop
    }
    meters.stop();

    std::cout << "[web] one page stuck: longest gap in another page's meters " << longestGapMilliseconds << " ms; a new page's state after "
              << newPageStateMilliseconds << " ms; a page's own state after " << ownStateMilliseconds << " ms; stuck page dropped after "
              << droppedAfterSeconds << " s; longest publishMeters() " << meters.longestPublishMilliseconds << " ms\n";

    CHECK (droppedAfterSeconds > 0.0);
    CHECK (awaitServerClosed (*stuck, std::chrono::seconds (10))); // its socket really was closed
    // Generous: a busy 2-core VM may hiccup, but a server blocked on the stuck page stalls
    // for its whole write timeout (5 s) at a time.
    CHECK (longestGapMilliseconds < 4000.0);
    CHECK (newPageStateMilliseconds >= 0.0);
    CHECK (newPageStateMilliseconds < 4000.0);
    CHECK (ownStateMilliseconds >= 0.0);
    CHECK (ownStateMilliseconds < 4000.0);
    CHECK (meters.longestPublishMilliseconds < 1000.0); // the message thread only queues
}

TEST_CASE ("stop() returns promptly while pages are stuck on full sockets", "[remote][web][reliability]")
{
    WebServerUnderTest web;
    std::vector<std::unique_ptr<TestWebSocketClient>> stuck;
    for (int i = 0; i < 3; ++i)
    {
        stuck.push_back (openStuckPage (web.port, singerToken));
        REQUIRE (stuck.back() != nullptr);
    }
    {
        MetersClock meters (web.server, 16 * 1024);
        std::this_thread::sleep_for (std::chrono::seconds (4)); // every stuck socket full
    }

    const auto start = Clock::now();
    web.server.stop();
    const double stopMilliseconds = millisecondsSince (start);
    std::cout << "[web] stop() with 3 stuck pages took " << stopMilliseconds << " ms\n";
    CHECK_FALSE (web.server.isRunning());
    CHECK (stopMilliseconds < 4000.0); // civetweb's own shutdown takes up to ~2 s
}

TEST_CASE ("A page loads while 200 half-open connections stall", "[remote][web][reliability][hostile]")
{
    WebServerUnderTest web;
    std::vector<int> stalled;
    for (int i = 0; i < 200; ++i)
    {
        const int fd = websocketDetail::connectTo (web.port);
        REQUIRE (fd >= 0);
        const std::string partial = "GET /mix?token=sing";
        websocketDetail::sendAll (fd, partial.data(), partial.size()); // and never the rest
        stalled.push_back (fd);
    }
    std::this_thread::sleep_for (std::chrono::milliseconds (200)); // the server has taken them

    const auto start = Clock::now();
    const auto response = httpGet (web.port, "/mix?token=" + singerToken, std::chrono::seconds (20));
    const double loadMilliseconds = millisecondsSince (start);
    std::cout << "[web] a page load behind 200 stalled connections took " << loadMilliseconds << " ms (status " << response.status << ")\n";
    CHECK (response.status == 200);
    CHECK (loadMilliseconds < 8000.0);

    TestWebSocketClient page;
    CHECK (page.connect (web.port, "/ws?token=" + singerToken));
    CHECK (awaitAnyState (page));
    for (const int fd : stalled)
        ::close (fd);
}

TEST_CASE ("A mix takes at most 4 pages at once, and a fifth is refused with a reason", "[remote][web][reliability][hostile]")
{
    WebServerUnderTest web;
    std::vector<std::unique_ptr<TestWebSocketClient>> pages;
    for (int i = 0; i < 4; ++i)
    {
        pages.push_back (std::make_unique<TestWebSocketClient>());
        REQUIRE (pages.back()->connect (web.port, "/ws?token=" + singerToken));
        REQUIRE (awaitAnyState (*pages.back()));
    }

    TestWebSocketClient fifth;
    CHECK_FALSE (fifth.connect (web.port, "/ws?token=" + singerToken));
    CHECK (fifth.getHandshakeStatus() == 429);
    CHECK (fifth.getHandshakeResponse().find ("Too Many Requests") != std::string::npos);
    CHECK (web.server.getConnectionCount() == 4);

    // Another mix is not affected, and a page that goes away frees its place.
    TestWebSocketClient guitarist;
    CHECK (guitarist.connect (web.port, "/ws?token=" + guitaristToken));
    pages.pop_back();
    // The server notices the close on its own thread: on a loaded machine that can take a
    // while, so the new page tries again until its place is free (never a timing claim).
    const auto deadline = Clock::now() + std::chrono::seconds (20);
    bool reconnected = false;
    while (! reconnected && Clock::now() < deadline)
    {
        TestWebSocketClient again;
        reconnected = again.connect (web.port, "/ws?token=" + singerToken);
        if (! reconnected)
            std::this_thread::sleep_for (std::chrono::milliseconds (50));
    }
    CHECK (reconnected);
}

TEST_CASE ("Wrong tokens from one address get 429, and the right token from another address still works", "[remote][web][reliability][hostile]")
{
    WebServerUnderTest web;
    int forbidden = 0, throttled = 0;
    for (int i = 0; i < 60; ++i)
    {
        const auto status = httpGet (web.port, "/api/state?token=guess-" + std::to_string (i)).status;
        forbidden += status == 403 ? 1 : 0;
        throttled += status == 429 ? 1 : 0;
    }
    std::cout << "[web] 60 wrong tokens from one address: " << forbidden << " answered 403, " << throttled << " 429\n";
    CHECK (forbidden >= 20);  // a mistyped link or two is answered normally
    CHECK (forbidden <= 45);  // but guessing is slowed to about one a second after a burst
    CHECK (throttled >= 15);

    // The guessing address is refused whatever it sends, so a 429 tells it nothing.
    CHECK (httpGet (web.port, "/api/state?token=" + singerToken).status == 429);
    TestWebSocketClient guesser;
    CHECK_FALSE (guesser.connect (web.port, "/ws?token=guess-ws"));
    CHECK (guesser.getHandshakeStatus() == 429);

    // Another address (another phone) is not locked out.
    CHECK (httpGet (web.port, "/api/state?token=" + singerToken, std::chrono::seconds (5), "127.0.0.2").status == 200);
    TestWebSocketClient phone;
    phone.sourceAddress = "127.0.0.2";
    CHECK (phone.connect (web.port, "/ws?token=" + singerToken));
    CHECK (awaitAnyState (phone));
}

TEST_CASE ("HEAD gets the headers and no body", "[remote][web][reliability]")
{
    WebServerUnderTest web;
    for (const std::string& target : std::vector<std::string> { "/", "/mix?token=" + singerToken, "/api/state?token=" + singerToken })
    {
        INFO (target);
        const auto get = httpGet (web.port, target);
        const auto head = httpRequest (web.port, "HEAD", target);
        CHECK (head.status == get.status);
        CHECK (websocketDetail::headerValue (head.headers, "Content-Length") == std::to_string (get.body.size()));
        CHECK (head.body.empty());
    }
}

TEST_CASE ("A client frame that breaks RFC 6455 closes the connection and changes nothing", "[remote][web][reliability][hostile]")
{
    WebServerUnderTest web;
    TestWebSocketClient page;
    REQUIRE (page.connect (web.port, "/ws?token=" + singerToken));
    REQUIRE (awaitAnyState (page));
    const std::string set = R"({"type":"set","control":"gain","source":"vox","value":9.0})";

    SECTION ("an unmasked frame") { REQUIRE (page.sendFrame (TestWebSocketClient::text, set, false)); }
    SECTION ("reserved bits set") { REQUIRE (page.sendFrame (TestWebSocketClient::text, set, true, true, 4)); }
    SECTION ("a reserved opcode") { REQUIRE (page.sendFrame (0x3, set)); }

    CHECK (awaitServerClosed (page, std::chrono::seconds (5)));
    CHECK (web.pending.takeAll().empty());

    // The page's mistake is its own: another page still connects.
    TestWebSocketClient other;
    CHECK (other.connect (web.port, "/ws?token=" + singerToken));
}
