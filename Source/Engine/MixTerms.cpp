#include "MixTerms.h"

namespace foldback::kernels
{

namespace
{
    // Eight terms per pass for a mono bus; four for a stereo pair, where eight would need
    // more than the sixteen vector registers for its gains and spill to the stack.
    constexpr int monoChunk = 8;
    constexpr int stereoChunk = 4;

    bool allSteady (const MixTerm* terms, int count) noexcept
    {
        for (int j = 0; j < count; ++j)
            if (! terms[j].isSteady())
                return false;
        return true;
    }
}

#if defined(__x86_64__) && defined(__GNUC__)
 #define FOLDBACK_SIMD_CLONES [[gnu::target_clones ("avx2", "default")]]
#else
 #define FOLDBACK_SIMD_CLONES
#endif

FOLDBACK_SIMD_CLONES
void accumulateStereo (float* left, float* right, const MixTerm* terms, int count, int n) noexcept
{
    for (int first = 0; first < count; first += stereoChunk)
    {
        const int k = count - first < stereoChunk ? count - first : stereoChunk;
        const MixTerm* c = terms + first;

        if (! allSteady (c, k))
        {
            accumulateRamped (left, 0, c, k, n);
            accumulateRamped (right, 1, c, k, n);
            continue;
        }

        switch (k)
        {
            case 4:  accumulateStereoSteady<4> (left, right, c, n); break;
            case 3:  accumulateStereoSteady<3> (left, right, c, n); break;
            case 2:  accumulateStereoSteady<2> (left, right, c, n); break;
            default: accumulateStereoSteady<1> (left, right, c, n); break;
        }
    }
}

FOLDBACK_SIMD_CLONES
void accumulateMono (float* bus, const MixTerm* terms, int count, int n) noexcept
{
    for (int first = 0; first < count; first += monoChunk)
    {
        const int k = count - first < monoChunk ? count - first : monoChunk;
        const MixTerm* c = terms + first;

        if (! allSteady (c, k))
        {
            accumulateRamped (bus, 0, c, k, n);
            continue;
        }

        switch (k)
        {
            case 8:  accumulateMonoSteady<8> (bus, c, n); break;
            case 7:  accumulateMonoSteady<7> (bus, c, n); break;
            case 6:  accumulateMonoSteady<6> (bus, c, n); break;
            case 5:  accumulateMonoSteady<5> (bus, c, n); break;
            case 4:  accumulateMonoSteady<4> (bus, c, n); break;
            case 3:  accumulateMonoSteady<3> (bus, c, n); break;
            case 2:  accumulateMonoSteady<2> (bus, c, n); break;
            default: accumulateMonoSteady<1> (bus, c, n); break;
        }
    }
}

} // namespace foldback::kernels
