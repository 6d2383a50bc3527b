#pragma once

#include "DeviceRequest.h"
#include "JackPortLayout.h"
#include "RealtimeProbe.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <memory>
#include <string>
#include <vector>

namespace foldback
{

class JackAudioDeviceType;

/** The device that opened: what the engine must be prepared for. */
struct OpenedDevice
{
    std::string type;
    std::string inputDevice;
    std::string outputDevice;
    double sampleRate = 0.0;
    int bufferSize = 0;
    int numInputs = 0;
    int numOutputs = 0;
};

/** One line of `foldback devices`. */
struct DeviceListing
{
    std::string type;
    std::string name;
    int numInputs = -1;    ///< -1: unknown (no such device running)
    int numOutputs = -1;
    std::string note;      ///< e.g. "no server running", "48000 Hz, 256 frames"
};

/** Owns the device types (our JACK client, JUCE's ALSA, our Virtual device) and the one
    open device, and calls the device's callback directly.

    It deliberately bypasses juce::AudioDeviceManager: that class takes a CriticalSection
    and may resize a buffer inside every audio callback, and our callback must never lock
    or allocate. The types and devices are still JUCE's interfaces, so a device selector can
    list and describe them.

    Order of use: open() (no callbacks yet), prepare the engine for the opened rate, then
    start(). Message thread only. */
class AudioDeviceHost
{
public:
    static constexpr const char* virtualTypeName = "Virtual";

    AudioDeviceHost();
    ~AudioDeviceHost();

    AudioDeviceHost (const AudioDeviceHost&) = delete;
    AudioDeviceHost& operator= (const AudioDeviceHost&) = delete;

    /** "JACK", "ALSA", "Virtual". */
    std::vector<std::string> getTypeNames() const;

    /** Every device of every type with its channel counts (briefly opens ALSA devices and
        a JACK client to ask). */
    std::vector<DeviceListing> listDevices();

    /** Opens the requested device; when it will not open (or the type is unknown), opens
        the Virtual device instead and adds a warning saying why. Throws std::runtime_error
        only if even the Virtual device fails. JACK ports are named by `layout`. */
    OpenedDevice open (const DeviceRequest& request, const JackPortLayout& layout,
                       std::vector<std::string>& warnings);

    /** Starts callbacks into `callback`, which must outlive stop(). */
    void start (juce::AudioIODeviceCallback& callback);
    void stop();
    void close();

    juce::AudioIODevice* getDevice() const noexcept { return device.get(); }

    /** Xruns the open device has counted (0 if it cannot tell). */
    int getXRunCount() const noexcept;

    /** Empty, or what is wrong right now ("JACK server gone, reconnecting"). */
    std::string describeTrouble() const;

    /** Warnings that appear only once callbacks run (JACK ports left unconnected). */
    std::vector<std::string> getStartWarnings() const;

    /** Tests only, before open(): see RealtimeProbe. Reaches our own devices (JACK and
        Virtual); JUCE's ALSA device has no such hook. */
    void setRealtimeProbe (const RealtimeProbe* probe) noexcept { realtimeProbe = probe; }

private:
    juce::AudioIODeviceType* findType (const std::string& name) const;
    std::unique_ptr<juce::AudioIODevice> tryOpen (const DeviceRequest& request, std::string& error);

    std::vector<std::unique_ptr<juce::AudioIODeviceType>> types;
    JackAudioDeviceType* jackType = nullptr;
    std::unique_ptr<juce::AudioIODevice> device;
    const RealtimeProbe* realtimeProbe = nullptr;
    std::string openedInput, openedOutput;
};

} // namespace foldback
