#pragma once

#include "Audio/AudioDeviceHost.h"
#include "Audio/DeviceRequest.h"
#include "Audio/DeviceSettingsStore.h"
#include "Audio/EngineDeviceCallback.h"
#include "Control/DeviceChannels.h"
#include "Control/DeviceStatus.h"
#include "Engine/Engine.h"
#include "Session/Session.h"

#include <functional>
#include <string>
#include <vector>

namespace foldback
{

/** The live rig's audio device: opens the session's device through the device layer
    (AudioDeviceHost, which falls back to Virtual), runs the Engine on it, and reports its
    state for the status bar.

    open() leaves the device stopped: the owner prepares the engine for the rate that
    really opened (and replays the session at it) before start(), since that is the one
    moment no callback runs. Message thread only. */
class LiveAudio
{
public:
    explicit LiveAudio (Engine& engine);
    ~LiveAudio();

    /** Closes any open device, then opens the one the session's audio settings ask for
        (the command line's `overrides` first; JACK ports auto-connected unless told not
        to). Returns warnings (fallback to Virtual, channels the device lacks, rate
        mismatch). Throws std::runtime_error only if even the Virtual device fails. */
    std::vector<std::string> open (const Session& session, const DeviceOverrides& overrides = {}, bool autoConnect = true);

    /** The JACK client name for the next open() (an NSM client id); empty: "foldback". */
    void setJackClientName (const std::string& name) { jackClientName = name; }

    /** Starts callbacks into the engine. */
    void start();

    /** Stops callbacks and closes the device. */
    void close();

    /** Warnings that appear only once callbacks run (JACK ports left unconnected). */
    std::vector<std::string> getStartWarnings() const { return host.getStartWarnings(); }

    /** What the last open() got. */
    const OpenedDevice& getOpened() const noexcept { return opened; }

    /** Called (on the message thread) when a restarted device runs at a new rate, before
        its first callback: prepare the engine and replay the session there. */
    std::function<void (double sampleRate)> onRateChanged;

    DeviceStatus readStatus() const;

    /** The open device's input and output channel names (empty lists when none is open). */
    DeviceChannels readChannelNames() const;

    const AudioDeviceHost& getHost() const noexcept           { return host; }
    const EngineDeviceCallback& getCallback() const noexcept  { return callback; }

    std::vector<std::string> getTypeNames() const { return host.getTypeNames(); }
    std::vector<DeviceListing> listDevices() { return host.listDevices(); }

private:
    Engine& engine;
    AudioDeviceHost host;
    EngineDeviceCallback callback;
    DeviceSettingsStore store;
    OpenedDevice opened;
    bool running = false;
    std::string jackClientName;
};

} // namespace foldback
