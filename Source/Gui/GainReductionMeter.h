#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace foldback
{

class MeterClock;

/** The safety limiter's gain reduction: a column growing down from the top (0 to -24 dB)
    and the current reduction in figures, held for a second so a short catch is seen.

    Reads through a function on the console's MeterClock while showing, like
    LevelMeterComponent: never touches the audio thread beyond an atomic load. Message
    thread only. */
class GainReductionMeter : public juce::Component,
                           public juce::SettableTooltipClient
{
public:
    static constexpr float rangeDb = 24.0f;

    GainReductionMeter();
    ~GainReductionMeter() override;

    /** The reader returns the limiter gain in dB: 0 for none, negative when limiting. It is
        read at once and then on each frame of `clock` while showing (no clock: on refresh()). */
    void setReader (std::function<float()> newReader, MeterClock* clock);

    /** Reads once now. */
    void refresh();

    void paint (juce::Graphics&) override;

private:
    std::function<float()> reader;
    MeterClock* clock = nullptr;
    float reductionDb = 0.0f, heldDb = 0.0f;
    double holdUntilMs = 0.0;
};

} // namespace foldback
