#pragma once

#include "ConsoleModel.h"
#include "FaderScale.h"
#include "GainReductionMeter.h"
#include "LevelMeterComponent.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** A mix's master section: master fader with its dB scale, the safety limiter's ceiling
    and its gain reduction, and the mix's output meter (L and R for a stereo mix) with a
    dBFS scale. Bound to the CueMix like a
    ChannelStrip is bound to its send.

    componentID "master:<mix id>"; controls "master" and "ceiling". Message thread only. */
class MixMasterStrip : public juce::Component,
                       private ConsoleModel::Listener
{
public:
    static constexpr int preferredWidth = 210;

    MixMasterStrip (ConsoleModel& model, std::string mixId);
    ~MixMasterStrip() override;

    juce::Slider& getMasterFader() noexcept   { return master; }
    juce::Slider& getCeilingKnob() noexcept   { return ceiling; }
    LevelMeterComponent& getOutputMeter() noexcept { return outputMeter; }
    FaderScale& getFaderScale() noexcept      { return masterScale; }

    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override { refreshFromSession(); }

    ConsoleModel& model;
    const std::string mixId;

    juce::Label title, outputsLabel, masterLabel, ceilingLabel, ceilingTitle, reductionTitle;
    WheelSafeSlider master { juce::Slider::LinearVertical, juce::Slider::NoTextBox };
    WheelSafeSlider ceiling { juce::Slider::RotaryHorizontalVerticalDrag, juce::Slider::NoTextBox };
    FaderScale masterScale { master };
    LevelMeterComponent outputMeter;
    GainReductionMeter reduction;
    juce::Rectangle<int> scaleArea;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MixMasterStrip)
};

} // namespace foldback
