#pragma once

#include <juce_core/juce_core.h>

namespace foldback
{

/** What is known about the running audio device, for a status bar. Filled by whoever
    owns the device (LiveAudio); a console without one shows dashes. */
struct DeviceStatus
{
    bool open = false;
    juce::String typeName, deviceName;
    double sampleRate = 0.0;
    int bufferSize = 0;
    int latencySamples = 0; ///< input + output as the device reports them
    double cpuLoad = 0.0;   ///< [0, 1] of the audio callback's time budget
    int xruns = -1;         ///< -1 when the device does not count them
};

} // namespace foldback
