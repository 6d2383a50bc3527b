#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace foldback
{

/** A dB scale beside a gain fader: ticks at +12, +6, 0, -6, -12, -20, -30, -40, -60 and
    -inf, each drawn exactly where the fader puts its cap for that value (the Slider's own
    getPositionOfValue(), so the scale follows gainFaderLaw and the fader's layout, and
    cannot drift from them). Labels that would overlap the one above are left out, 0 dB
    never; with labels off (a narrow strip) only the ticks show.

    Sits beside the fader in the same parent; repaints only when its parent lays it out.
    Message thread only. */
class FaderScale : public juce::Component
{
public:
    struct Tick
    {
        double db;
        float y;             ///< in this component's coordinates
        juce::String label;  ///< "" when left out for room (or labels are off)
    };

    static const std::vector<double>& tickValues();

    explicit FaderScale (juce::Slider& fader);

    void setShowsLabels (bool shouldShow);
    bool showsLabels() const noexcept { return labelsShown; }

    /** The ticks as they are drawn at the current layout. */
    std::vector<Tick> getTicks() const;

    void paint (juce::Graphics&) override;

private:
    juce::Slider& fader;
    bool labelsShown = true;
};

} // namespace foldback
