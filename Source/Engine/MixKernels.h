#pragma once

#include "LinearRamp.h"

namespace foldback::kernels
{

// The kernel runs the per-sample path only for the samples where a ramp is moving and a
// plain loop (which the compiler vectorises) for the rest. Which path a sample takes
// depends on the ramp's state at that sample, never on where the block starts, and both
// paths do the same arithmetic, so output is bit-identical for any block segmentation.

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
