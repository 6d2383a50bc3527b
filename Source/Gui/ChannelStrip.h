#pragma once

#include "ConsoleModel.h"
#include "FaderScale.h"
#include "LevelMeterComponent.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One source in one performer's mix: name, pan, mute, solo, send fader and the source's
    meter. The fader and the figure under it are what reaches the performer's ears: the
    engineer's send plus the performer's own offset from their remote (PerformerLayer),
    with the engineer's send level drawn as a second marker beside the groove when the two
    differ; moving the fader moves the engineer's send and keeps the performer's offset.
    A performer's mute turns the strip amber and reads "P MUTE". Solo is the engineer's (ConsoleModel::setSolo, on the LISTEN outputs): it lights
    on every mix's strip of that source and changes no send. Bound to CueMix::sends[source]: every move is an edit through the ConsoleModel
    (a drag coalesces into one undo step), and every session change, from anywhere, moves
    the controls. A source the mix does not take yet shows "not sent"; touching any control
    creates the send.

    A narrow strip (setNarrow) keeps the name (shortened, the full name in its tooltip),
    mute, solo, the pan as a figure, the fader with its ticks, the meter and the level, and
    drops the pan knob and the kind line: 24 or more fit across 1600 px.

    componentID "strip:<mix id>:<source id>"; its controls are named "fader", "pan",
    "mute" and "solo". Message thread only. */
class ChannelStrip : public juce::Component,
                     private ConsoleModel::Listener
{
public:
    static constexpr int preferredWidth = 112;
    static constexpr int maximumWidth = 150;
    static constexpr int narrowWidth = 46;
    static constexpr int narrowNameChars = 4;

    ChannelStrip (ConsoleModel& model, std::string mixId, std::string sourceId);
    ~ChannelStrip() override;

    const std::string& getMixId() const noexcept    { return mixId; }
    const std::string& getSourceId() const noexcept { return sourceId; }

    juce::Slider& getFader() noexcept           { return fader; }
    juce::Slider& getPanKnob() noexcept         { return pan; }
    juce::TextButton& getMuteButton() noexcept  { return mute; }
    juce::TextButton& getSoloButton() noexcept  { return solo; }
    LevelMeterComponent& getMeter() noexcept    { return meter; }
    FaderScale& getFaderScale() noexcept        { return scale; }
    /** The name as the strip shows it (shortened when narrow). */
    juce::String getShownName() const           { return nameLabel.getText(); }
    juce::String getNameTooltip()               { return nameLabel.getTooltip(); }

    void setNarrow (bool shouldBeNarrow);
    bool isNarrow() const noexcept { return narrow; }

    /** Sets every control from the session without making an edit. */
    void refreshFromSession();

    /** What the strip says of the performer's layer ("" when they changed nothing). */
    juce::String getPerformerText() const { return performerLabel.getText(); }
    /** The figure under the fader: what the performer hears, or "P MUTE". */
    juce::String getGainText() const { return gainLabel.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override { refreshFromSession(); }
    void showName();   // the name as it fits: short when narrow, cut in the middle when wide
    juce::String describeSource() const;
    std::string key (const char* control) const;
    double performerOffsetDb() const;
    /** An edit of the engineer's send so that the performer hears `heardDb`. */
    void setHeardLevel (double heardDb, const std::string& coalesceKey);

    ConsoleModel& model;
    const std::string mixId, sourceId;

    juce::Label nameLabel, kindLabel, gainLabel, panLabel;
    juce::Label performerLabel; ///< the performer's own offset on this send, from their remote
    WheelSafeSlider pan { juce::Slider::RotaryHorizontalVerticalDrag, juce::Slider::NoTextBox };
    juce::TextButton mute { "M" }, solo { "S" };
    WheelSafeSlider fader { juce::Slider::LinearVertical, juce::Slider::NoTextBox };
    LevelMeterComponent meter;
    FaderScale scale { fader };
    bool sent = false, heardMuted = false, narrow = false;
    std::string colour; ///< the source's own ("#rrggbb"), drawn as a band along the top; empty: none

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ChannelStrip)
};

} // namespace foldback
