#pragma once

#include "RelaxedAtomic.h"

namespace foldback
{

/** Peak and RMS of one source or one mix output, written by the audio thread once per
    block and read by any number of displays at their own rate. The peak falls back at a
    fixed rate and the RMS is a 300 ms average, so readers never reset anything and two
    readers never steal each other's peaks. Each of a stereo block's two channels is also
    metered on its own (readChannelPeak(), readChannelRms()), so a display can show L and R.

    update(): audio thread only, wait-free. read*(): any thread, wait-free. */
class LevelMeter
{
public:
    /** Message thread, before use: sets the ballistics for a sample rate. */
    void prepare (double sampleRate) noexcept;

    /** Audio thread: folds one block of up to two channels into the meter. */
    void update (const float* const* channels, int numChannels, int numFrames) noexcept;

    /** Audio thread: carries ballistics over from the same meter in an earlier plan. */
    void continueFrom (const LevelMeter& previous) noexcept;

    static constexpr int maxChannels = 2;

    /** Over every channel of the block. */
    float readPeak() const noexcept { return peak.load(); }
    float readRms() const noexcept;

    /** How many channels the last block had (1 or 2; 1 before the first block). */
    int readNumChannels() const noexcept { return meteredChannels.load(); }
    /** One channel's own peak and RMS (channel 0 is left); a mono meter's channel 1 reads channel 0. */
    float readChannelPeak (int channel) const noexcept;
    float readChannelRms (int channel) const noexcept;

private:
    RelaxedAtomic<float> peak { 0.0f };
    RelaxedAtomic<float> averageSquare { 0.0f }; ///< readers take the root: ~100 meters per block, a few reads per frame
    RelaxedAtomic<float> channelPeaks[maxChannels] {};
    RelaxedAtomic<float> channelAverageSquares[maxChannels] {};
    RelaxedAtomic<int> meteredChannels { 1 };
    float meanSquare = 0.0f;
    float heldPeak = 0.0f;
    float channelMeanSquares[maxChannels] {};
    float channelHeldPeaks[maxChannels] {};
    double samplesPerSecond = 48000.0;
    int cachedFrames = -1;
    int cachedChannels = -1;
    float inverseSampleCount = 1.0f;
    float peakFallPerBlock = 1.0f;
    float rmsCoefficientPerBlock = 1.0f;
};

} // namespace foldback
