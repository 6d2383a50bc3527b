#pragma once

#include "AudioMath.h"

#if defined(__SSE2__)
 #include <emmintrin.h>
#endif

namespace foldback::kernels
{

/** dest = src * gain, with NaN and infinity (from a broken driver or file) made silence.
    Four samples at a time on SSE2, where the compiler will not vectorise the test itself;
    the same arithmetic as the scalar tail, so the result never depends on alignment or n. */
inline void copyFiniteScaled (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept
{
    int i = 0;
   #if defined(__SSE2__)
    const __m128i exponentMask = _mm_set1_epi32 (0x7f800000);
    const __m128 g = _mm_set1_ps (gain);
    for (; i + 4 <= n; i += 4)
    {
        const __m128 x = _mm_loadu_ps (src + i);
        const __m128i nonFinite = _mm_cmpeq_epi32 (_mm_and_si128 (_mm_castps_si128 (x), exponentMask), exponentMask);
        _mm_storeu_ps (dest + i, _mm_andnot_ps (_mm_castsi128_ps (nonFinite), _mm_mul_ps (x, g)));
    }
   #endif
    for (; i < n; ++i)
        dest[i] = isFiniteSample (src[i]) ? src[i] * gain : 0.0f;
}

} // namespace foldback::kernels
