#pragma once

#include "ConsoleModel.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One send in the overview matrix: a level bar to drag (double-click: 0 dB) with the
    level in figures, and a mute button. Like a ChannelStrip, the bar and the figure are
    what the performer hears (their remote's offset included, "P MUTE" when they muted it),
    with the engineer's own send level as an accent notch when the two differ; dragging
    moves the engineer's send and keeps the offset. A source the mix does not take shows a dash;
    dragging it creates the send. The MixMatrix refreshes it on every session change.

    componentID "cell:<mix id>:<source id>"; controls "level" and "mute". Message thread. */
class MatrixCell : public juce::Component,
                   public juce::SettableTooltipClient
{
public:
    MatrixCell (ConsoleModel& model, std::string mixId, std::string sourceId);

    juce::Slider& getLevel() noexcept      { return level; }
    juce::TextButton& getMute() noexcept   { return mute; }
    /** The figure on the bar: what the performer hears. */
    juce::String getLevelText()            { return level.getTextFromValue (level.getValue()); }
    bool showsEngineerMarker() const noexcept { return performerChanged; }

    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void paintOverChildren (juce::Graphics&) override;
    void resized() override;

private:
    ConsoleModel& model;
    const std::string mixId, sourceId;
    WheelSafeSlider level { juce::Slider::LinearBar, juce::Slider::TextBoxAbove };
    juce::TextButton mute { "M" };
    bool sent = false, performerChanged = false, performerMuted = false;
    double engineerDb = 0.0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MatrixCell)
};

} // namespace foldback
