#include "FiniteCopy.h"

#include "AudioMath.h"
#include "CpuFeatures.h"
#include "SimdVector.h"

namespace foldback::kernels
{

namespace
{
    template <int Width>
    [[gnu::always_inline]] inline void copyFiniteScaledWith (float* __restrict dest, const float* __restrict src,
                                                            int n, float gain) noexcept
    {
        using V = typename simd::VectorOf<Width>::type;
        using Bits = typename simd::VectorOf<Width>::bits;

        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            const V x = simd::load<V> (src + i);
            const Bits finite = ((Bits) x & 0x7f800000) != 0x7f800000; // all ones where finite
            simd::store (dest + i, (V) ((Bits) (x * gain) & finite));
        }
        for (; i < n; ++i)
            dest[i] = isFiniteSample (src[i]) ? src[i] * gain : 0.0f;
    }

    void copyBaseline (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept
    {
        copyFiniteScaledWith<4> (dest, src, n, gain);
    }

   #if defined(__x86_64__) && defined(__GNUC__)
    [[gnu::target ("avx2")]] void copyAvx2 (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept
    {
        copyFiniteScaledWith<8> (dest, src, n, gain);
    }
   #else
    void copyAvx2 (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept
    {
        copyBaseline (dest, src, n, gain);
    }
   #endif

    const bool useAvx2 = cpuHasAvx2();
}

void copyFiniteScaled (float* __restrict dest, const float* __restrict src, int n, float gain) noexcept
{
    if (useAvx2)
        copyAvx2 (dest, src, n, gain);
    else
        copyBaseline (dest, src, n, gain);
}

} // namespace foldback::kernels
