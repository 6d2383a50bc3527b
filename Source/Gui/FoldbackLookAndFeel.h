#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** The console's colours, in one place so every component agrees. Chosen for a dark
    control room read from two metres: near-black ground, near-white text, and state
    colours that stay distinct for the colour-blind (amber mute, yellow-green solo). */
namespace palette
{
    inline const juce::Colour background     { 0xff0b0d10 };
    inline const juce::Colour panel          { 0xff161a20 };
    inline const juce::Colour raised         { 0xff222832 };
    inline const juce::Colour outline        { 0xff343c48 };
    inline const juce::Colour text           { 0xfff3f5f8 };
    inline const juce::Colour dimText        { 0xffc4ccd6 }; ///< secondary text: still 12:1 on the background
    inline const juce::Colour accent         { 0xff3ab7ff };
    inline const juce::Colour meterGreen     { 0xff2fd85a };
    inline const juce::Colour meterAmber     { 0xffffb020 };
    inline const juce::Colour meterRed       { 0xffff3b30 };
    inline const juce::Colour muteOn         { 0xffffa000 };
    inline const juce::Colour soloOn         { 0xffd4f53c };
    inline const juce::Colour play           { 0xff2fd85a };
    inline const juce::Colour talk           { 0xffff4f8b };
    inline const juce::Colour offline        { 0xffff5b4f };
}

/** Font sizes, in pixels (a JUCE font's height: ascent plus descent): names and levels
    large enough to read across the room, and no text smaller than `small` (secondary
    labels, pan values) or `scale` (fader and meter scales, bold), which read from two
    metres on a 24-inch screen. */
namespace fontSizes
{
    constexpr float small = 16.0f;
    constexpr float scale = 15.0f;
    constexpr float body = 16.0f;
    constexpr float name = 19.0f;
    constexpr float level = 18.0f;
    constexpr float heading = 24.0f;
    constexpr float display = 38.0f;
}

/** The console's dark theme: a LookAndFeel_V4 with Foldback's palette, flat faders
    with a wide cap, pan knobs drawn as arcs from centre, and buttons whose "on" colour
    comes from the button (so mute, solo, play and talk each light in their own colour). */
class FoldbackLookAndFeel : public juce::LookAndFeel_V4
{
public:
    FoldbackLookAndFeel();

    void drawLinearSlider (juce::Graphics&, int x, int y, int width, int height, float sliderPos, float minSliderPos,
                           float maxSliderPos, juce::Slider::SliderStyle, juce::Slider&) override;

    void drawRotarySlider (juce::Graphics&, int x, int y, int width, int height, float sliderPosProportional,
                           float rotaryStartAngle, float rotaryEndAngle, juce::Slider&) override;

    void drawButtonBackground (juce::Graphics&, juce::Button&, const juce::Colour& backgroundColour,
                               bool isMouseOverButton, bool isButtonDown) override;

    juce::Label* createSliderTextBox (juce::Slider&) override;

    /** A vertical fader with this property (a value in the slider's range) draws a second
        marker there beside its groove, joined to the cap: the engineer's own send level
        on a fader that shows what the performer hears. */
    static inline const juce::Identifier secondMarkerProperty { "foldbackSecondMarker" };
    juce::Font getTextButtonFont (juce::TextButton&, int buttonHeight) override;
    juce::Font getLabelFont (juce::Label&) override;
    juce::Font getComboBoxFont (juce::ComboBox&) override;
    juce::Font getPopupMenuFont() override;
    juce::Font getMenuBarFont (juce::MenuBarComponent&, int itemIndex, const juce::String& itemText) override;
};

} // namespace foldback
