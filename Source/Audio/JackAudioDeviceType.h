#pragma once

#include "JackAudioDevice.h"

#include <optional>

namespace foldback
{

/** What `foldback devices` shows about a running JACK server. */
struct JackServerInfo
{
    double sampleRate = 0.0;
    int bufferSize = 0;
    int physicalInputs = 0;
    int physicalOutputs = 0;
};

/** The server named by JACK_DEFAULT_SERVER, else "default". Any thread. */
juce::String getDefaultJackServerName();

/** Asks a server about itself with a short-lived client; nullopt when none is running.
    Never starts a server. Message thread. */
std::optional<JackServerInfo> probeJackServer (const juce::String& serverName);

/** Stops libjack printing its own errors: the device layer reports them in its words. */
void quietenJackLibrary();

/** The "JACK" device type: one device per server (the default one). createDevice() gives a
    JackAudioDevice with the layout last set here. Message thread. */
class JackAudioDeviceType : public juce::AudioIODeviceType
{
public:
    JackAudioDeviceType();

    void setPortLayout (JackPortLayout newLayout) { layout = std::move (newLayout); }

    void scanForDevices() override {}
    juce::StringArray getDeviceNames (bool) const override { return { getDefaultJackServerName() }; }
    int getDefaultDeviceIndex (bool) const override { return 0; }
    int getIndexOfDevice (juce::AudioIODevice* device, bool) const override;
    bool hasSeparateInputsAndOutputs() const override { return false; }
    juce::AudioIODevice* createDevice (const juce::String& outputDeviceName,
                                       const juce::String& inputDeviceName) override;

private:
    JackPortLayout layout;
};

} // namespace foldback
