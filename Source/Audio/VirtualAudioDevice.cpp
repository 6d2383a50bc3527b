#include "VirtualAudioDevice.h"

#include <cerrno>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <utility>

namespace foldback
{

namespace
{
    constexpr std::int64_t nanosPerSecond = 1000000000;

    std::int64_t nowNanos() noexcept
    {
        timespec t {};
        clock_gettime (CLOCK_MONOTONIC, &t);
        return static_cast<std::int64_t> (t.tv_sec) * nanosPerSecond + t.tv_nsec;
    }

    void sleepUntil (std::int64_t deadline) noexcept
    {
        timespec t {};
        t.tv_sec = static_cast<time_t> (deadline / nanosPerSecond);
        t.tv_nsec = static_cast<long> (deadline % nanosPerSecond);
        while (clock_nanosleep (CLOCK_MONOTONIC, TIMER_ABSTIME, &t, nullptr) == EINTR) {}
    }

    juce::StringArray numberedNames (const char* prefix, int count)
    {
        juce::StringArray names;
        for (int i = 1; i <= count; ++i)
            names.add (juce::String (prefix) + juce::String (i));
        return names;
    }
}

VirtualAudioDevice::VirtualAudioDevice (const juce::String& deviceName, int numInputs, int numOutputs)
    : juce::AudioIODevice (deviceName, VirtualAudioDeviceType::typeName),
      maxInputs (numInputs), maxOutputs (numOutputs)
{
}

VirtualAudioDevice::~VirtualAudioDevice()
{
    close();
}

juce::StringArray VirtualAudioDevice::getOutputChannelNames() { return numberedNames ("Output ", maxOutputs); }
juce::StringArray VirtualAudioDevice::getInputChannelNames()  { return numberedNames ("Input ", maxInputs); }

juce::Array<double> VirtualAudioDevice::getAvailableSampleRates()
{
    return { 44100.0, 48000.0, 88200.0, 96000.0, 176400.0, 192000.0 };
}

juce::Array<int> VirtualAudioDevice::getAvailableBufferSizes()
{
    return { 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192 };
}

juce::String VirtualAudioDevice::open (const juce::BigInteger& inputChannels, const juce::BigInteger& outputChannels,
                                       double newSampleRate, int bufferSizeSamples)
{
    close();

    const double rate = newSampleRate > 0.0 ? newSampleRate : 48000.0;
    const int frames = bufferSizeSamples > 0 ? bufferSizeSamples : getDefaultBufferSize();
    if (rate < 8000.0 || rate > 384000.0)
        return lastError = "the Virtual device cannot run at " + juce::String (rate) + " Hz";
    if (frames < 16 || frames > 8192)
        return lastError = "the Virtual device takes buffers of 16 to 8192 frames, not " + juce::String (frames);

    sampleRate = rate;
    bufferSize = frames;
    activeInputs = inputChannels;
    activeInputs.setRange (maxInputs, juce::jmax (0, activeInputs.getHighestBit() + 1 - maxInputs), false);
    activeOutputs = outputChannels;
    activeOutputs.setRange (maxOutputs, juce::jmax (0, activeOutputs.getHighestBit() + 1 - maxOutputs), false);

    // JUCE's contract: the callback sees only the active channels, in order.
    const auto numIns = static_cast<std::size_t> (activeInputs.countNumberOfSetBits());
    const auto numOuts = static_cast<std::size_t> (activeOutputs.countNumberOfSetBits());
    const auto frameCount = static_cast<std::size_t> (frames);
    silence.assign (numIns * frameCount, 0.0f);
    scratch.assign (numOuts * frameCount, 0.0f);
    inputPointers.clear();
    outputPointers.clear();
    for (std::size_t c = 0; c < numIns; ++c)
        inputPointers.push_back (silence.data() + c * frameCount);
    for (std::size_t c = 0; c < numOuts; ++c)
        outputPointers.push_back (scratch.data() + c * frameCount);

    opened = true;
    lastError = {};
    return {};
}

void VirtualAudioDevice::close()
{
    stop();
    opened = false;
}

void VirtualAudioDevice::start (juce::AudioIODeviceCallback* callback)
{
    if (! opened || callback == nullptr || thread.joinable())
        return;

    callback->audioDeviceAboutToStart (this);
    startedCallback = callback;
    keepRunning = true;
    thread = std::thread ([this, callback] { runClock (callback); });
}

void VirtualAudioDevice::stop()
{
    if (! thread.joinable())
        return;

    keepRunning = false;
    thread.join();

    if (auto* callback = std::exchange (startedCallback, nullptr))
        callback->audioDeviceStopped();
}

void VirtualAudioDevice::runClock (juce::AudioIODeviceCallback* callback) noexcept
{
    // Real-time priority where the system grants it; without it the clock still keeps time.
    sched_param param {};
    param.sched_priority = 10;
    pthread_setschedparam (pthread_self(), SCHED_FIFO, &param);

    const auto period = static_cast<std::int64_t> (static_cast<double> (bufferSize) * nanosPerSecond / sampleRate);
    const juce::AudioIODeviceCallbackContext context;
    const int numIns = static_cast<int> (inputPointers.size());
    const int numOuts = static_cast<int> (outputPointers.size());
    auto deadline = nowNanos();

    while (keepRunning.load (std::memory_order_acquire))
    {
        {
            ScopedRealtimeProbe probe (realtimeProbe);
            callback->audioDeviceIOCallbackWithContext (inputPointers.data(), numIns,
                                                        outputPointers.data(), numOuts, bufferSize, context);
        }

        deadline += period;
        const auto now = nowNanos();
        if (now > deadline + period)
        {
            xruns.fetch_add (1, std::memory_order_relaxed);
            deadline = now;
            continue;
        }
        sleepUntil (deadline);
    }
}

int VirtualAudioDeviceType::getIndexOfDevice (juce::AudioIODevice* device, bool) const
{
    return dynamic_cast<VirtualAudioDevice*> (device) != nullptr ? 0 : -1;
}

juce::AudioIODevice* VirtualAudioDeviceType::createDevice (const juce::String& outputDeviceName,
                                                           const juce::String& inputDeviceName)
{
    const auto wanted = outputDeviceName.isNotEmpty() ? outputDeviceName : inputDeviceName;
    if (wanted.isNotEmpty() && wanted != deviceName)
        return nullptr;
    return new VirtualAudioDevice (deviceName);
}

} // namespace foldback
