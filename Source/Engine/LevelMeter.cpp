#include "LevelMeter.h"

#include <cmath>

#if defined(__SSE2__)
 #include <emmintrin.h>
#endif

namespace foldback
{

namespace
{
    constexpr double peakFallDbPerSecond = 26.0; // IEC 60268-18 style fall-back
    constexpr double rmsWindowSeconds = 0.3;
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
    rms.store (previous.rms.load());
}

void LevelMeter::update (const float* const* channels, int numChannels, int numFrames) noexcept
{
    if (numFrames <= 0)
        return;

    if (numFrames != cachedFrames)
    {
        // Block sizes rarely change, so the two exponentials are taken once per size.
        cachedFrames = numFrames;
        const double seconds = numFrames / samplesPerSecond;
        peakFallPerBlock = static_cast<float> (std::pow (10.0, -peakFallDbPerSecond * seconds / 20.0));
        rmsCoefficientPerBlock = static_cast<float> (1.0 - std::exp (-seconds / rmsWindowSeconds));
    }

    float blockPeak = 0.0f;
    float sumOfSquares = 0.0f;

    for (int c = 0; c < numChannels; ++c)
    {
        const float* data = channels[c];
        int i = 0;

       #if defined(__SSE2__)
        // Four lanes combined at the end: GCC will not vectorise a float max/sum reduction
        // without -ffast-math, and per-sample scalar code made meters a quarter of the load.
        const __m128 signMask = _mm_castsi128_ps (_mm_set1_epi32 (0x7fffffff));
        __m128 peaks = _mm_setzero_ps();
        __m128 squares = _mm_setzero_ps();
        for (; i + 4 <= numFrames; i += 4)
        {
            const __m128 x = _mm_loadu_ps (data + i);
            peaks = _mm_max_ps (peaks, _mm_and_ps (x, signMask));
            squares = _mm_add_ps (squares, _mm_mul_ps (x, x));
        }
        alignas (16) float lanePeaks[4], laneSquares[4];
        _mm_store_ps (lanePeaks, peaks);
        _mm_store_ps (laneSquares, squares);
        for (int k = 0; k < 4; ++k)
        {
            blockPeak = lanePeaks[k] > blockPeak ? lanePeaks[k] : blockPeak;
            sumOfSquares += laneSquares[k];
        }
       #endif

        for (; i < numFrames; ++i)
        {
            const float magnitude = std::fabs (data[i]);
            blockPeak = magnitude > blockPeak ? magnitude : blockPeak;
            sumOfSquares += data[i] * data[i];
        }
    }

    const float blockMeanSquare = sumOfSquares / static_cast<float> (numFrames * (numChannels > 0 ? numChannels : 1));
    meanSquare += (blockMeanSquare - meanSquare) * rmsCoefficientPerBlock;
    const float fallen = heldPeak * peakFallPerBlock;
    heldPeak = blockPeak > fallen ? blockPeak : fallen;

    peak.store (heldPeak);
    rms.store (std::sqrt (meanSquare));
}

} // namespace foldback
