#include "Support/MessageLoop.h"
#include "App/NsmClient.h"
#include "EndToEnd/Support/NsmTestServer.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

#include <filesystem>

using namespace foldback;
using namespace foldback::test;

namespace
{
    /** Pumps the message loop (the client's timer) until the server hears `address`. */
    std::optional<Message> hear (NsmServer& server, const std::string& address)
    {
        for (int i = 0; i < 200; ++i)
        {
            foldback::test::runMessageLoopFor (20);
            if (auto message = server.receive (std::chrono::milliseconds (5)); message && message->address == address)
                return message;
        }
        return std::nullopt;
    }
}

TEST_CASE ("The NSM client reports unsaved changes as dirty and a save as clean, answering the save", "[nsm]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    TempDirectory directory;
    NsmServer server;

    Engine engine;
    engine.prepare (48000.0);
    SessionPlayer player (engine);
    SessionDocument document (player);
    Session session;
    session.name = "dirty";
    document.reset (session, directory.file ("s.json"));

    NsmClient client (server.url());
    client.announce ("foldback");
    REQUIRE (server.receiveAt ("/nsm/server/announce", std::chrono::seconds (5)).has_value());
    client.serve (document);

    CHECK (hear (server, "/nsm/client/is_clean").has_value());

    document.edit ("rename", [] (Session& s) { s.name = "edited"; });
    CHECK (hear (server, "/nsm/client/is_dirty").has_value());

    server.send ("/nsm/client/save", {});
    const auto reply = hear (server, "/reply");
    REQUIRE (reply.has_value());
    CHECK (reply->strings.at (0) == "/nsm/client/save");
    CHECK (hear (server, "/nsm/client/is_clean").has_value());
    CHECK (std::filesystem::exists (directory.file ("s.json")));
}

TEST_CASE ("The NSM client refuses an NSM_URL that is not osc.udp://HOST:PORT/", "[nsm]")
{
    CHECK_THROWS_AS (NsmClient ("http://localhost:1234/"), std::runtime_error);
    CHECK_THROWS_AS (NsmClient ("osc.udp://host/"), std::runtime_error);
}
