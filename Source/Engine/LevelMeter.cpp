#include "LevelMeter.h"

#include <cmath>

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
        for (int i = 0; i < numFrames; ++i)
        {
            const float x = data[i];
            blockPeak = std::fmax (blockPeak, std::fabs (x));
            sumOfSquares += x * x;
        }
    }

    const float blockMeanSquare = sumOfSquares / static_cast<float> (numFrames * (numChannels > 0 ? numChannels : 1));
    meanSquare += (blockMeanSquare - meanSquare) * rmsCoefficientPerBlock;
    heldPeak = std::fmax (blockPeak, heldPeak * peakFallPerBlock);

    peak.store (heldPeak);
    rms.store (std::sqrt (meanSquare));
}

} // namespace foldback
