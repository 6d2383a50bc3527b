#pragma once

#include "Audio/DeviceRequest.h"
#include "Audio/JackTransportLink.h"
#include "Control/LiveAudio.h"
#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Remote/RemoteControl.h"

#include <juce_events/juce_events.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

/** The live rig: everything that plays a session on an audio device, built the same way
    by headless `run`, the console and the tests, which each only attach what shows it (a
    status line, a window).

    It opens the session's device (falling back to Virtual), prepares the engine for the
    rate that really opened before anything plays, loads the session into the player and
    the document, and runs the remotes over the document. Its timer keeps the
    message-thread duties: retired plans are freed, and a track that goes offline while
    playing is reported. A device that comes back at another rate (a restarted JACK
    server) gets the engine prepared again and the session replayed at the new rate; the
    transport keeps its time in seconds.

    Message thread only. */
class LiveRig : private juce::Timer
{
public:
    struct Options
    {
        DeviceOverrides overrides;  ///< the command line's device choices, over the session's
        bool autoConnect = true;    ///< JACK ports to the system ports
        bool enableRemotes = false; ///< turn the remotes on even if the session has them off
        std::optional<TransportSync> sync; ///< `run --sync`, over the session's transport.sync
        std::string jackClientName;        ///< empty: "foldback" (NSM gives the client id)
    };

    /** Opens the device and loads `session`, read from `path` (empty for a session with no
        file). The device is not started. Throws std::runtime_error only if even the
        Virtual device fails. */
    LiveRig (const Session& session, const std::string& path, const Options& options);
    ~LiveRig() override;

    LiveRig (const LiveRig&) = delete;
    LiveRig& operator= (const LiveRig&) = delete;

    /** Starts callbacks into the engine; adds the warnings that appear only then. */
    void start();

    /** Stops callbacks and closes the device; the rig's parts stay usable offline. */
    void stop();

    /** Reopens the device for the document's audio settings (the console's Devices page,
        or a session opened with other settings) and starts it again. Returns warnings. */
    std::vector<std::string> reopenDevice();

    /** Whether the engine follows the JACK transport now (sync "jack" on the JACK device). */
    bool followsJackTransport() const noexcept { return followingJack; }

    /** The link to the JACK transport (cycles and locates seen), or nullptr. */
    const JackTransportLink* getJackTransportLink() const noexcept { return followingJack ? transportLink.get() : nullptr; }

    /** The audio settings the device was last opened for. */
    const AudioSettings& getOpenedSettings() const noexcept { return openedSettings; }

    /** What opening and starting said: fallback to Virtual, channels the device lacks,
        tracks offline at load, a custom click that could not be read. */
    const std::vector<std::string>& getWarnings() const noexcept { return warnings; }

    Engine& getEngine() noexcept { return *engine; }
    LiveAudio& getAudio() noexcept { return *audio; }
    SessionPlayer& getPlayer() noexcept { return *player; }
    SessionDocument& getDocument() noexcept { return *document; }
    RemoteControl& getRemotes() noexcept { return *remotes; }

    /** Told when something goes wrong while running: a track that went offline, a device
        that came back at another rate. */
    std::function<void (const std::string& warning)> onWarning;

    /** Told when a track goes offline while playing (after onWarning). */
    std::function<void (const TrackStatus& track)> onTrackWentOffline;

    /** The folder a session's relative paths are resolved in: its file's, else the
        current one. */
    static std::string folderOf (const std::string& sessionPath);

private:
    void timerCallback() override;
    void followRateChange (double sampleRate);
    void warn (const std::string& warning);
    void applyTransportSync (std::vector<std::string>& warningsOut);

    std::unique_ptr<Engine> engine;
    std::unique_ptr<LiveAudio> audio;
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<SessionDocument> document;
    std::unique_ptr<RemoteControl> remotes;
    std::unique_ptr<JackTransportLink> transportLink;
    std::optional<TransportSync> syncOverride;
    bool followingJack = false;
    AudioSettings openedSettings;
    std::vector<std::string> warnings;
};

} // namespace foldback
