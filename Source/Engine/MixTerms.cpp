#include "MixTerms.h"

#include "CpuFeatures.h"
#include "SimdVector.h"

namespace foldback::kernels
{

// A cue mix sums about 80 sends into a bus of 32 samples per block. Looping over samples
// per send would load and store the bus once per send; instead a tile of the bus (up to 32
// samples of both channels) stays in vector registers while every send is added into it.

namespace
{
    using simd::load;
    using simd::store;
    using simd::VectorOf;

    /** Samples [i, i + Width * Tiles) of both channels. */
    template <int Width, int Tiles>
    [[gnu::always_inline]] inline void stereoTile (float* __restrict left, float* __restrict right,
                                                  const MixTerm* terms, int count, int i) noexcept
    {
        using V = typename VectorOf<Width>::type;
        V accL[Tiles], accR[Tiles];

       #pragma GCC unroll 8
        for (int t = 0; t < Tiles; ++t)
        {
            accL[t] = load<V> (left + i + t * Width);
            accR[t] = load<V> (right + i + t * Width);
        }

        for (int k = 0; k < count; ++k)
        {
            const MixTerm& term = terms[k];
            const float* sl = term.source[0] + i;
            const float* sr = term.source[1] + i;

            if (term.rampedGains[0] != nullptr) [[unlikely]] // both sides are written out while either moves
            {
                const float* gl = term.rampedGains[0] + i;
                const float* gr = term.rampedGains[1] + i;
               #pragma GCC unroll 8
                for (int t = 0; t < Tiles; ++t)
                {
                    accL[t] += load<V> (gl + t * Width) * load<V> (sl + t * Width);
                    accR[t] += load<V> (gr + t * Width) * load<V> (sr + t * Width);
                }
                continue;
            }

            const float gl = term.gain[0];
            const float gr = term.gain[1];

            if (sl == sr) // a mono source panned into the pair: load it once
            {
               #pragma GCC unroll 8
                for (int t = 0; t < Tiles; ++t)
                {
                    const V x = load<V> (sl + t * Width);
                    accL[t] += gl * x;
                    accR[t] += gr * x;
                }
            }
            else
            {
               #pragma GCC unroll 8
                for (int t = 0; t < Tiles; ++t)
                {
                    accL[t] += gl * load<V> (sl + t * Width);
                    accR[t] += gr * load<V> (sr + t * Width);
                }
            }
        }

       #pragma GCC unroll 8
        for (int t = 0; t < Tiles; ++t)
        {
            store (left + i + t * Width, accL[t]);
            store (right + i + t * Width, accR[t]);
        }
    }

    template <int Width, int Tiles>
    [[gnu::always_inline]] inline void monoTile (float* __restrict bus, const MixTerm* terms, int count, int i) noexcept
    {
        using V = typename VectorOf<Width>::type;
        V acc[Tiles];

       #pragma GCC unroll 8
        for (int t = 0; t < Tiles; ++t)
            acc[t] = load<V> (bus + i + t * Width);

        for (int k = 0; k < count; ++k)
        {
            const MixTerm& term = terms[k];
            const float* s = term.source[0] + i;

            if (term.rampedGains[0] != nullptr) [[unlikely]]
            {
                const float* g = term.rampedGains[0] + i;
               #pragma GCC unroll 8
                for (int t = 0; t < Tiles; ++t)
                    acc[t] += load<V> (g + t * Width) * load<V> (s + t * Width);
                continue;
            }

            const float g = term.gain[0];
           #pragma GCC unroll 8
            for (int t = 0; t < Tiles; ++t)
                acc[t] += g * load<V> (s + t * Width);
        }

       #pragma GCC unroll 8
        for (int t = 0; t < Tiles; ++t)
            store (bus + i + t * Width, acc[t]);
    }

    /** One sample of one channel, for the tail of a segment shorter than a vector. */
    [[gnu::always_inline]] inline void scalarSample (float* bus, int channel, const MixTerm* terms, int count, int i) noexcept
    {
        float acc = bus[i];
        for (int k = 0; k < count; ++k)
        {
            const auto& t = terms[k];
            const float g = t.rampedGains[channel] != nullptr ? t.rampedGains[channel][i] : t.gain[channel];
            acc += g * t.source[channel][i];
        }
        bus[i] = acc;
    }

    template <int Width, int Tiles>
    [[gnu::always_inline]] inline void accumulateStereoTiled (float* left, float* right, const MixTerm* terms,
                                                             int count, int n) noexcept
    {
        int i = 0;
        for (; i + Width * Tiles <= n; i += Width * Tiles)
            stereoTile<Width, Tiles> (left, right, terms, count, i);
        for (; i + Width <= n; i += Width)
            stereoTile<Width, 1> (left, right, terms, count, i);
        if constexpr (Width > 4)
            for (; i + 4 <= n; i += 4)
                stereoTile<4, 1> (left, right, terms, count, i);
        for (; i < n; ++i)
        {
            scalarSample (left, 0, terms, count, i);
            scalarSample (right, 1, terms, count, i);
        }
    }

    template <int Width, int Tiles>
    [[gnu::always_inline]] inline void accumulateMonoTiled (float* bus, const MixTerm* terms, int count, int n) noexcept
    {
        int i = 0;
        for (; i + Width * Tiles <= n; i += Width * Tiles)
            monoTile<Width, Tiles> (bus, terms, count, i);
        for (; i + Width <= n; i += Width)
            monoTile<Width, 1> (bus, terms, count, i);
        if constexpr (Width > 4)
            for (; i + 4 <= n; i += 4)
                monoTile<4, 1> (bus, terms, count, i);
        for (; i < n; ++i)
            scalarSample (bus, 0, terms, count, i);
    }
}

namespace builds
{
    // Baseline x86-64 has sixteen 4-wide registers: a 16-sample stereo tile (8 accumulators)
    // or a 32-sample mono one leaves room for the gains and a loaded source.
    void accumulateStereoBaseline (float* left, float* right, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateStereoTiled<4, 4> (left, right, terms, count, n);
    }

    void accumulateMonoBaseline (float* bus, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateMonoTiled<4, 8> (bus, terms, count, n);
    }

   #if defined(__x86_64__) && defined(__GNUC__)
    // AVX2: the same tiles at 8 wide, so a 32-frame block is one tile.
    [[gnu::target ("avx2")]] void accumulateStereoAvx2 (float* left, float* right, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateStereoTiled<8, 4> (left, right, terms, count, n);
    }

    [[gnu::target ("avx2")]] void accumulateMonoAvx2 (float* bus, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateMonoTiled<8, 8> (bus, terms, count, n);
    }
   #else
    void accumulateStereoAvx2 (float* left, float* right, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateStereoBaseline (left, right, terms, count, n);
    }

    void accumulateMonoAvx2 (float* bus, const MixTerm* terms, int count, int n) noexcept
    {
        accumulateMonoBaseline (bus, terms, count, n);
    }
   #endif
}

namespace
{
    // Decided during static initialisation, so the audio thread only reads a constant.
    const bool useAvx2 = cpuHasAvx2();
}

void accumulateStereo (float* left, float* right, const MixTerm* terms, int count, int n) noexcept
{
    if (useAvx2)
        builds::accumulateStereoAvx2 (left, right, terms, count, n);
    else
        builds::accumulateStereoBaseline (left, right, terms, count, n);
}

void accumulateMono (float* bus, const MixTerm* terms, int count, int n) noexcept
{
    if (useAvx2)
        builds::accumulateMonoAvx2 (bus, terms, count, n);
    else
        builds::accumulateMonoBaseline (bus, terms, count, n);
}

} // namespace foldback::kernels
