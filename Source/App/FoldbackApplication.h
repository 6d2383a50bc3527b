#pragma once

#include "App/LiveRig.h"
#include "App/NsmClient.h"
#include "App/StopSignals.h"
#include "Gui/ConsoleModel.h"
#include "Gui/FoldbackLookAndFeel.h"
#include "Gui/MainWindow.h"
#include "Gui/ComponentBoundsFile.h"
#include "Gui/ScreenshotRunner.h"
#include "Gui/SessionFiles.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

/** How the GUI was asked to start (parsed by runGuiCommand before JUCE starts). */
struct GuiLaunchOptions
{
    std::optional<Session> session;   ///< the session named on the command line, loaded and valid
    std::string sessionPath;
    std::string screenshotDirectory;  ///< hidden: save screenshots and the component tree here
    bool quitAfterScreenshots = false;
    bool enableRemotes = false;       ///< --remote: turn remote control on at start
    std::shared_ptr<NsmClient> nsm;   ///< under NSM: the client, its open request not yet answered
    std::string jackClientName;       ///< under NSM: the client id
    bool playAtStart = false;         ///< hidden --play: roll the transport once the window shows
    int startPage = 0;                ///< hidden --page N: show the console's page N (0 = the first mix)
    int windowWidth = 0, windowHeight = 0; ///< hidden --window WxH: the window's size (screenshots)
};

/** The engineer's console as a JUCE application: opens the session (the one given, else
    the last one opened, else presets/demo.json), opens its audio device through the device
    layer (falling back to Virtual), and shows the console. Quitting asks about unsaved
    changes; SIGTERM and SIGINT quit at once, asking nothing.

    Under NSM (options.nsm) the session is the server's, the window is its optional GUI
    (shown or hidden at start as it was when the session was saved: NsmWindowState;
    closing it hides it, and the server hears so), and only the server
    ends the console (SIGTERM). Message thread only. */
class FoldbackApplication : public juce::JUCEApplication, private juce::Timer
{
public:
    /** The options the next instance starts with (set before JUCE creates it). */
    static void setLaunchOptions (GuiLaunchOptions options);

    FoldbackApplication();
    ~FoldbackApplication() override;

    const juce::String getApplicationName() override    { return "Foldback"; }
    const juce::String getApplicationVersion() override { return FOLDBACK_VERSION; }
    bool moreThanOneInstanceAllowed() override          { return true; }

    void initialise (const juce::String& commandLine) override;
    void shutdown() override;
    void systemRequestedQuit() override;
    void anotherInstanceStarted (const juce::String&) override {}

    /** The presets folder: $FOLDBACK_PRESETS, else <executable dir>/../presets, else the
        source tree's presets (for a build that has not been installed). */
    static juce::File findPresetsFolder();

    /** The console's settings (recent sessions, the last one opened): console.settings
        beside the device layer's devices.json ($XDG_CONFIG_HOME/foldback, else ~/.config/foldback). */
    static std::unique_ptr<juce::PropertiesFile> openSettings();

private:
    void chooseStartSession (Session& session, std::string& path, juce::StringArray& notices);
    void startScreenshots();
    void serveNsm (const std::string& sessionPath);
    void showWindowForNsm (bool show);
    void timerCallback() override;   // polls the stop signals

    GuiLaunchOptions options;
    std::optional<StopSignals> stopSignals;
    FoldbackLookAndFeel lookAndFeel;
    std::unique_ptr<juce::PropertiesFile> settings;
    std::unique_ptr<LiveRig> rig;
    std::unique_ptr<ConsoleModel> model;
    std::unique_ptr<SessionFiles> files;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ScreenshotRunner> screenshots;
    std::unique_ptr<ComponentBoundsFile> boundsFile; ///< end-to-end tests only (FOLDBACK_COMPONENT_BOUNDS)
};

} // namespace foldback
