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
}

float LevelMeter::readRms() const noexcept
{
    return std::sqrt (averageSquare.load());
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

    const BlockLevels levels = useAvx2 ? measureAvx2 (channels, numChannels, numFrames)
                                       : measureBaseline (channels, numChannels, numFrames);
    const float blockPeak = levels.peak;
    const float sumOfSquares = levels.sumOfSquares;

    const float blockMeanSquare = sumOfSquares * inverseSampleCount;
    meanSquare += (blockMeanSquare - meanSquare) * rmsCoefficientPerBlock;
    const float fallen = heldPeak * peakFallPerBlock;
    heldPeak = blockPeak > fallen ? blockPeak : fallen;

    peak.store (heldPeak);
    averageSquare.store (meanSquare);
}

} // namespace foldback
