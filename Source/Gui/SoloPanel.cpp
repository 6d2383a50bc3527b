#include "SoloPanel.h"

#include "FoldbackLookAndFeel.h"

namespace foldback
{

SoloPanel::SoloPanel (ConsoleModel& modelToShow) : model (modelToShow)
{
    setComponentID ("solo");
    setOpaque (true);

    clear.setName ("clearSolo");
    clear.setColour (juce::TextButton::buttonOnColourId, palette::soloOn);
    clear.setColour (juce::TextButton::textColourOnId, juce::Colours::black);
    clear.onClick = [this]
    { model.clearSolo(); };
    addAndMakeVisible (clear);

    mode.setName ("soloMode");
    mode.onClick = [this]
    {
        const bool afl = model.getSolo().mode == ListenSolo::Mode::afl;
        model.setSoloMode (afl ? ListenSolo::Mode::pfl : ListenSolo::Mode::afl);
    };
    addAndMakeVisible (mode);

    refresh();
    model.addListener (this);
}

SoloPanel::~SoloPanel()
{
    model.removeListener (this);
}

void SoloPanel::refresh()
{
    const auto& solo = model.getSolo();
    const auto count = static_cast<int> (solo.soloed.size());
    const bool active = count > 0;
    const bool canHear = ! model.getSession().monitor.outputs.empty();

    clear.setButtonText (active ? "CLEAR " + juce::String (count) + " SOLO" : "NO SOLO");
    clear.setToggleState (active, juce::dontSendNotification);
    clear.setEnabled (active);
    clear.setTooltip (! canHear    ? "Solo plays on your LISTEN outputs: choose them on the DEVICES page"
                          : active ? "Your LISTEN outputs play the soloed sources. Click to clear every solo"
                                   : "No solo. S on a strip solos that source on your LISTEN outputs; no performer hears it");

    const bool afl = solo.mode == ListenSolo::Mode::afl;
    mode.setButtonText (afl ? "AFL" : "PFL");
    mode.setTooltip (afl ? "After-fader listen: a soloed source as the mix you soloed it on sends it (click for PFL)"
                         : "Pre-fader listen: a soloed source at its own level (click for AFL)");
    repaint();
}

void SoloPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::panel);
    if (clear.getToggleState())
    {
        g.setColour (palette::soloOn);
        g.drawRect (getLocalBounds().reduced (2), 2);
    }
}

void SoloPanel::resized()
{
    auto area = getLocalBounds().reduced (4);
    mode.setBounds (area.removeFromRight (50).reduced (2, 4));
    clear.setBounds (area.reduced (2, 0));
}

} // namespace foldback
