#include "SafetyLimiter.h"

#include "AudioMath.h"

#include <cmath>

#if defined(__SSE2__)
 #include <emmintrin.h>
#endif

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

    /** True when every sample is finite and within +-ceiling (NaN compares false). */
    bool allWithin (const float* data, int n, float ceiling) noexcept
    {
        int i = 0;
       #if defined(__SSE2__)
        const __m128 limit = _mm_set1_ps (ceiling);
        const __m128 signMask = _mm_castsi128_ps (_mm_set1_epi32 (0x7fffffff));
        for (; i + 4 <= n; i += 4)
            if (_mm_movemask_ps (_mm_cmple_ps (_mm_and_ps (_mm_loadu_ps (data + i), signMask), limit)) != 0xf)
                return false;
       #endif
        for (; i < n; ++i)
            if (! (std::fabs (data[i]) <= ceiling))
                return false;
        return true;
    }

    inline float clampToCeiling (float x, float ceiling) noexcept
    {
        return x > ceiling ? ceiling : (x < -ceiling ? -ceiling : x);
    }
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

    if (gain == 1.0f && allWithin (left, numFrames, ceiling) && (right == nullptr || allWithin (right, numFrames, ceiling)))
    {
        lastBlockMinimumGain = 1.0f; // idle: unity gain, nothing to clamp, nothing non-finite
        return;
    }

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

        const float magnitudeL = std::fabs (l);
        const float magnitudeR = std::fabs (r);
        const float level = magnitudeL > magnitudeR ? magnitudeL : magnitudeR;
        if (level * g > ceiling)
            g = ceiling / level;

        minimumGain = g < minimumGain ? g : minimumGain;

        // The final clamp turns "almost below the ceiling" (rounding in ceiling / level)
        // into the hard guarantee. (Plain comparisons: std::fmin/fmax are libm calls.)
        left[i] = clampToCeiling (l * g, ceiling);
        if (right != nullptr)
            right[i] = clampToCeiling (r * g, ceiling);
    }

    gain = g;
    lastBlockMinimumGain = minimumGain;
}

} // namespace foldback
