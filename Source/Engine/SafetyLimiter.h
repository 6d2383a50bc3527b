#pragma once

namespace foldback
{

/** The last stage of every cue mix: protects the performer's ears.

    Guarantees, for any input including NaN and infinity:
    - no output sample's magnitude exceeds the ceiling;
    - every output sample is finite;
    - zero latency: the gain for a sample is decided from that sample (no look-ahead);
    - bit-transparent: while the gain has recovered to unity and the input stays at or
      below the ceiling, output equals input exactly.

    The gain drops instantly to what the loudest channel needs and recovers
    exponentially (release). Both channels share one gain so the image does not shift.

    Audio thread only; wait-free, no allocation. */
class SafetyLimiter
{
public:
    void prepare (double sampleRate, float releaseSeconds = 0.15f) noexcept;

    /** Processes one or two channels in place; right may be nullptr for a mono mix. */
    void process (float* left, float* right, int numFrames, float ceiling) noexcept;

    /** Carries the gain over from the same mix's limiter in an earlier plan. */
    void continueFrom (const SafetyLimiter& previous) noexcept { gain = previous.gain; }

    /** The smallest gain applied in the last block (1 = idle). */
    float getLastBlockMinimumGain() const noexcept { return lastBlockMinimumGain; }

    /** Count of non-finite samples replaced by silence since preparation. */
    unsigned long getNonFiniteSampleCount() const noexcept { return nonFiniteSamples; }

private:
    float gain = 1.0f;
    float releaseCoefficient = 0.0f;
    float lastBlockMinimumGain = 1.0f;
    unsigned long nonFiniteSamples = 0;
};

} // namespace foldback
