// The console builds a session through its window alone: the real `foldback` under Xvfb,
// driven by mouse clicks and keys injected with xdotool (a real X client, as a user's input
// arrives), starts one with Session > New, adds performers on its SETUP page, saves it with
// Save As in JUCE's file chooser, and the file must hold exactly the four-performer session
// those clicks describe.
//
// Where to click comes from the console's own map of its components' screen rectangles
// (FOLDBACK_COMPONENT_BOUNDS, Gui/ComponentBoundsFile.h). Every step waits for a
// condition (a component appears, a field opens or closes, the file changes), never for a
// fixed time, so a slow shared machine only makes it slower.

#include "Session/SessionFile.h"
#include "Session/SessionJson.h"
#include "Session/SessionQueries.h"
#include "Session/StarterSession.h"
#include "Support/ChildProcess.h"
#include "Support/TempDirectory.h"
#include "Support/VirtualDisplay.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    constexpr auto stepTimeout = 60s; // one step on a starved 2-core machine, with room to spare

    /** The console under test, with xdotool to drive it. */
    class DrivenConsole
    {
    public:
        DrivenConsole (const TempDirectory& directory, const std::string& displayName, const std::string& sessionPath)
            : display (displayName), boundsPath (directory.file ("bounds.json")),
              foldback ({ FOLDBACK_BINARY, sessionPath },
                        { { "DISPLAY", displayName }, { "XDG_CONFIG_HOME", directory.file ("config") },
                          { "FOLDBACK_COMPONENT_BOUNDS", directory.file ("bounds.json") } },
                        directory.file ("foldback.out"), directory.file ("foldback.err"))
        {
        }

        ~DrivenConsole() { foldback.signal (SIGKILL); }

        /** The newest map, or nothing yet. */
        std::optional<nlohmann::json> readBounds() const
        {
            std::ifstream in (boundsPath);
            if (! in.good())
                return std::nullopt;
            try
            {
                return nlohmann::json::parse (in);
            }
            catch (const nlohmann::json::exception&)
            {
                return std::nullopt; // never half-written (it is renamed into place), but be safe
            }
        }

        /** Waits until `condition` holds on the map; false after stepTimeout or if the console died. */
        bool waitFor (const std::function<bool (const nlohmann::json&)>& condition,
                      std::chrono::milliseconds timeout = stepTimeout)
        {
            const auto end = std::chrono::steady_clock::now() + timeout;
            while (std::chrono::steady_clock::now() < end && foldback.isRunning())
            {
                if (const auto bounds = readBounds(); bounds.has_value() && condition (*bounds))
                    return true;
                std::this_thread::sleep_for (50ms);
            }
            return false;
        }

        bool waitForComponent (const std::string& id)
        {
            return waitFor ([&id] (const nlohmann::json& b) { return b["components"].contains (id); });
        }

        /** Clicks the middle of a component once it is on screen. */
        bool click (const std::string& id)
        {
            if (! waitForComponent (id))
                return false;
            const auto r = readBounds()->at ("components").at (id);
            const int x = r[0].get<int>() + r[2].get<int>() / 2, y = r[1].get<int>() + r[3].get<int>() / 2;
            return xdotool ({ "mousemove", "--sync", std::to_string (x), std::to_string (y), "click", "1" });
        }

        /** Clicks a field edited in place, waits for its editor, replaces the text, Return. */
        bool typeInto (const std::string& id, const std::string& text)
        {
            if (! click (id))
                return false;
            if (! waitFor ([&id] (const nlohmann::json& b) { return b["editing"].get<bool>() && b["focused"] == id; }))
                return false;
            // Return closes the field and the console takes the keyboard back (ConsoleFieldKeys,
            // asynchronously): the next click waits for both, or it races the focus change.
            return xdotool ({ "key", "ctrl+a" }) && xdotool ({ "type", "--delay", "40", "--", text }) && xdotool ({ "key", "Return" })
                   && waitFor ([] (const nlohmann::json& b) { return ! b["editing"].get<bool>() && b["focused"] == "console"; });
        }

        /** Opens a combo box and clicks the item with this text in its popup menu. */
        bool choose (const std::string& id, const std::string& item)
        {
            if (! click (id))
                return false;
            // JUCE's menu ignores a click in the first 250 ms after it opens (so the click
            // that opened it cannot choose): until the menu has closed, click the item again.
            const auto gone = [&item] (const nlohmann::json& b) { return ! b["components"].contains ("menu:" + item); };
            for (int attempt = 0; attempt < 20; ++attempt)
            {
                if (! click ("menu:" + item))
                    return false;
                if (waitFor (gone, 2s))
                    return true;
            }
            return false;
        }

        /** Clicks a dialog's text field (a dialog has no componentIDs: "editor:<title>:<n>"),
            waits for it to take the keyboard and replaces its text. */
        bool typeIntoDialog (const std::string& editor, const std::string& text)
        {
            return click (editor) && waitFor ([] (const nlohmann::json& b) { return b["editing"].get<bool>(); })
                   && xdotool ({ "key", "ctrl+a" }) && xdotool ({ "type", "--delay", "40", "--", text });
        }

        bool waitUntilGone (const std::string& id)
        {
            return waitFor ([&id] (const nlohmann::json& b) { return ! b["components"].contains (id); });
        }

        bool key (const std::string& keys) { return xdotool ({ "key", keys }); }

        bool xdotool (const std::vector<std::string>& arguments)
        {
            std::vector<std::string> command { FOLDBACK_XDOTOOL };
            command.insert (command.end(), arguments.begin(), arguments.end());
            ChildProcess tool (command, { { "DISPLAY", display } }, boundsPath + ".xdotool.out", boundsPath + ".xdotool.err");
            const auto status = tool.waitForExit (stepTimeout);
            return status.has_value() && *status == 0;
        }

        std::string readStderr() const { return foldback.readStderr(); }
        std::string readBoundsText() const { return ChildProcess::readFile (boundsPath); }

    private:
        std::string display, boundsPath;
        ChildProcess foldback;
    };

    /** What the clicks below describe. Session > New for "Ann, Ben" (makeStarterSession, tested
        on its own: a mic and a stereo mix each, hearing their mic, the click and talkback,
        the talkback mic on input 3); then, on the Setup page, Cat and Dan: a new mix each on
        the next free outputs (the click at -12 dB and talkback) and a new mic on the next
        free input, which reaches no mix; Dan's keys a stereo pair, a -3 dB ceiling for Ann,
        the talkback mic moved to input 7. */
    Session expectedFourPiece (const AudioSettings& audio)
    {
        Session session = makeStarterSession ({ "Ann", "Ben" }, audio);
        const std::vector<std::string> added { "Cat", "Dan" };
        for (int k = 3; k <= 4; ++k)
        {
            const auto& name = added[static_cast<std::size_t> (k - 3)];
            session.inputs.push_back ({ "Input-" + std::to_string (k), name + " mic", { k + 1 } }); // input 3 is talkback's
            CueMix mix;
            mix.id = "Mix-" + std::to_string (k);
            mix.name = name;
            mix.outputs = { 2 * k - 1, 2 * k };
            mix.sends["click"] = { -12.0, 0.0, false };
            mix.sends["talkback"] = {};
            session.mixes.push_back (mix);
        }
        session.inputs.back().channels = { 5, 6 }; // Dan's keys are a stereo pair
        session.mixes.front().limiterCeilingDb = -3.0;
        session.talkback.channels = { 7 };
        return session;
    }
}

