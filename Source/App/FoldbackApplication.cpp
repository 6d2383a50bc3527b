#include "FoldbackApplication.h"

#include "App/NsmWindowState.h"
#include "Session/SessionFile.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace foldback
{

namespace
{
    const char* const narrowStripsKey = "narrowStrips";

    GuiLaunchOptions& pendingOptions()
    {
        static GuiLaunchOptions options;
        return options;
    }
}

std::unique_ptr<juce::PropertiesFile> FoldbackApplication::openSettings()
{
    juce::PropertiesFile::Options options;
    options.applicationName = "Foldback";
    options.storageFormat = juce::PropertiesFile::storeAsXML;
    const auto file = juce::File (DeviceSettingsStore::getDefaultPath()).getSiblingFile ("console.settings");
    return std::make_unique<juce::PropertiesFile> (file, options);
}

void FoldbackApplication::setLaunchOptions (GuiLaunchOptions launch)
{
    pendingOptions() = std::move (launch);
}

FoldbackApplication::FoldbackApplication() : options (std::move (pendingOptions())) {}

FoldbackApplication::~FoldbackApplication() = default;

juce::File FoldbackApplication::findPresetsFolder()
{
    if (const char* fromEnvironment = std::getenv ("FOLDBACK_PRESETS"); fromEnvironment != nullptr && *fromEnvironment != 0)
        return juce::File::getCurrentWorkingDirectory().getChildFile (fromEnvironment);

    const auto beside = juce::File::getSpecialLocation (juce::File::currentExecutableFile)
                            .getParentDirectory().getParentDirectory().getChildFile ("presets");
    if (beside.isDirectory())
        return beside;

    // An uninstalled build: this file's own path (absolute, as CMake compiles it) leads
    // back to the source tree's presets.
    return juce::File (__FILE__).getParentDirectory().getParentDirectory().getParentDirectory().getChildFile ("presets");
}

void FoldbackApplication::chooseStartSession (Session& session, std::string& path, juce::StringArray& notices)
{
    if (options.session.has_value())
    {
        session = *options.session;
        path = options.sessionPath;
        return;
    }

    std::vector<juce::File> candidates;
    if (const auto last = settings->getValue (SessionFiles::lastSessionKey); last.isNotEmpty())
        candidates.push_back (juce::File (last));
    candidates.push_back (findPresetsFolder().getChildFile ("demo.json"));

    for (const auto& candidate : candidates)
    {
        auto parsed = loadSessionFile (candidate.getFullPathName().toStdString());
        if (parsed.session.has_value())
        {
            session = *parsed.session;
            path = candidate.getFullPathName().toStdString();
            return;
        }
        notices.add ("could not open " + candidate.getFullPathName()
                     + (parsed.errors.empty() ? juce::String() : ": " + juce::String (parsed.errors.front().toString())));
    }
    session = Session {}; // nothing to open: an empty console rather than none
    path.clear();
}

void FoldbackApplication::initialise (const juce::String&)
{
    juce::LookAndFeel::setDefaultLookAndFeel (&lookAndFeel);
    settings = openSettings();
    stopSignals.emplace();
    startTimer (100);

    Session session;
    std::string path;
    juce::StringArray notices;
    chooseStartSession (session, path, notices);

    LiveRig::Options rigOptions;
    rigOptions.enableRemotes = options.enableRemotes;
    rigOptions.jackClientName = options.jackClientName;
    try
    {
        rig = std::make_unique<LiveRig> (session, path, rigOptions);
    }
    catch (const std::exception& e)
    {
        if (options.nsm != nullptr)
            options.nsm->replyToOpen (false, e.what());
        std::cerr << "error: " << e.what() << "\n";
        setApplicationReturnValue (1);
        quit();
        return;
    }
    for (const auto& warning : rig->getWarnings())
        notices.add (warning);

    model = std::make_unique<ConsoleModel> (rig->getDocument(), rig->getEngine());
    model->deviceStatusProvider = [this] { return rig->getAudio().readStatus(); };
    model->deviceChannelsProvider = [this] { return rig->getAudio().readChannelNames(); };
    model->remoteControl = &rig->getRemotes();
    rig->onWarning = [this] (const std::string& warning)
    {
        std::cerr << "warning: " << warning << "\n";
        model->notice (warning);
    };
    rig->onTrackWentOffline = [this] (const TrackStatus&) { model->trackWentOffline(); };

    const auto warningsBeforeStart = rig->getWarnings().size();
    rig->start();
    for (auto i = warningsBeforeStart; i < rig->getWarnings().size(); ++i)
        notices.add (rig->getWarnings()[i]);

    // Narrow strips are the engineer's way of working, not the session's: kept with the console.
    model->setNarrowStrips (settings->getBoolValue (narrowStripsKey, false));
    model->onNarrowStripsChanged = [this] (bool narrow) { settings->setValue (narrowStripsKey, narrow); };

    files = std::make_unique<SessionFiles> (*model, *settings);
    files->onSessionReplaced = [this]
    {
        if (rig->getDocument().getSession().audio != rig->getOpenedSettings())
            for (const auto& warning : rig->reopenDevice())
                model->notice (warning);
    };
    if (! path.empty() && options.nsm == nullptr)   // an NSM instance is the server's, not a recent session
        settings->setValue (SessionFiles::lastSessionKey, juce::String (path));

    window = std::make_unique<MainWindow> (*model, *files, &rig->getAudio());
    window->getConsole().getDevicePanel().onApply = [this] { return rig->reopenDevice(); };
    if (options.windowWidth > 0)
        window->setBounds (0, 0, options.windowWidth, options.windowHeight);
    // Under NSM the window opens as it was when the session was last saved.
    const bool shownAtStart = options.nsm == nullptr || nsmWindowState::readShown (path);
    window->setVisible (shownAtStart);
    if (shownAtStart)
        window->getConsole().grabKeyboardFocus(); // so space, T and 1-9 work before any click
    else if (auto* peer = window->getPeer())
        peer->setVisible (false);   // JUCE maps a native-title-bar window as it makes it (recreateDesktopWindow's toFront)
    if (options.startPage > 0 && options.startPage < window->getConsole().getNumPages())
        window->getConsole().showPage (options.startPage);
    if (options.playAtStart)
        model->getPlayer().play();

    for (const auto& notice : notices)
    {
        std::cerr << "warning: " << notice << "\n";
        model->notice (notice);
    }

    if (options.nsm != nullptr)
        serveNsm (path);

    // Where things are on screen, for a test that drives the window with xdotool.
    if (const auto boundsPath = juce::SystemStats::getEnvironmentVariable (ComponentBoundsFile::environmentVariable, {});
        boundsPath.isNotEmpty())
        boundsFile = std::make_unique<ComponentBoundsFile> (juce::File::getCurrentWorkingDirectory().getChildFile (boundsPath));

    if (! options.screenshotDirectory.empty())
        startScreenshots();
}

void FoldbackApplication::serveNsm (const std::string& sessionPath)
{
    auto& nsm = *options.nsm;
    nsm.onShowGui = [this] (bool show) { showWindowForNsm (show); };
    nsm.onSaved = [this, sessionPath]
    {
        std::string error;
        if (! nsmWindowState::writeShown (sessionPath, window->isVisible(), error))
            std::cerr << "warning: the console's window state was not saved: " << error << "\n";
    };
    nsm.replyToOpen (true, "opened " + sessionPath);
    nsm.serve (rig->getDocument());
    nsm.reportGuiShown (window->isVisible());
    std::cout << "nsm: session " << sessionPath << ", JACK client " << options.jackClientName << std::endl;
}

void FoldbackApplication::showWindowForNsm (bool show)
{
    window->setVisible (show);
    if (show)
    {
        window->toFront (true);
        window->getConsole().grabKeyboardFocus();
    }
    options.nsm->reportGuiShown (show);
}

void FoldbackApplication::timerCallback()
{
    if (StopSignals::wasRequested())
    {
        stopTimer();
        quit();   // SIGTERM (NSM, systemd) or Ctrl-C: at once, nothing asked
    }
}

void FoldbackApplication::startScreenshots()
{
    screenshots = std::make_unique<ScreenshotRunner> (*window, window->getConsole(), *model,
                                                      juce::File::getCurrentWorkingDirectory().getChildFile (options.screenshotDirectory));
    screenshots->onFinished = [this] (bool ok, const juce::String& error)
    {
        if (! ok)
        {
            std::cerr << "error: screenshots: " << error << "\n";
            setApplicationReturnValue (1);
        }
        if (options.quitAfterScreenshots)
            quit();
    };
    screenshots->start();
}

void FoldbackApplication::systemRequestedQuit()
{
    // Under NSM the server ends its clients; the close button hides the optional GUI.
    if (options.nsm != nullptr && window != nullptr && ! options.quitAfterScreenshots)
    {
        showWindowForNsm (false);
        return;
    }
    if (files == nullptr || options.quitAfterScreenshots)
    {
        quit();
        return;
    }
    files->whenChangesAreSafe ([] { juce::JUCEApplication::quit(); });
}

void FoldbackApplication::shutdown()
{
    stopTimer();
    if (options.nsm != nullptr)
    {
        options.nsm->onShowGui = nullptr;
        options.nsm->onSaved = nullptr;
    }
    screenshots.reset();
    boundsFile.reset();
    window.reset();
    if (rig != nullptr)
        rig->stop(); // no callback may run into an engine or plan that is going away
    files.reset();
    if (model != nullptr)
        model->remoteControl = nullptr;
    model.reset();
    rig.reset();
    if (settings != nullptr)
        settings->saveIfNeeded();
    options.nsm.reset();
    juce::LookAndFeel::setDefaultLookAndFeel (nullptr);
    stopSignals.reset();
}

} // namespace foldback
