#pragma once

#include "LinearRamp.h"

namespace foldback::kernels
{

// Each kernel runs the per-sample path only for the samples where a ramp is moving and a
// plain loop (which the compiler vectorises) for the rest. Which path a sample takes
// depends on the ramp's state at that sample, never on where the block starts, and both
// paths do the same arithmetic, so output is bit-identical for any block segmentation.

/** dest += gain * src */
inline void addScaled (float* __restrict dest, const float* __restrict src, int n, LinearRamp& gain) noexcept
{
    int i = 0;
    for (; i < n && gain.isRamping(); ++i)
        dest[i] += gain.next() * src[i];

    const float g = gain.getCurrent();
    if (g == 0.0f)
        return;

    for (; i < n; ++i)
        dest[i] += g * src[i];
}

/** left += gainLeft * src; right += gainRight * src (a mono source panned into a stereo mix) */
inline void addPanned (float* __restrict left, float* __restrict right, const float* __restrict src, int n,
                       LinearRamp& gainLeft, LinearRamp& gainRight) noexcept
{
    int i = 0;
    for (; i < n && (gainLeft.isRamping() || gainRight.isRamping()); ++i)
    {
        const float s = src[i];
        left[i] += gainLeft.next() * s;
        right[i] += gainRight.next() * s;
    }

    if (i == n)
        return;

    const float gl = gainLeft.getCurrent();
    const float gr = gainRight.getCurrent();

    if (gl != 0.0f && gr != 0.0f)
    {
        for (; i < n; ++i)
        {
            const float s = src[i];
            left[i] += gl * s;
            right[i] += gr * s;
        }
    }
    else if (gl != 0.0f)
    {
        for (; i < n; ++i)
            left[i] += gl * src[i];
    }
    else if (gr != 0.0f)
    {
        for (; i < n; ++i)
            right[i] += gr * src[i];
    }
}

/** data *= gain, skipped while the gain rests at exactly 1 */
inline void applyGain (float* __restrict data, int n, LinearRamp& gain) noexcept
{
    int i = 0;
    for (; i < n && gain.isRamping(); ++i)
        data[i] *= gain.next();

    const float g = gain.getCurrent();
    if (g == 1.0f)
        return;

    for (; i < n; ++i)
        data[i] *= g;
}

/** data *= gain, the same ramp applied to both channels of a stereo pair */
inline void applyGainStereo (float* __restrict left, float* __restrict right, int n, LinearRamp& gain) noexcept
{
    int i = 0;
    for (; i < n && gain.isRamping(); ++i)
    {
        const float g = gain.next();
        left[i] *= g;
        if (right != nullptr)
            right[i] *= g;
    }

    const float g = gain.getCurrent();
    if (g == 1.0f)
        return;

    for (int j = i; j < n; ++j)
        left[j] *= g;
    if (right != nullptr)
        for (int j = i; j < n; ++j)
            right[j] *= g;
}

} // namespace foldback::kernels
