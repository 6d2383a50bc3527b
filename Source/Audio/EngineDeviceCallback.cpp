#include "EngineDeviceCallback.h"

#include <chrono>

namespace foldback
{

void EngineDeviceCallback::audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs,
                                                             float* const* outputs, int numOutputs, int numFrames,
                                                             const juce::AudioIODeviceCallbackContext&)
{
    using Clock = std::chrono::steady_clock;   // clock_gettime through the vDSO: no syscall, no lock
    const auto started = Clock::now();

    engine.processBlock (inputs, numInputs, outputs, numOutputs, numFrames);

    const std::chrono::duration<double> spent = Clock::now() - started;
    const double available = secondsPerFrame * numFrames;
    if (available > 0.0)
    {
        // About a second's worth of blocks at typical sizes: steady enough to read once a second.
        smoothedLoad += 0.05f * (static_cast<float> (spent.count() / available) - smoothedLoad);
        load.store (smoothedLoad);
    }
}

void EngineDeviceCallback::audioDeviceAboutToStart (juce::AudioIODevice* device)
{
    const double sampleRate = device->getCurrentSampleRate();
    secondsPerFrame = sampleRate > 0.0 ? 1.0 / sampleRate : 1.0 / 48000.0;
    smoothedLoad = 0.0f;
    load.store (0.0f);

    if (onAboutToStart)
        onAboutToStart (sampleRate, device->getCurrentBufferSizeSamples());
}

} // namespace foldback
