#pragma once

namespace foldback::kernels
{

/** dest = src * gain, with NaN and infinity (from a broken driver or file) made silence.
    Vectorised (the compiler will not vectorise the test itself), AVX2 where the CPU has it;
    lane for lane the same arithmetic as the scalar tail, so the result never depends on
    alignment, n or the CPU. */
void copyFiniteScaled (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept;

} // namespace foldback::kernels
