#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "App/HeadlessAutosave.h"
#include "App/HeadlessStatus.h"
#include "App/LiveRig.h"
#include "App/NsmClient.h"
#include "App/SessionLoading.h"
#include "App/StopSignals.h"
#include "Audio/DeviceRequest.h"
#include "Session/AtomicFile.h"
#include "Session/SessionJson.h"
#include "Session/SessionLimits.h"

#include <juce_events/juce_events.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <memory>

namespace foldback
{

namespace
{
    /** What `run` adds to the rig's own duties on the message thread: the status line,
        autosave, and ending the dispatch loop once a signal asks. */
    class RunLoop : private juce::Timer
    {
    public:
        RunLoop (HeadlessStatus& statusToPrint, HeadlessAutosave* autosaveOrNull)
            : status (statusToPrint), autosave (autosaveOrNull) {}

        void run()
        {
            startTimer (100);
            juce::MessageManager::getInstance()->runDispatchLoop();
            stopTimer();
        }

    private:
        void timerCallback() override
        {
            status.printIfDue (std::cout);
            if (autosave != nullptr)
                autosave->service (HeadlessAutosave::Clock::now());
            if (StopSignals::wasRequested())
                juce::MessageManager::getInstance()->stopDispatchLoop();
        }

        HeadlessStatus& status;
        HeadlessAutosave* autosave;
    };

    DeviceOverrides readOverrides (const CommandLineArguments& arguments)
    {
        DeviceOverrides overrides;
        if (arguments.has ("--device-type"))
        {
            const auto type = arguments.value ("--device-type");
            if (! enumFromString<DeviceType> (type))
            {
                const auto& names = namesOf<DeviceType>();
                std::string allowed;
                for (std::size_t i = 0; i < names.size(); ++i)
                    allowed += (i == 0 ? "" : (i + 1 == names.size() ? " or " : ", ")) + std::string (names[i]);
                throw UsageError ("--device-type must be " + allowed + ", got '" + type + "'");
            }
            overrides.type = type;
        }
        if (arguments.has ("--input-device"))  overrides.inputDevice = arguments.value ("--input-device");
        if (arguments.has ("--output-device")) overrides.outputDevice = arguments.value ("--output-device");
        if (arguments.has ("--sample-rate"))
        {
            const double rate = arguments.number ("--sample-rate", 48000.0, 8000.0, 384000.0);
            const auto& rates = sessionLimits::sampleRates;
            if (std::find (rates.begin(), rates.end(), rate) == rates.end())
                throw UsageError ("--sample-rate must be 44100, 48000, 88200, 96000, 176400 or 192000");
            overrides.sampleRate = rate;
        }
        if (arguments.has ("--buffer-size"))
            overrides.bufferSize = arguments.integer ("--buffer-size", 256, sessionLimits::minBufferSize,
                                                      sessionLimits::maxBufferSize);
        return overrides;
    }

