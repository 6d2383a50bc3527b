#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "App/FoldbackApplication.h"
#include "App/SessionLoading.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace foldback
{

namespace
{
    /** True if an X server answers on $DISPLAY. libX11 is opened at run time, as JUCE
        itself does, so a machine without it still runs headless. */
    bool canOpenDisplay()
    {
        const char* display = std::getenv ("DISPLAY");
        if (display == nullptr || *display == 0)
            return false;

        void* x11 = dlopen ("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
        if (x11 == nullptr)
            return false;

        using OpenDisplay = void* (*) (const char*);
        using CloseDisplay = int (*) (void*);
        auto openDisplay = reinterpret_cast<OpenDisplay> (dlsym (x11, "XOpenDisplay"));
        auto closeDisplay = reinterpret_cast<CloseDisplay> (dlsym (x11, "XCloseDisplay"));
        bool ok = false;
        if (openDisplay != nullptr && closeDisplay != nullptr)
            if (void* connection = openDisplay (nullptr))
            {
                closeDisplay (connection);
                ok = true;
            }
        dlclose (x11);
        return ok;
    }

    /** With no session named: the last one the console opened, else the demo. */
    std::string findStartSessionPath()
    {
        const juce::ScopedJuceInitialiser_GUI juceRuntime;
        const auto settings = FoldbackApplication::openSettings();
        const auto lastPath = settings->getValue (SessionFiles::lastSessionKey);
        const juce::File last (lastPath);
        if (lastPath.isNotEmpty() && last.existsAsFile())
            return last.getFullPathName().toStdString();
        return FoldbackApplication::findPresetsFolder().getChildFile ("demo.json").getFullPathName().toStdString();
    }
}

int runGuiCommand (const std::vector<std::string>& words)
{
    // --screenshot-dir, --quit-after-screenshots, --window, --play and --page are hidden: for
    // tests, the docs and the CPU benchmark (scripts/console-cpu-bench).
    const CommandLineArguments arguments (words, { "--screenshot-dir", "--page", "--window" },
                                          { "--quit-after-screenshots", "--remote", "--play" });
    if (arguments.positionals().size() > 1)
        throw UsageError ("the console opens one SESSION.json at a time");

    const char* nsmUrl = std::getenv ("NSM_URL");
    const bool underNsm = nsmUrl != nullptr && *nsmUrl != 0;
    if (underNsm && ! arguments.positionals().empty())
        throw UsageError ("under NSM the server names the session: give no SESSION.json");

    GuiLaunchOptions options;
    if (! arguments.positionals().empty())
    {
        auto loaded = loadSessionForCommand (arguments.positionals().front());
        options.session = std::move (loaded.session);
        options.sessionPath = std::filesystem::absolute (loaded.path).string();
    }
    options.screenshotDirectory = arguments.value ("--screenshot-dir");
    options.quitAfterScreenshots = arguments.has ("--quit-after-screenshots");
    options.enableRemotes = arguments.has ("--remote");
    options.playAtStart = arguments.has ("--play");
    if (const auto size = juce::String (arguments.value ("--window")); size.isNotEmpty())
    {
        options.windowWidth = size.upToFirstOccurrenceOf ("x", false, false).getIntValue();
        options.windowHeight = size.fromFirstOccurrenceOf ("x", false, false).getIntValue();
        if (options.windowWidth < 640 || options.windowHeight < 400)
            throw UsageError ("--window wants WIDTHxHEIGHT, at least 640x400");
    }
    options.startPage = static_cast<int> (arguments.number ("--page", 0.0, 0.0, 1000.0));

    if (! canOpenDisplay())
    {
        if (! options.screenshotDirectory.empty())
            throw CommandFailure ("--screenshot-dir needs a display, and none answers on $DISPLAY");
        // Under NSM, run is the client and asks the server for the session.
        const auto path = underNsm ? std::string() : options.session.has_value() ? options.sessionPath : findStartSessionPath();
        std::cerr << "note: no display; running " << (underNsm ? std::string ("the NSM session") : path) << " headless\n";
        std::vector<std::string> runWords { "--headless" };
        if (! path.empty())
            runWords.insert (runWords.begin(), path);
        if (options.enableRemotes)
            runWords.push_back ("--remote");
        return runRunCommand (runWords);
    }

    if (underNsm)
    {
        // The window is NSM's optional GUI; the session is the one the server opens.
        options.nsm = std::make_shared<NsmClient> (nsmUrl);
        options.nsm->announce ("foldback", ":dirty:optional-gui:");
        const auto instance = options.nsm->openInstance (std::chrono::seconds (30));
        try
        {
            auto loaded = loadSessionForCommand (instance.sessionPath);
            options.session = std::move (loaded.session);
            options.sessionPath = std::filesystem::absolute (loaded.path).string();
        }
        catch (const std::exception& e)
        {
            options.nsm->replyToOpen (false, e.what());
            throw;
        }
        options.jackClientName = instance.clientId;
    }

    FoldbackApplication::setLaunchOptions (std::move (options));
    juce::JUCEApplicationBase::createInstance = [] () -> juce::JUCEApplicationBase* { return new FoldbackApplication(); };

    // JUCE keeps argv for getCommandLineParameters(); ours is already parsed above.
    std::vector<const char*> argv { "foldback" };
    for (const auto& word : words)
        argv.push_back (word.c_str());
    return juce::JUCEApplicationBase::main (static_cast<int> (argv.size()), argv.data());
}

} // namespace foldback
