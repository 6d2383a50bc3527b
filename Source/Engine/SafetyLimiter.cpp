#include "SafetyLimiter.h"

#include "AudioMath.h"

#include <cmath>

namespace foldback
{

namespace
{
    // Below this distance from unity the release snaps to exactly 1 (a -80 dB step),
    // because an exponential approach in float can stall a few ulps short of 1 and the
    // limiter would then never be bit-transparent again.
    constexpr float unitySnap = 1.0e-4f;

    // The smallest ceiling we honour; a ceiling of zero would mean "mute", not "limit".
    constexpr float minimumCeiling = 1.0e-6f;
}

void SafetyLimiter::prepare (double sampleRate, float releaseSeconds) noexcept
{
    const double samples = std::fmax (1.0, releaseSeconds * sampleRate);
    releaseCoefficient = static_cast<float> (1.0 - std::exp (-1.0 / samples));
    gain = 1.0f;
    lastBlockMinimumGain = 1.0f;
}

void SafetyLimiter::process (float* left, float* right, int numFrames, float ceiling) noexcept
{
    if (! (ceiling >= minimumCeiling)) // also catches a NaN ceiling
        ceiling = minimumCeiling;

    float g = gain;
    float minimumGain = 1.0f;

    for (int i = 0; i < numFrames; ++i)
    {
        float l = left[i];
        float r = right != nullptr ? right[i] : 0.0f;

        if (! isFiniteSample (l)) { l = 0.0f; ++nonFiniteSamples; }
        if (! isFiniteSample (r)) { r = 0.0f; ++nonFiniteSamples; }

        if (g < 1.0f)
        {
            g += (1.0f - g) * releaseCoefficient;
            if (1.0f - g < unitySnap)
                g = 1.0f;
        }

        const float level = std::fmax (std::fabs (l), std::fabs (r));
        if (level * g > ceiling)
            g = ceiling / level;

        minimumGain = std::fmin (minimumGain, g);

        // The final clamp turns "almost below the ceiling" (rounding in ceiling / level)
        // into the hard guarantee.
        l = std::fmin (ceiling, std::fmax (-ceiling, l * g));
        left[i] = l;

        if (right != nullptr)
            right[i] = std::fmin (ceiling, std::fmax (-ceiling, r * g));
    }

    gain = g;
    lastBlockMinimumGain = minimumGain;
}

} // namespace foldback
