// Performers' links survive a restart of a session that was not saved: the tokens are
// remembered per session file (RemoteLinkStore), the user's alone, and only fill gaps.

#include "Remote/RemoteLinkStore.h"
#include "Session/SessionFile.h"
#include "Support/FreePorts.h"
#include "Support/RunFoldback.h"
#include "Support/TwoPerformerSession.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sys/stat.h>

using namespace foldback;
using namespace foldback::test;

namespace
{
    Session withTokens (const std::string& engineer, const std::string& singer, const std::string& guitarist)
    {
        auto session = makeTwoPerformerSession ("links");
        session.remote.engineerToken = engineer;
        session.mixes[0].remote.token = singer;
        session.mixes[1].remote.token = guitarist;
        return session;
    }
}

TEST_CASE ("Remembered links fill only the tokens a session lacks, for that session file alone", "[remote][links]")
{
    TempDirectory directory;
    const RemoteLinkStore store (directory.file ("config/remote-links.json"));
    const auto song = directory.file ("song.json");

    std::string error;
    REQUIRE (store.remember (song, withTokens ("engineer-aaaa-0001", "singer-aaaa-0001", "guitar-aaaa-0001"), error));

    // The same file, named another way: its links come back.
    auto fresh = withTokens ("", "", "");
    CHECK (store.recall (directory.file ("./song.json"), fresh));
    CHECK (fresh.remote.engineerToken == "engineer-aaaa-0001");
    CHECK (fresh.mixes[0].remote.token == "singer-aaaa-0001");
    CHECK (fresh.mixes[1].remote.token == "guitar-aaaa-0001");

    // A token in the session wins; a mix the store never saw stays without one.
    auto edited = withTokens ("", "singer-new-00001", "");
    edited.mixes[1].id = "bassist";
    CHECK (store.recall (song, edited));
    CHECK (edited.mixes[0].remote.token == "singer-new-00001");
    CHECK (edited.mixes[1].remote.token.empty());

    // Another session file gets nothing.
    auto other = withTokens ("", "", "");
    CHECK_FALSE (store.recall (directory.file ("other.json"), other));
    CHECK (other.mixes[0].remote.token.empty());

    // Tokens are secrets: the file is the user's alone.
    struct stat info {};
    REQUIRE (::stat (directory.file ("config/remote-links.json").c_str(), &info) == 0);
    CHECK ((info.st_mode & 0777) == 0600);
}

TEST_CASE ("A damaged links file remembers nothing and is replaced by the next write, and old sessions are forgotten first", "[remote][links]")
{
    TempDirectory directory;
    const auto file = directory.file ("remote-links.json");
    std::ofstream (file) << "{ not json";
    const RemoteLinkStore store (file);

    auto session = withTokens ("", "", "");
    CHECK_FALSE (store.recall (directory.file ("song.json"), session));

    std::string error;
    for (std::size_t i = 0; i <= RemoteLinkStore::maxSessions; ++i)
        REQUIRE (store.remember (directory.file ("song" + std::to_string (i) + ".json"),
                                 withTokens ("e" + std::to_string (i) + "-token-1234", "s" + std::to_string (i) + "-token-1234", ""), error));

    auto oldest = withTokens ("", "", "");
    CHECK_FALSE (store.recall (directory.file ("song0.json"), oldest)); // the least recently used went
    auto newest = withTokens ("", "", "");
    CHECK (store.recall (directory.file ("song" + std::to_string (RemoteLinkStore::maxSessions) + ".json"), newest));
}

TEST_CASE ("run --remote prints the same performer links after a restart without saving the session", "[remote][links][cli]")
{
    TempDirectory directory;
    const auto session = directory.file ("song.json");
    {
        auto unsaved = makeTwoPerformerSession ("links");
        unsaved.tracks.clear();
        for (auto& mix : unsaved.mixes)
            mix.sends.erase ("drums");
        unsaved.remote.address = "127.0.0.1";
        unsaved.remote.httpPort = pickFreePortPair();
        unsaved.remote.oscPort = unsaved.remote.httpPort + 1;
        std::string error;
        REQUIRE (saveSessionFile (unsaved, session, error));
    }
    const auto before = std::filesystem::last_write_time (session);

    const auto runOnce = [&]
    {
        const auto outcome = runFoldback ("run " + shellQuoted (session) + " --headless --remote --device-type Virtual",
                                          "XDG_CONFIG_HOME=" + shellQuoted (directory.file ("config")) + " timeout -s INT 3");
        INFO (outcome.output);
        std::smatch link;
        const std::regex singer ("remote: singer (http://\\S+)");
        REQUIRE (std::regex_search (outcome.output, link, singer));
        return link[1].str();
    };

    const auto first = runOnce();
    const auto second = runOnce();
    CHECK (first == second);
    CHECK (first.find ("token=") != std::string::npos);
    CHECK (std::filesystem::last_write_time (session) == before); // run never wrote the session
}
