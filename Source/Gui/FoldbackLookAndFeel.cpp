#include "FoldbackLookAndFeel.h"

namespace foldback
{

FoldbackLookAndFeel::FoldbackLookAndFeel()
{
    using namespace palette;
    setColourScheme ({ background, panel, raised, outline, text, accent, juce::Colours::black, raised, text });

    setColour (juce::ResizableWindow::backgroundColourId, background);
    setColour (juce::DocumentWindow::textColourId, text);
    setColour (juce::Label::textColourId, text);
    setColour (juce::TextButton::buttonColourId, raised);
    setColour (juce::TextButton::buttonOnColourId, accent);
    setColour (juce::TextButton::textColourOffId, text);
    setColour (juce::TextButton::textColourOnId, juce::Colours::black);
    setColour (juce::ToggleButton::textColourId, text);
    setColour (juce::ToggleButton::tickColourId, accent);
    setColour (juce::ToggleButton::tickDisabledColourId, dimText);
    setColour (juce::Slider::thumbColourId, text);
    setColour (juce::Slider::trackColourId, accent);
    setColour (juce::Slider::backgroundColourId, juce::Colour (0xff05070a));
    setColour (juce::Slider::rotarySliderFillColourId, accent);
    setColour (juce::Slider::rotarySliderOutlineColourId, outline);
    setColour (juce::Slider::textBoxTextColourId, text);
    setColour (juce::Slider::textBoxBackgroundColourId, background);
    setColour (juce::Slider::textBoxOutlineColourId, juce::Colours::transparentBlack);
    setColour (juce::ComboBox::backgroundColourId, raised);
    setColour (juce::ComboBox::textColourId, text);
    setColour (juce::ComboBox::outlineColourId, outline);
    setColour (juce::ComboBox::arrowColourId, dimText);
    setColour (juce::PopupMenu::backgroundColourId, panel);
    setColour (juce::PopupMenu::textColourId, text);
    setColour (juce::PopupMenu::highlightedBackgroundColourId, accent);
    setColour (juce::PopupMenu::highlightedTextColourId, juce::Colours::black);
    setColour (juce::TextEditor::backgroundColourId, background);
    setColour (juce::TextEditor::textColourId, text);
    setColour (juce::TextEditor::outlineColourId, outline);
    setColour (juce::TextEditor::focusedOutlineColourId, accent);
    setColour (juce::ListBox::backgroundColourId, panel);
    setColour (juce::ListBox::textColourId, text);
    setColour (juce::ProgressBar::backgroundColourId, raised);
    setColour (juce::ProgressBar::foregroundColourId, accent);
    setColour (juce::TooltipWindow::backgroundColourId, raised);
    setColour (juce::TooltipWindow::textColourId, text);
    setColour (juce::TooltipWindow::outlineColourId, outline);
    setColour (juce::ScrollBar::thumbColourId, outline);
    setColour (juce::AlertWindow::backgroundColourId, panel);
    setColour (juce::AlertWindow::textColourId, text);
    setColour (juce::AlertWindow::outlineColourId, outline);
}

void FoldbackLookAndFeel::drawLinearSlider (juce::Graphics& g, int x, int y, int width, int height, float sliderPos,
                                            float minSliderPos, float maxSliderPos,
                                            juce::Slider::SliderStyle style, juce::Slider& slider)
{
    if (style != juce::Slider::LinearVertical && style != juce::Slider::LinearHorizontal)
    {
        LookAndFeel_V4::drawLinearSlider (g, x, y, width, height, sliderPos, minSliderPos, maxSliderPos, style, slider);
        return;
    }

    const bool vertical = style == juce::Slider::LinearVertical;
    const auto bounds = juce::Rectangle<int> (x, y, width, height).toFloat();
    const auto fill = slider.findColour (juce::Slider::trackColourId).withAlpha (slider.isEnabled() ? 1.0f : 0.35f);

    // A narrow groove, filled up to the cap: where a fader sits reads from across the room.
    const float grooveWidth = 6.0f;
    auto groove = vertical ? bounds.withSizeKeepingCentre (grooveWidth, bounds.getHeight())
                           : bounds.withSizeKeepingCentre (bounds.getWidth(), grooveWidth);
    g.setColour (slider.findColour (juce::Slider::backgroundColourId));
    g.fillRoundedRectangle (groove, 3.0f);

    auto filled = vertical ? groove.withTop (sliderPos) : groove.withRight (sliderPos);
    g.setColour (fill.withAlpha (fill.getFloatAlpha() * 0.75f));
    g.fillRoundedRectangle (filled, 3.0f);

    // The second marker (ChannelStrip: the engineer's send under a performer's offset): a
    // bracket from it to the cap, in the accent colour, and a notch at the marker.
    if (vertical && slider.getProperties().contains (secondMarkerProperty))
    {
        const auto markerPos = static_cast<float> (slider.getPositionOfValue (slider.getProperties()[secondMarkerProperty]));
        const float bracketX = groove.getX() - 12.0f;
        g.setColour (palette::accent);
        g.fillRect (juce::Rectangle<float> (bracketX, juce::jmin (markerPos, sliderPos), 3.0f, std::abs (markerPos - sliderPos)));
        juce::Path notch;
        notch.addTriangle (bracketX - 8.0f, markerPos - 7.0f, bracketX - 8.0f, markerPos + 7.0f, bracketX + 5.0f, markerPos);
        g.fillPath (notch);
    }

    // The cap: wide, light, with a dark index line at the exact value.
    const float capLength = vertical ? 34.0f : 18.0f;
    const float capBreadth = vertical ? juce::jmin (bounds.getWidth() - 4.0f, 44.0f) : juce::jmin (bounds.getHeight() - 2.0f, 30.0f);
    auto cap = vertical ? juce::Rectangle<float> (capBreadth, capLength).withCentre ({ bounds.getCentreX(), sliderPos })
                        : juce::Rectangle<float> (capLength, capBreadth).withCentre ({ sliderPos, bounds.getCentreY() });
    g.setColour (slider.isEnabled() ? juce::Colour (0xffd9dee6) : palette::outline);
    g.fillRoundedRectangle (cap, 4.0f);
    g.setColour (juce::Colours::black);
    if (vertical)
        g.fillRect (cap.withSizeKeepingCentre (cap.getWidth() - 6.0f, 2.0f));
    else
        g.fillRect (cap.withSizeKeepingCentre (2.0f, cap.getHeight() - 6.0f));
}

void FoldbackLookAndFeel::drawRotarySlider (juce::Graphics& g, int x, int y, int width, int height,
                                            float proportion, float startAngle, float endAngle, juce::Slider& slider)
{
    const auto bounds = juce::Rectangle<int> (x, y, width, height).toFloat().reduced (3.0f);
    const float radius = juce::jmin (bounds.getWidth(), bounds.getHeight()) * 0.5f;
    const auto centre = bounds.getCentre();
    const float arcRadius = radius - 3.0f;

    juce::Path track;
    track.addCentredArc (centre.x, centre.y, arcRadius, arcRadius, 0.0f, startAngle, endAngle, true);
    g.setColour (slider.findColour (juce::Slider::rotarySliderOutlineColourId));
    g.strokePath (track, juce::PathStrokeType (5.0f, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));

    // Pan reads from the centre outwards; a level knob from its minimum.
    const bool bipolar = slider.getMinimum() < 0.0 && slider.getMaximum() > 0.0;
    const float originAngle = bipolar ? (startAngle + endAngle) * 0.5f : startAngle;
    const float valueAngle = startAngle + proportion * (endAngle - startAngle);

    juce::Path value;
    value.addCentredArc (centre.x, centre.y, arcRadius, arcRadius, 0.0f,
                         juce::jmin (originAngle, valueAngle), juce::jmax (originAngle, valueAngle), true);
    g.setColour (slider.findColour (juce::Slider::rotarySliderFillColourId).withAlpha (slider.isEnabled() ? 1.0f : 0.35f));
    g.strokePath (value, juce::PathStrokeType (5.0f, juce::PathStrokeType::curved, juce::PathStrokeType::rounded));

    const auto tip = centre.getPointOnCircumference (arcRadius - 7.0f, valueAngle);
    g.setColour (palette::text);
    g.drawLine ({ centre, tip }, 3.0f);
}

void FoldbackLookAndFeel::drawButtonBackground (juce::Graphics& g, juce::Button& button, const juce::Colour& backgroundColour,
                                                bool isMouseOverButton, bool isButtonDown)
{
    auto bounds = button.getLocalBounds().toFloat().reduced (1.0f);
    auto colour = backgroundColour.withMultipliedAlpha (button.isEnabled() ? 1.0f : 0.4f);
    if (isButtonDown)
        colour = colour.brighter (0.25f);
    else if (isMouseOverButton)
        colour = colour.brighter (0.1f);

    g.setColour (colour);
    g.fillRoundedRectangle (bounds, 5.0f);
    g.setColour (button.getToggleState() ? colour.brighter (0.4f) : palette::outline);
    g.drawRoundedRectangle (bounds, 5.0f, 1.5f);
}

juce::Label* FoldbackLookAndFeel::createSliderTextBox (juce::Slider& slider)
{
    auto* label = LookAndFeel_V4::createSliderTextBox (slider);
    label->setFont (juce::Font (fontSizes::level, juce::Font::bold));
    return label;
}

juce::Font FoldbackLookAndFeel::getTextButtonFont (juce::TextButton&, int buttonHeight)
{
    return juce::Font (juce::jlimit (fontSizes::small, fontSizes::name, buttonHeight * 0.5f), juce::Font::bold);
}

juce::Font FoldbackLookAndFeel::getLabelFont (juce::Label& label)
{
    return label.getFont();
}

juce::Font FoldbackLookAndFeel::getComboBoxFont (juce::ComboBox& box)
{
    return juce::Font (juce::jmin (fontSizes::body, box.getHeight() * 0.6f));
}

juce::Font FoldbackLookAndFeel::getPopupMenuFont()
{
    return juce::Font (fontSizes::body);
}

juce::Font FoldbackLookAndFeel::getMenuBarFont (juce::MenuBarComponent&, int, const juce::String&)
{
    return juce::Font (fontSizes::body);
}

} // namespace foldback
