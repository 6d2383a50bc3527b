#pragma once

namespace foldback
{

/** A value that moves towards its target in a straight line over a fixed number of
    samples, one step per sample. Because the ramp is counted in samples, never in
    blocks, the value at any sample is the same however the stream is cut into blocks.

    Call from the audio thread only; not thread-safe. Wait-free, no allocation. */
class LinearRamp
{
public:
    /** Jumps to a value with no ramp (at preparation time, never on a live change). */
    void reset (float value) noexcept
    {
        current = target = value;
        step = 0.0f;
        remaining = 0;
    }

    /** Starts a ramp from the current value to a new target over rampSamples samples. */
    void setTarget (float newTarget, int rampSamples) noexcept
    {
        if (newTarget == target)
            return;

        target = newTarget;

        if (rampSamples <= 0)
        {
            reset (newTarget);
            return;
        }

        remaining = rampSamples;
        step = (target - current) / static_cast<float> (rampSamples);
    }

    /** Advances one sample and returns the value for it. */
    float next() noexcept
    {
        if (remaining > 0)
        {
            current = --remaining == 0 ? target : current + step;
        }
        return current;
    }

    bool isRamping() const noexcept        { return remaining > 0; }
    int getRemainingSamples() const noexcept { return remaining; }
    float getCurrent() const noexcept      { return current; }
    float getTarget() const noexcept       { return target; }

private:
    float current = 0.0f;
    float target = 0.0f;
    float step = 0.0f;
    int remaining = 0;
};

} // namespace foldback
