#pragma once

namespace foldback
{

/** One send's contribution to a mix bus: bus[c] += gain[c] * source[c] for each bus channel
    c. For a mono mix only channel 0 is used. A gain is either constant for the whole
    segment or, while its ramp moves, one value per sample (rampedGains[c]). In a stereo
    term both rampedGains are set or neither (buildTerms writes out both sides while either
    moves): the stereo kernel tests rampedGains[0] alone. */
struct MixTerm
{
    const float* source[2] { nullptr, nullptr };
    const float* rampedGains[2] { nullptr, nullptr };
    float gain[2] { 0.0f, 0.0f };
};

namespace kernels
{

// Every kernel here computes, for each sample and bus channel, acc = bus; acc += g0 * s0;
// acc += g1 * s1; ... in term order, and stores acc: one multiply and one add per term,
// never fused, in the same order whichever terms are ramping and however the block is cut.
// That keeps output bit-identical at any block size and on any x86-64.

/** left += sum of terms' channel 0, right += sum of their channel 1, in order. An AVX2
    build and an x86-64 baseline build, picked once at load time. */
void accumulateStereo (float* left, float* right, const MixTerm* terms, int count, int n) noexcept;

/** bus += sum of the terms' channel 0, in order. */
void accumulateMono (float* bus, const MixTerm* terms, int count, int n) noexcept;

/** The two builds, for the test that proves they give the same bits. */
namespace builds
{
    void accumulateStereoBaseline (float* left, float* right, const MixTerm* terms, int count, int n) noexcept;
    void accumulateMonoBaseline (float* bus, const MixTerm* terms, int count, int n) noexcept;
    void accumulateStereoAvx2 (float* left, float* right, const MixTerm* terms, int count, int n) noexcept;
    void accumulateMonoAvx2 (float* bus, const MixTerm* terms, int count, int n) noexcept;
}

} // namespace kernels
} // namespace foldback
