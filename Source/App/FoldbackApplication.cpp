#include "FoldbackApplication.h"

#include "Session/SessionFile.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace foldback
{

namespace
{
    GuiLaunchOptions& pendingOptions()
    {
        static GuiLaunchOptions options;
        return options;
    }

    std::string folderOf (const std::string& sessionPath)
    {
        if (sessionPath.empty())
            return std::filesystem::current_path().string();
        return std::filesystem::absolute (std::filesystem::path (sessionPath)).parent_path().string();
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

    Session session;
    std::string path;
    juce::StringArray notices;
    chooseStartSession (session, path, notices);

    // The device opens first, so the engine is prepared for the rate it really runs at
    // before the SessionPlayer (and its backing-track streams) exist.
    engine = std::make_unique<Engine>();
    audio = std::make_unique<LiveAudio> (*engine);
    try
    {
        for (const auto& warning : audio->open (session))
            notices.add (warning);
    }
    catch (const std::exception& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        setApplicationReturnValue (1);
        quit();
        return;
    }
    openedSettings = session.audio;
    engine->prepare (audio->getOpened().sampleRate);

    player = std::make_unique<SessionPlayer> (*engine);
    document = std::make_unique<SessionDocument> (*player);
    document->reset (session, path);
    model = std::make_unique<ConsoleModel> (*document, *engine);
    model->deviceStatusProvider = [this] { return audio->readStatus(); };
    remotes = std::make_unique<RemoteControl> (*document, *engine);
    model->remoteControl = remotes.get();
    if (options.enableRemotes && ! document->getSession().remote.enabled)
        remotes->setEnabled (true);

    audio->onRateChanged = [this] (double sampleRate)
    {
        engine->prepare (sampleRate);
        player->setSession (document->getSession(), folderOf (document->getFilePath()));
    };
    audio->start();
    for (const auto& warning : audio->getStartWarnings())
        notices.add (warning);

    files = std::make_unique<SessionFiles> (*model, *settings);
    files->onSessionReplaced = [this]
    {
        if (document->getSession().audio != openedSettings)
            for (const auto& warning : reopenDevice())
                model->notice (warning);
    };
    if (! path.empty())
        settings->setValue (SessionFiles::lastSessionKey, juce::String (path));

    window = std::make_unique<MainWindow> (*model, *files, audio.get());
    window->getConsole().getDevicePanel().onApply = [this] { return reopenDevice(); };
    window->setVisible (true);
    window->getConsole().grabKeyboardFocus(); // so space, T and 1-9 work before any click

    for (const auto& notice : notices)
    {
        std::cerr << "warning: " << notice << "\n";
        model->notice (notice);
    }
    for (const auto& track : player->getTrackStatuses())
        if (! track.online)
            std::cerr << "warning: track " << track.id << " is offline: " << track.message << "\n";

    startTimerHz (10);
    if (! options.screenshotDirectory.empty())
        startScreenshots();
}

std::vector<std::string> FoldbackApplication::reopenDevice()
{
    const auto& session = document->getSession();
    std::vector<std::string> warnings;
    try
    {
        warnings = audio->open (session);
    }
    catch (const std::exception& e)
    {
        return { e.what() };
    }
    openedSettings = session.audio;

    // No callback runs until start(): the one moment the engine may be prepared again.
    const double rate = audio->getOpened().sampleRate;
    if (rate != engine->getSampleRate())
    {
        engine->prepare (rate);
        player->setSession (session, folderOf (document->getFilePath()));
    }
    audio->start();
    for (const auto& warning : audio->getStartWarnings())
        warnings.push_back (warning);
    return warnings;
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

void FoldbackApplication::timerCallback()
{
    player->reclaim();
    if (model != nullptr)
        model->refreshTrackStatuses();
}

void FoldbackApplication::systemRequestedQuit()
{
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
    screenshots.reset();
    window.reset();
    if (audio != nullptr)
        audio->close(); // no callback may run into an engine or plan that is going away
    files.reset();
    if (model != nullptr)
        model->remoteControl = nullptr;
    remotes.reset(); // the servers stop before the document they edit goes
    model.reset();
    document.reset();
    if (player != nullptr)
        player->reclaim();
    player.reset();
    audio.reset();
    engine.reset();
    if (settings != nullptr)
        settings->saveIfNeeded();
    juce::LookAndFeel::setDefaultLookAndFeel (nullptr);
}

} // namespace foldback
