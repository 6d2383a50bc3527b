#include "Audio/VirtualAudioDevice.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

using namespace foldback;

namespace
{
    struct CountingCallback : juce::AudioIODeviceCallback
    {
        void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs,
                                               int numOutputs, int numFrames, const juce::AudioIODeviceCallbackContext&) override
        {
            if (numFrames != expectedFrames || numInputs != expectedInputs || numOutputs != expectedOutputs)
                wrongShape = true;
            for (int c = 0; c < numInputs; ++c)
                for (int i = 0; i < numFrames; ++i)
                    if (inputs[c][i] != 0.0f)
                        noisyInput = true;
            for (int c = 0; c < numOutputs; ++c)
                for (int i = 0; i < numFrames; ++i)
                    outputs[c][i] = 1.0f;
            blocks.fetch_add (1);
        }

        void audioDeviceAboutToStart (juce::AudioIODevice* device) override
        {
            ++starts;
            startRate = device->getCurrentSampleRate();
        }

        void audioDeviceStopped() override { ++stops; }

        int expectedFrames = 0, expectedInputs = 0, expectedOutputs = 0;
        std::atomic<int> blocks { 0 };
        std::atomic<bool> wrongShape { false }, noisyInput { false };
        int starts = 0, stops = 0;
        double startRate = 0.0;
    };

    juce::BigInteger channels (std::initializer_list<int> numbers)
    {
        juce::BigInteger bits;
        for (auto n : numbers)
            bits.setBit (n);
        return bits;
    }
}

TEST_CASE ("The Virtual device calls back with silent inputs, a block at a time, never faster than real time", "[device][virtual]")
{
    VirtualAudioDevice device ("Virtual", 8, 8);
    juce::BigInteger all;
    all.setRange (0, 8, true);
    REQUIRE (device.open (all, all, 48000.0, 128).isEmpty());
    CHECK (device.getCurrentSampleRate() == 48000.0);
    CHECK (device.getCurrentBufferSizeSamples() == 128);

    CountingCallback callback;
    callback.expectedFrames = 128;
    callback.expectedInputs = 8;
    callback.expectedOutputs = 8;

    const auto started = std::chrono::steady_clock::now();
    device.start (&callback);
    CHECK (device.isPlaying());
    CHECK (callback.starts == 1);
    CHECK (callback.startRate == 48000.0);
    while (callback.blocks.load() < 20)
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    device.stop();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;

    // An upper bound only: a loaded machine may be slower, never faster.
    const double period = 128.0 / 48000.0;
    CHECK (callback.blocks.load() <= static_cast<int> (elapsed.count() / period) + 2);
    CHECK_FALSE (callback.wrongShape.load());
    CHECK_FALSE (callback.noisyInput.load());
    CHECK (callback.stops == 1);
    CHECK_FALSE (device.isPlaying());

    const int afterStop = callback.blocks.load();
    std::this_thread::sleep_for (std::chrono::milliseconds (20));
    CHECK (callback.blocks.load() == afterStop);
}

TEST_CASE ("The Virtual device hands the callback only its active channels", "[device][virtual]")
{
    VirtualAudioDevice device ("Virtual", 8, 8);
    REQUIRE (device.open (channels ({ 0, 2, 5 }), channels ({ 1, 7, 9 }), 44100.0, 64).isEmpty());
    CHECK (device.getActiveInputChannels().countNumberOfSetBits() == 3);
    CHECK (device.getActiveOutputChannels().countNumberOfSetBits() == 2);   // channel 10 does not exist

    CountingCallback callback;
    callback.expectedFrames = 64;
    callback.expectedInputs = 3;
    callback.expectedOutputs = 2;
    device.start (&callback);
    while (callback.blocks.load() < 3)
        std::this_thread::sleep_for (std::chrono::milliseconds (5));
    device.close();
    CHECK_FALSE (callback.wrongShape.load());
    CHECK_FALSE (device.isOpen());
}

TEST_CASE ("The Virtual device refuses rates and buffer sizes it cannot keep", "[device][virtual]")
{
    VirtualAudioDevice device ("Virtual");
    CHECK (device.open ({}, {}, 1000.0, 256).isNotEmpty());
    CHECK (device.open ({}, {}, 48000.0, 8).isNotEmpty());
    CHECK_FALSE (device.isOpen());
    CHECK (device.open ({}, {}, 0.0, 0).isEmpty());   // the defaults
    CHECK (device.getCurrentSampleRate() == 48000.0);
    CHECK (device.getCurrentBufferSizeSamples() == 256);
}