    void warn (const std::string& message)
    {
        std::cerr << "warning: " << message << "\n";
    }
}

int runRunCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words,
        { "--device-type", "--input-device", "--output-device", "--sample-rate", "--buffer-size", "--sync" },
        { "--headless", "--play", "--no-auto-connect", "--remote", "--autosave" });
    // Under a New Session Manager the server names the session; the argument is optional.
    const char* nsmUrl = std::getenv ("NSM_URL");
    const bool underNsm = nsmUrl != nullptr && *nsmUrl != 0;
    if (arguments.positionals().size() != 1 && ! (underNsm && arguments.positionals().empty()))
        throw UsageError ("run needs one SESSION.json");
    const auto overrides = readOverrides (arguments);
    std::optional<TransportSync> sync;
    if (arguments.has ("--sync"))
    {
        const auto name = arguments.value ("--sync");
        sync = enumFromString<TransportSync> (name);
        if (! sync)
            throw UsageError ("--sync must be internal or jack, got '" + name + "'");
    }

    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    const StopSignals signals;

    std::unique_ptr<NsmClient> nsm;
    std::string sessionPath = arguments.positionals().empty() ? std::string() : arguments.positionals().front();
    std::string jackClientName;
    if (underNsm)
    {
        nsm = std::make_unique<NsmClient> (nsmUrl);
        nsm->announce ("foldback");
        const auto instance = nsm->openInstance (std::chrono::seconds (30));
        sessionPath = instance.sessionPath;
        jackClientName = instance.clientId;
        std::cout << "nsm: session " << sessionPath << ", JACK client " << jackClientName << std::endl;
    }

    std::optional<LoadedSession> loadedOrNone;
    try
    {
        loadedOrNone.emplace (loadSessionForCommand (sessionPath));
    }
    catch (const std::exception& e)
    {
        if (nsm != nullptr)
            nsm->replyToOpen (false, e.what());
        throw;
    }
    const auto& loaded = *loadedOrNone;
    const auto& session = loaded.session;

    const char* display = std::getenv ("DISPLAY");
    if (! arguments.has ("--headless") && display != nullptr && *display != 0)
        std::cerr << "note: run has no GUI yet; running headless\n";

    LiveRig::Options options;
    options.overrides = overrides;
    options.autoConnect = ! arguments.has ("--no-auto-connect");
    options.enableRemotes = arguments.has ("--remote");
    options.sync = sync;
    options.jackClientName = jackClientName;
    LiveRig rig (session, std::filesystem::absolute (loaded.path).string(), options);
    rig.onWarning = [] (const std::string& warning) { warn (warning); };
    for (const auto& warning : rig.getWarnings())
        warn (warning);

    const auto& opened = rig.getAudio().getOpened();
    std::cout << "foldback: " << session.name << " on " << opened.type << " '" << opened.outputDevice << "' at "
              << opened.sampleRate << " Hz, " << opened.bufferSize << " frames, " << opened.numInputs << " in / "
              << opened.numOutputs << " out" << std::endl;

    const auto warningsBeforeStart = rig.getWarnings().size();
    rig.start();
    for (auto i = warningsBeforeStart; i < rig.getWarnings().size(); ++i)
        warn (rig.getWarnings()[i]);
    if (arguments.has ("--play"))
        rig.getPlayer().play();
    if (nsm != nullptr)
    {
        nsm->replyToOpen (true, "opened " + sessionPath);
        nsm->serve (rig.getDocument());
    }

    auto& document = rig.getDocument();
    auto& remotes = rig.getRemotes();
    if (document.getSession().remote.enabled)
    {
        if (! remotes.getProblem().empty())
            warn ("remotes: " + remotes.getProblem());
        for (const auto& mix : document.getSession().mixes)
            std::cout << "remote: " << mix.id << " " << remotes.performerLink (mix.id) << "\n";
        std::cout << "remote: OSC on port " << document.getSession().remote.oscPort << ", engineer token "
                  << document.getSession().remote.engineerToken << std::endl;
    }

    std::optional<HeadlessAutosave> autosave;
    if (arguments.has ("--autosave"))
    {
        autosave.emplace (document, std::chrono::seconds (2), std::chrono::seconds (10), std::cout, std::cerr);
        std::cout << "autosave: " << document.getFilePath() << ", 2 s after the last change (at most 10 s after the first) and on exit"
                  << std::endl;
    }

    HeadlessStatus status (rig.getEngine(), rig.getPlayer(), rig.getAudio().getHost(), rig.getAudio().getCallback());
    RunLoop (status, autosave ? &*autosave : nullptr).run();

    // A supervisor (systemd, a script) must learn that the last edits are gone.
    int exitStatus = 0;
    if (autosave && ! autosave->flush())
    {
        std::cerr << "error: the session could not be saved on exit: the changes since the last save are lost" << std::endl;
        exitStatus = 1;
    }
    rig.stop();
    std::cout << "foldback: stopped" << std::endl;
    return exitStatus;
}

} // namespace foldback
