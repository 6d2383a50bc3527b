#pragma once

#include "ConsoleModel.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One performer's click in the click panel: the level of the mix's "click" send, its
    mute, and whether the mix hears the click always or only in the count-in.

    componentID "click:<mix id>"; controls "level", "mute", "mode". Message thread only. */
class ClickSendRow : public juce::Component
{
public:
    ClickSendRow (ConsoleModel& model, std::string mixId);

    juce::Slider& getLevel() noexcept { return level; }

    void refreshFromSession();
    void resized() override;

private:
    ConsoleModel& model;
    const std::string mixId;
    juce::Label name;
    WheelSafeSlider level { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    juce::TextButton mute { "M" };
    juce::ComboBox mode;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ClickSendRow)
};

} // namespace foldback
