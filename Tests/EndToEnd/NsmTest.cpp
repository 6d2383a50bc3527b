#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/JackDummyServer.h"
#include "Support/JackTestClients.h"
#include "Support/NsmTestServer.h"

#include <catch2/catch.hpp>


using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

TEST_CASE ("Under NSM Foldback announces itself, opens the session the server names under the client id, saves when told and quits on SIGTERM", "[e2e][nsm]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();
    NsmServer nsm;

    // The instance's files: NSM gives a path; the session is that path + ".json".
    const auto instance = directory.file ("Foldback.nABCD");
    Session session;
    session.name = "overdub";
    session.audio.deviceType = DeviceType::jack;
    session.mixes = { makeMix ("singer", { 1, 2 }) };
    writeSessionFile (directory, session, "Foldback.nABCD.json");

    ChildProcess foldback ({ FOLDBACK_BINARY, "run", "--headless", "--no-auto-connect" },
                           { { "NSM_URL", nsm.url() }, { "JACK_DEFAULT_SERVER", server.name() },
                             { "XDG_CONFIG_HOME", directory.file ("config") } },
                           directory.file ("nsm.out"), directory.file ("nsm.err"));

    const auto announce = nsm.receiveAt ("/nsm/server/announce", 30s);
    REQUIRE (announce.has_value());
    REQUIRE (announce->strings.size() == 3);
    CHECK (announce->strings[0] == "Foldback");
    CHECK (announce->strings[1].find (":dirty:") != std::string::npos);
    CHECK (announce->strings[2] == "foldback");
    REQUIRE (announce->numbers.size() == 3);
    CHECK (announce->numbers[0] == 1);   // API 1.x
    CHECK (announce->numbers[2] > 1);     // its pid
    nsm.send ("/reply", { "/nsm/server/announce", "welcome", "test-nsm", ":server-control:" });

    nsm.send ("/nsm/client/open", { instance, "Foldback", "Foldback.nABCD" });
    const auto opened = nsm.receiveAt ("/reply", 60s);
    REQUIRE (opened.has_value());
    REQUIRE_FALSE (opened->strings.empty());
    CHECK (opened->strings[0] == "/nsm/client/open");

    // The client id is the JACK client name.
    CHECK (waitUntil ([&] { return jackPortExists (server.name(), "Foldback.nABCD:singer_L"); }, 10s));

    // Save: atomic, answered. (The file is removed first, so the reply proves a write.)
    std::filesystem::remove (instance + ".json");
    nsm.send ("/nsm/client/save", {});
    const auto saved = nsm.receiveAt ("/reply", 10s);
    REQUIRE (saved.has_value());
    CHECK (saved->strings.at (0) == "/nsm/client/save");
    CHECK (std::filesystem::exists (instance + ".json"));

    // SIGTERM is how NSM ends a client: a clean exit, nothing asked.
    foldback.signal (SIGTERM);
    CHECK (foldback.waitForExit (exitTimeout) == 0);
    CHECK (foldback.readStdout().find ("foldback: stopped") != std::string::npos);
}

TEST_CASE ("Under NSM a new instance starts with a fresh session file at the path the server gives", "[e2e][nsm]")
{
    TempDirectory directory;
    NsmServer nsm;
    const auto instance = directory.file ("session/Foldback.nWXYZ");

    ChildProcess foldback ({ FOLDBACK_BINARY, "run", "--headless" },
                           { { "NSM_URL", nsm.url() }, { "JACK_DEFAULT_SERVER", "fbtest-no-such-server" },
                             { "XDG_CONFIG_HOME", directory.file ("config") } },
                           directory.file ("nsm.out"), directory.file ("nsm.err"));
    REQUIRE (nsm.receiveAt ("/nsm/server/announce", 30s).has_value());
    nsm.send ("/reply", { "/nsm/server/announce", "welcome", "test-nsm", "" });
    nsm.send ("/nsm/client/open", { instance, "Foldback", "Foldback.nWXYZ" });
    const auto opened = nsm.receiveAt ("/reply", 60s);
    REQUIRE (opened.has_value());
    CHECK (opened->strings.at (0) == "/nsm/client/open");
    CHECK (std::filesystem::exists (instance + ".json"));

    foldback.signal (SIGTERM);
    CHECK (foldback.waitForExit (exitTimeout) == 0);
}
