#pragma once

#include "Engine/Engine.h"
#include "Engine/RelaxedAtomic.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <functional>

namespace foldback
{

/** Connects a device to the Engine: each device block goes straight to processBlock(),
    and the time it takes is measured against the block's duration (the DSP load).

    The device's channels are the engine's channels (device channel N is session channel
    N); channels a device does not have reach the engine as nullptr or not at all, and the
    engine ignores them. */
class EngineDeviceCallback : public juce::AudioIODeviceCallback
{
public:
    /** The engine must be prepared before the device starts calling back. */
    explicit EngineDeviceCallback (Engine& engineToDrive) : engine (engineToDrive) {}

    /** Called by audioDeviceAboutToStart(), on the thread that starts the device (the
        message thread) and before any audio callback of that run: after a JACK server
        comes back at another sample rate, this is where the engine is prepared again. */
    std::function<void (double sampleRate, int bufferSize)> onAboutToStart;

    /** Any thread: the engine's share of the time between blocks, smoothed (1 = all of it). */
    float readDspLoad() const noexcept { return load.load(); }

    /** Audio thread. No locks, no allocation, no waiting. */
    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs,
                                           float* const* outputs, int numOutputs, int numFrames,
                                           const juce::AudioIODeviceCallbackContext& context) override;

    void audioDeviceAboutToStart (juce::AudioIODevice* device) override;
    void audioDeviceStopped() override {}

private:
    Engine& engine;
    double secondsPerFrame = 1.0 / 48000.0;  // written only while no callback runs
    float smoothedLoad = 0.0f;               // audio thread's
    RelaxedAtomic<float> load { 0.0f };
};

} // namespace foldback
