#pragma once

namespace foldback
{

/** One send's contribution to a mix bus: bus[c] += gain[c] * source[c] for each bus channel
    c. For a mono mix only channel 0 is used. A gain is either constant for the whole
    segment or, while its ramp moves, one value per sample (rampedGains[c]). */
struct MixTerm
{
    const float* source[2] { nullptr, nullptr };
    const float* rampedGains[2] { nullptr, nullptr };
    float gain[2] { 0.0f, 0.0f };

    bool isSteady() const noexcept { return rampedGains[0] == nullptr && rampedGains[1] == nullptr; }
};

namespace kernels
{

// Every kernel here computes, for each sample and bus channel, acc = bus; acc += g0 * s0;
// acc += g1 * s1; ... in term order, and stores acc: the same float operations in the same
// order whatever the chunking of terms, whichever terms are ramping, and however the block
// is cut. That keeps output bit-identical at any block size while the bus stays in
// registers across several terms, and the left and right sums run as two independent chains.

template <int K>
[[gnu::always_inline]] inline void accumulateStereoSteady (float* __restrict left, float* __restrict right,
                                                          const MixTerm* terms, int n) noexcept
{
    const float* sl[K];
    const float* sr[K];
    float gl[K], gr[K];
    for (int k = 0; k < K; ++k)
    {
        sl[k] = terms[k].source[0];
        sr[k] = terms[k].source[1];
        gl[k] = terms[k].gain[0];
        gr[k] = terms[k].gain[1];
    }

    // Sources and buses are distinct buffers of the plan's sample pool: no aliasing, so
    // spare the vectoriser its run-time overlap checks (one per source per chunk).
   #pragma GCC ivdep
    for (int i = 0; i < n; ++i)
    {
        float accL = left[i];
        float accR = right[i];
        for (int k = 0; k < K; ++k)
        {
            accL += gl[k] * sl[k][i];
            accR += gr[k] * sr[k][i];
        }
        left[i] = accL;
        right[i] = accR;
    }
}

template <int K>
[[gnu::always_inline]] inline void accumulateMonoSteady (float* __restrict bus, const MixTerm* terms, int n) noexcept
{
    const float* s[K];
    float g[K];
    for (int k = 0; k < K; ++k)
    {
        s[k] = terms[k].source[0];
        g[k] = terms[k].gain[0];
    }

   #pragma GCC ivdep
    for (int i = 0; i < n; ++i)
    {
        float acc = bus[i];
        for (int k = 0; k < K; ++k)
            acc += g[k] * s[k][i];
        bus[i] = acc;
    }
}

[[gnu::always_inline]] inline void accumulateRamped (float* __restrict bus, int channel, const MixTerm* terms,
                                                    int count, int n) noexcept
{
    for (int i = 0; i < n; ++i)
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
}

/** left += sum of terms' channel 0, right += sum of their channel 1, in order. Compiled for
    AVX2 and for the x86-64 baseline, picked at load time; neither contracts to FMA, so
    both give the same bits. */
void accumulateStereo (float* left, float* right, const MixTerm* terms, int count, int n) noexcept;

/** bus += sum of the terms' channel 0, in order. */
void accumulateMono (float* bus, const MixTerm* terms, int count, int n) noexcept;

} // namespace kernels
} // namespace foldback
