#include "LevelMeter.h"

#include "CpuFeatures.h"
#include "SimdVector.h"

#include <cmath>

namespace foldback
{

namespace
{
    constexpr double peakFallDbPerSecond = 26.0; // IEC 60268-18 style fall-back
    constexpr double rmsWindowSeconds = 0.3;

    struct BlockLevels
    {
        float peak = 0.0f;
        float sumOfSquares = 0.0f;
    };

    /** Peak magnitude and sum of squares over up to two channels, Width lanes at a time:
        GCC will not vectorise a float max/sum reduction without -ffast-math, and the scalar
        loop made meters a fifth of the engine's load. The lanes are folded once at the end. */
    template <int Width>
    [[gnu::always_inline]] inline BlockLevels measure (const float* const* channels, int numChannels, int n) noexcept
    {
        using V = typename simd::VectorOf<Width>::type;
        using Bits = typename simd::VectorOf<Width>::bits;

        V peaks {}, squares {};
        BlockLevels tail;

        for (int c = 0; c < numChannels; ++c)
        {
            const float* data = channels[c];
            int i = 0;
            for (; i + Width <= n; i += Width)
            {
                const V x = simd::load<V> (data + i);
                const V magnitude = (V) ((Bits) x & 0x7fffffff);
                peaks = magnitude > peaks ? magnitude : peaks;
                squares += x * x;
            }
            for (; i < n; ++i)
            {
                const float magnitude = std::fabs (data[i]);
                tail.peak = magnitude > tail.peak ? magnitude : tail.peak;
                tail.sumOfSquares += data[i] * data[i];
            }
        }

        // Fold the upper half of the lanes onto the lower, in registers, down to one lane.
        using V4 = typename simd::VectorOf<4>::type;
        V4 p, q;
        if constexpr (Width == 8)
        {
            const V4 lowPeaks = __builtin_shufflevector (peaks, peaks, 0, 1, 2, 3);
            const V4 highPeaks = __builtin_shufflevector (peaks, peaks, 4, 5, 6, 7);
            p = highPeaks > lowPeaks ? highPeaks : lowPeaks;
            q = __builtin_shufflevector (squares, squares, 0, 1, 2, 3) + __builtin_shufflevector (squares, squares, 4, 5, 6, 7);
        }
        else
        {
            p = peaks;
            q = squares;
        }
        V4 swapped = __builtin_shufflevector (p, p, 2, 3, 0, 1);
        p = swapped > p ? swapped : p;
        q += __builtin_shufflevector (q, q, 2, 3, 0, 1);
        swapped = __builtin_shufflevector (p, p, 1, 0, 3, 2);
        p = swapped > p ? swapped : p;
        q += __builtin_shufflevector (q, q, 1, 0, 3, 2);

        return { p[0] > tail.peak ? p[0] : tail.peak, q[0] + tail.sumOfSquares };
    }

    BlockLevels measureBaseline (const float* const* channels, int numChannels, int n) noexcept
    {
        return measure<4> (channels, numChannels, n);
    }

   #if defined(__x86_64__) && defined(__GNUC__)
    [[gnu::target ("avx2")]] BlockLevels measureAvx2 (const float* const* channels, int numChannels, int n) noexcept
    {
        return measure<8> (channels, numChannels, n);
    }
   #else
    BlockLevels measureAvx2 (const float* const* channels, int numChannels, int n) noexcept
    {
        return measureBaseline (channels, numChannels, n);
    }
   #endif

    const bool useAvx2 = cpuHasAvx2();
}

void LevelMeter::prepare (double sampleRate) noexcept
{
    samplesPerSecond = sampleRate > 0.0 ? sampleRate : 48000.0;
    cachedFrames = -1;
}

void LevelMeter::continueFrom (const LevelMeter& previous) noexcept
{
    meanSquare = previous.meanSquare;
    heldPeak = previous.heldPeak;
    peak.store (previous.peak.load());
    averageSquare.store (previous.averageSquare.load());
    meteredChannels.store (previous.meteredChannels.load());
    for (int c = 0; c < maxChannels; ++c)
    {
        channelMeanSquares[c] = previous.channelMeanSquares[c];
        channelHeldPeaks[c] = previous.channelHeldPeaks[c];
        channelPeaks[c].store (previous.channelPeaks[c].load());
        channelAverageSquares[c].store (previous.channelAverageSquares[c].load());
    }
}

float LevelMeter::readRms() const noexcept
{
    return std::sqrt (averageSquare.load());
}

float LevelMeter::readChannelPeak (int channel) const noexcept
{
    return channelPeaks[channel > 0 && channel < meteredChannels.load() ? 1 : 0].load();
}

float LevelMeter::readChannelRms (int channel) const noexcept
{
    return std::sqrt (channelAverageSquares[channel > 0 && channel < meteredChannels.load() ? 1 : 0].load());
}

void LevelMeter::update (const float* const* channels, int numChannels, int numFrames) noexcept
{
    if (numFrames <= 0)
        return;

    if (numFrames != cachedFrames || numChannels != cachedChannels)
    {
        // Block sizes rarely change, so the two exponentials and the division are taken
        // once per size, not once per block.
        cachedFrames = numFrames;
        cachedChannels = numChannels;
        inverseSampleCount = 1.0f / static_cast<float> (numFrames * (numChannels > 0 ? numChannels : 1));
        const double seconds = numFrames / samplesPerSecond;
        peakFallPerBlock = static_cast<float> (std::pow (10.0, -peakFallDbPerSecond * seconds / 20.0));
        rmsCoefficientPerBlock = static_cast<float> (1.0 - std::exp (-seconds / rmsWindowSeconds));
    }

    // Each channel is measured on its own (so L and R can be shown) and the whole is
    // folded from them: the peak is their larger, the mean square their mean.
    const int metered = numChannels >= maxChannels ? maxChannels : 1;
    const float inverseFrames = 1.0f / static_cast<float> (numFrames);
    float blockPeak = 0.0f, sumOfSquares = 0.0f;
    for (int c = 0; c < metered && c < numChannels; ++c)
    {
        const BlockLevels levels = useAvx2 ? measureAvx2 (channels + c, 1, numFrames)
                                           : measureBaseline (channels + c, 1, numFrames);
        blockPeak = levels.peak > blockPeak ? levels.peak : blockPeak;
        sumOfSquares += levels.sumOfSquares;

        channelMeanSquares[c] += (levels.sumOfSquares * inverseFrames - channelMeanSquares[c]) * rmsCoefficientPerBlock;
        const float channelFallen = channelHeldPeaks[c] * peakFallPerBlock;
        channelHeldPeaks[c] = levels.peak > channelFallen ? levels.peak : channelFallen;
        channelPeaks[c].store (channelHeldPeaks[c]);
        channelAverageSquares[c].store (channelMeanSquares[c]);
    }
    meteredChannels.store (metered);

    const float blockMeanSquare = sumOfSquares * inverseSampleCount;
    meanSquare += (blockMeanSquare - meanSquare) * rmsCoefficientPerBlock;
    const float fallen = heldPeak * peakFallPerBlock;
    heldPeak = blockPeak > fallen ? blockPeak : fallen;

    peak.store (heldPeak);
    averageSquare.store (meanSquare);
}

} // namespace foldback
