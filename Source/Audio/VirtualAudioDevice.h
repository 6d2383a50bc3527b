#pragma once

#include "RealtimeProbe.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <thread>
#include <vector>

namespace foldback
{

/** A device with no hardware: a thread calls the callback every bufferSize / sampleRate
    seconds against an absolute deadline (so the clock does not drift with scheduling
    jitter), with silent inputs and discarded outputs. `foldback run` and the GUI fall back
    to it when nothing else opens, so they work on any machine.

    A cycle that starts more than one period late counts as an xrun and the clock restarts
    from now rather than racing to catch up.

    open(), start(), stop(), close(): message thread. The callback runs on the device's
    own thread. */
class VirtualAudioDevice : public juce::AudioIODevice
{
public:
    static constexpr int defaultNumChannels = 64;

    explicit VirtualAudioDevice (const juce::String& deviceName,
                                 int numInputs = defaultNumChannels, int numOutputs = defaultNumChannels);
    ~VirtualAudioDevice() override;

    juce::StringArray getOutputChannelNames() override;
    juce::StringArray getInputChannelNames() override;
    juce::Array<double> getAvailableSampleRates() override;
    juce::Array<int> getAvailableBufferSizes() override;
    int getDefaultBufferSize() override { return 256; }

    juce::String open (const juce::BigInteger& inputChannels, const juce::BigInteger& outputChannels,
                       double sampleRate, int bufferSizeSamples) override;
    void close() override;
    bool isOpen() override { return opened; }

    void start (juce::AudioIODeviceCallback* callback) override;
    void stop() override;
    bool isPlaying() override { return thread.joinable(); }

    juce::String getLastError() override { return lastError; }
    int getCurrentBufferSizeSamples() override { return bufferSize; }
    double getCurrentSampleRate() override { return sampleRate; }
    int getCurrentBitDepth() override { return 32; }
    juce::BigInteger getActiveOutputChannels() const override { return activeOutputs; }
    juce::BigInteger getActiveInputChannels() const override { return activeInputs; }
    int getOutputLatencyInSamples() override { return 0; }
    int getInputLatencyInSamples() override { return 0; }
    int getXRunCount() const noexcept override { return xruns.load(); }

    /** Message thread, before start(): see RealtimeProbe. */
    void setRealtimeProbe (const RealtimeProbe* probe) noexcept { realtimeProbe = probe; }

private:
    void runClock (juce::AudioIODeviceCallback* callback) noexcept;

    const int maxInputs, maxOutputs;
    bool opened = false;
    double sampleRate = 48000.0;
    int bufferSize = 256;
    juce::BigInteger activeInputs, activeOutputs;
    juce::String lastError;

    std::vector<float> silence, scratch;
    std::vector<const float*> inputPointers;
    std::vector<float*> outputPointers;

    std::thread thread;
    std::atomic<bool> keepRunning { false };
    std::atomic<int> xruns { 0 };
    const RealtimeProbe* realtimeProbe = nullptr;
    juce::AudioIODeviceCallback* startedCallback = nullptr;
};

/** The "Virtual" device type: one device, named "Virtual". Message thread. */
class VirtualAudioDeviceType : public juce::AudioIODeviceType
{
public:
    static constexpr const char* typeName = "Virtual";
    static constexpr const char* deviceName = "Virtual";

    VirtualAudioDeviceType() : juce::AudioIODeviceType (typeName) {}

    void scanForDevices() override {}
    juce::StringArray getDeviceNames (bool) const override { return { deviceName }; }
    int getDefaultDeviceIndex (bool) const override { return 0; }
    int getIndexOfDevice (juce::AudioIODevice* device, bool) const override;
    bool hasSeparateInputsAndOutputs() const override { return false; }
    juce::AudioIODevice* createDevice (const juce::String& outputDeviceName,
                                       const juce::String& inputDeviceName) override;
};

} // namespace foldback
