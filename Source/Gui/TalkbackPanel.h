#pragma once

#include "ConsoleModel.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** Talkback: a TALK button that is momentary (held while pressed) or, with LATCH on,
    toggles on each press; and the dim of the programme in the mixes that hear talkback
    (a session setting, edited through the document). The button lights from the engine's
    own view of talkback, so what it shows is what the performers hear.

    Disabled, saying why, when the session has no talkback mic. Message thread only. */
class TalkbackPanel : public juce::Component,
                      private ConsoleModel::Listener,
                      private juce::Timer
{
public:
    explicit TalkbackPanel (ConsoleModel& model);
    ~TalkbackPanel() override;

    /** The talk control was pressed or released (button, or the T key). */
    void press();
    void release();

    bool isTalking() const noexcept { return talking; }
    juce::TextButton& getTalkButton() noexcept { return talk; }
    juce::TextButton& getLatchButton() noexcept { return latch; }
    juce::Slider& getDimSlider() noexcept      { return dim; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override;
    void timerCallback() override;
    void setTalking (bool shouldTalk);

    ConsoleModel& model;
    juce::TextButton talk { "TALK" }, latch { "LATCH" };
    WheelSafeSlider dim { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    juce::Label dimTitle;
    bool talking = false, pressed = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TalkbackPanel)
};

} // namespace foldback
