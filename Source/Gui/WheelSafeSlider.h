#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** A slider (fader, knob, level bar) that the mouse wheel cannot move by accident.

    Over a control that has not been clicked, the wheel goes to the enclosing view, which
    scrolls: a wheel gesture over a page of faders mid-take scrolls the page and changes
    nothing. Once the control is clicked (pressed), the wheel fine-tunes it, until the
    pointer leaves it; the next wheel over it scrolls again. Every change the wheel makes
    goes through onValueChange like a drag, so it is an edit like any other.

    Message thread only. */
class WheelSafeSlider : public juce::Slider
{
public:
    using juce::Slider::Slider;

    /** True between a click on this control and the pointer leaving it. */
    bool isWheelArmed() const noexcept { return wheelArmed; }

    void mouseDown (const juce::MouseEvent& e) override
    {
        wheelArmed = true;
        juce::Slider::mouseDown (e);
    }

    void mouseExit (const juce::MouseEvent& e) override
    {
        // The slider listens to its own text box too: leaving the box for the slider is not leaving.
        if (! getLocalBounds().contains (e.getEventRelativeTo (this).getPosition()))
            wheelArmed = false;
        juce::Slider::mouseExit (e);
    }

    void mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel) override
    {
        if (wheelArmed)
            juce::Slider::mouseWheelMove (e, wheel);
        else
            juce::Component::mouseWheelMove (e, wheel); // to the parent: the view scrolls
    }

private:
    bool wheelArmed = false;
};

} // namespace foldback