TEST_CASE ("The console builds a four-performer session from Session New through its window alone and saves exactly that with Save As", "[e2e][gui][setup]")
{
    TempDirectory directory;
    VirtualDisplay display (directory, "1600x1000x24");
    REQUIRE_FALSE (display.name.empty());

    const auto startPath = directory.file ("empty.json");
    {
        std::ofstream out (startPath);
        out << R"({ "format": "foldback-session", "version": 2, "name": "Empty", "mixes": [] })";
    }
    const auto start = loadSessionFile (startPath);
    REQUIRE (start.ok());
    const auto sessionPath = directory.file ("four-piece.json");

    DrivenConsole console (directory, display.name, startPath);
    INFO ("foldback's stderr: " << console.readStderr());
    const auto step = [&console] (bool done) // says where everything was when a step failed
    {
        INFO ("component bounds: " << console.readBoundsText());
        REQUIRE (done);
    };

    // Session > New (Ctrl+N): who is playing. (A click first: with no window manager, the
    // window has the keyboard only once it has been clicked.)
    step (console.click ("page:Setup"));
    REQUIRE (console.key ("ctrl+n"));
    step (console.waitForComponent ("button:Create"));
    step (console.typeIntoDialog ("editor:New session:0", "Ann, Ben"));
    step (console.click ("button:Create"));
    step (console.waitUntilGone ("button:Create"));

    // The Setup page: two more performers, then the details.
    step (console.click ("page:Setup"));
    step (console.waitForComponent ("setupMix:Ann:name"));
    const std::vector<std::string> names { "Cat", "Dan" };
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        const auto number = std::to_string (i + 3);
        INFO ("performer " << names[i]);
        step (console.click ("setup:addMix"));
        step (console.typeInto ("setupMix:Mix-" + number + ":name", names[i]));
        step (console.click ("setup:addInput"));
        step (console.typeInto ("setupInput:Input-" + number + ":name", names[i] + " mic"));
    }
    step (console.choose ("setupInput:Input-4:mode", "Stereo"));
    step (console.typeInto ("setupMix:Ann:ceiling", "-3"));
    step (console.choose ("setup:talkback", "7  Input 7"));

    // Save (Ctrl+S): a new session has no file yet, so this is Save As, in JUCE's own chooser.
    REQUIRE (console.key ("ctrl+s"));
    step (console.waitForComponent ("button:Save"));
    step (console.typeIntoDialog ("editor:Save session as:0", sessionPath));
    step (console.key ("Return"));      // a path typed in the file box moves the chooser there
    step (console.click ("button:Save"));
    std::optional<Session> saved;
    const auto end = std::chrono::steady_clock::now() + stepTimeout;
    while (! saved.has_value() && std::chrono::steady_clock::now() < end)
    {
        if (std::filesystem::exists (sessionPath))
            if (auto loaded = loadSessionFile (sessionPath); loaded.ok())
                saved = *loaded.session;
        std::this_thread::sleep_for (50ms);
    }
    REQUIRE (saved.has_value());

    const auto expected = expectedFourPiece (start.session->audio);
    INFO ("saved:\n" << sessionToJson (*saved) << "\nexpected:\n" << sessionToJson (expected));
    CHECK (*saved == expected);
}
