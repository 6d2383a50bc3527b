// The real console under NSM, on a private Xvfb: it announces an optional GUI, opens the
// session the server names, shows and hides its window when told (saying so each time),
// saves when told and ends on SIGTERM without asking anything; and it reopens a session
// with its window as it was when the session was saved.

#include "Support/ChildProcess.h"
#include "Support/EndToEndSessions.h"
#include "Support/NsmTestServer.h"
#include "Support/TempDirectory.h"
#include "Support/VirtualDisplay.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <thread>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    /** How many mapped (visible) top-level windows called "Foldback..." the display has. */
    int visibleConsoleWindows (const TempDirectory& directory, const std::string& display)
    {
        ChildProcess search ({ "xdotool", "search", "--onlyvisible", "--name", "^Foldback" }, { { "DISPLAY", display } },
                             directory.file ("xdotool.out"), directory.file ("xdotool.err"));
        search.waitForExit (10s);
        const auto text = search.readStdout();
        return static_cast<int> (std::count (text.begin(), text.end(), '\n'));
    }

    /** The console started with no arguments under the test's NSM server, announced and
        told to open `instance`: running, with the open answered. */
    std::unique_ptr<ChildProcess> openConsoleUnderNsm (const TempDirectory& directory, const VirtualDisplay& display,
                                                       NsmServer& nsm, const std::string& instance, const std::string& name)
    {
        auto foldback = std::make_unique<ChildProcess> (
            std::vector<std::string> { FOLDBACK_BINARY },
            std::vector<std::pair<std::string, std::string>> { { "NSM_URL", nsm.url() }, { "DISPLAY", display.name },
                                                 { "XDG_CONFIG_HOME", directory.file ("config") },
                                                 { "JACK_DEFAULT_SERVER", "fbtest-no-such-server" }, { "JACK_NO_START_SERVER", "1" } },
            directory.file (name + ".out"), directory.file (name + ".err"));

        const auto announce = nsm.receiveAt ("/nsm/server/announce", 60s);
        REQUIRE (announce.has_value());
        REQUIRE (announce->strings.size() == 3);
        CHECK (announce->strings[1].find (":optional-gui:") != std::string::npos);
        CHECK (announce->strings[1].find (":dirty:") != std::string::npos);
        nsm.send ("/reply", { "/nsm/server/announce", "welcome", "test-nsm", ":optional-gui:" });

        nsm.send ("/nsm/client/open", { instance, "Foldback", "Foldback.nGUI1" });
        const auto opened = nsm.receiveAt ("/reply", 60s);
        INFO ("stderr: " << foldback->readStderr());
        REQUIRE (opened.has_value());
        CHECK (opened->strings.at (0) == "/nsm/client/open");
        return foldback;
    }

    void saveThroughNsm (NsmServer& nsm)
    {
        nsm.send ("/nsm/client/save", {});
        const auto saved = nsm.receiveAt ("/reply", 30s);
        REQUIRE (saved.has_value());
        CHECK (saved->strings.at (0) == "/nsm/client/save");
    }
}

TEST_CASE ("Under NSM the console is an optional GUI: shown and hidden when the server asks, saved when told, ended by SIGTERM asking nothing",
           "[e2e][gui][nsm]")
{
    TempDirectory directory;
    VirtualDisplay display (directory);
    REQUIRE_FALSE (display.name.empty());
    NsmServer nsm;

    const auto instance = directory.file ("session/Foldback.nGUI1");
    const auto console = openConsoleUnderNsm (directory, display, nsm, instance, "foldback");
    auto& foldback = *console;
    CHECK (std::filesystem::exists (instance + ".json"));
    REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_shown", 30s).has_value());
    CHECK (waitUntil ([&] { return visibleConsoleWindows (directory, display.name) == 1; }, 30s));

    nsm.send ("/nsm/client/hide_optional_gui", {});
    REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_hidden", 30s).has_value());
    CHECK (waitUntil ([&] { return visibleConsoleWindows (directory, display.name) == 0; }, 30s));

    nsm.send ("/nsm/client/show_optional_gui", {});
    REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_shown", 30s).has_value());
    CHECK (waitUntil ([&] { return visibleConsoleWindows (directory, display.name) == 1; }, 30s));

    // Save: the file is removed first, so the reply proves a write.
    std::filesystem::remove (instance + ".json");
    saveThroughNsm (nsm);
    CHECK (std::filesystem::exists (instance + ".json"));

    foldback.signal (SIGTERM);
    CHECK (foldback.waitForExit (30s) == 0);
}

TEST_CASE ("Under NSM a console hidden when the session was saved opens hidden, and shows when the server asks", "[e2e][gui][nsm]")
{
    TempDirectory directory;
    VirtualDisplay display (directory);
    REQUIRE_FALSE (display.name.empty());
    const auto instance = directory.file ("session/Foldback.nGUI1");

    {
        NsmServer nsm;
        const auto first = openConsoleUnderNsm (directory, display, nsm, instance, "first");
        REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_shown", 30s).has_value());
        nsm.send ("/nsm/client/hide_optional_gui", {});
        REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_hidden", 30s).has_value());
        saveThroughNsm (nsm);
        CHECK (std::filesystem::exists (instance + ".window.json"));
        first->signal (SIGTERM);
        CHECK (first->waitForExit (30s) == 0);
    }

    // The session reopened: the console says it is hidden and maps no window...
    NsmServer nsm;
    const auto second = openConsoleUnderNsm (directory, display, nsm, instance, "second");
    REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_hidden", 30s).has_value());
    std::this_thread::sleep_for (1s);   // time a window would take to map
    CHECK (visibleConsoleWindows (directory, display.name) == 0);

    // ...until the server asks for it.
    nsm.send ("/nsm/client/show_optional_gui", {});
    REQUIRE (nsm.receiveAt ("/nsm/client/gui_is_shown", 30s).has_value());
    CHECK (waitUntil ([&] { return visibleConsoleWindows (directory, display.name) == 1; }, 30s));

    second->signal (SIGTERM);
    CHECK (second->waitForExit (30s) == 0);
}
