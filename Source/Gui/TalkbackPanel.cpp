#include "TalkbackPanel.h"

#include "FoldbackLookAndFeel.h"
#include "Session/SessionLimits.h"
#include "Session/SessionQueries.h"

namespace foldback
{

TalkbackPanel::TalkbackPanel (ConsoleModel& modelToDrive) : model (modelToDrive)
{
    setComponentID ("talkback");

    talk.setName ("talk");
    talk.setColour (juce::TextButton::buttonOnColourId, palette::talk);
    talk.setTriggeredOnMouseDown (true);
    talk.onStateChange = [this]
    {
        // Momentary: the mouse going up releases; a latched press waits for the next one.
        const bool down = talk.isDown();
        if (down && ! pressed)
            press();
        else if (! down && pressed)
            release();
    };
    addAndMakeVisible (talk);

    latch.setName ("latch");
    latch.setClickingTogglesState (true);
    latch.setColour (juce::TextButton::buttonOnColourId, palette::accent);
    latch.setTooltip ("Latch: each press of TALK switches talkback on or off");
    latch.onClick = [this]
    {
        if (! latch.getToggleState() && talking && ! pressed)
            setTalking (false);
    };
    addAndMakeVisible (latch);

    dimTitle.setText ("DIM", juce::dontSendNotification);
    dimTitle.setFont (juce::Font (fontSizes::small, juce::Font::bold));
    dimTitle.setColour (juce::Label::textColourId, palette::dimText);
    addAndMakeVisible (dimTitle);

    dim.setName ("dim");
    dim.setRange (-60.0, sessionLimits::maxDimDb, 1.0);
    dim.setTextValueSuffix (" dB");
    dim.setTextBoxStyle (juce::Slider::TextBoxRight, false, 78, 24);
    dim.setTooltip ("How far the programme drops in the mixes that hear talkback, while it is on");
    dim.onValueChange = [this]
    {
        const double value = dim.getValue();
        model.edit ("Set talkback dim", [value] (Session& s) { s.talkback.dimDb = value; }, "talkback dim");
    };
    addAndMakeVisible (dim);

    sessionChanged();
    model.addListener (this);
    startTimerHz (30);
}

TalkbackPanel::~TalkbackPanel()
{
    model.removeListener (this);
    if (talking)
        model.getPlayer().setTalkback (false); // never leave the performers dimmed by a closed window
}

void TalkbackPanel::press()
{
    if (! hasTalkback (model.getSession()))
        return;
    pressed = true;
    setTalking (latch.getToggleState() ? ! talking : true);
}

void TalkbackPanel::release()
{
    pressed = false;
    if (! latch.getToggleState())
        setTalking (false);
}

void TalkbackPanel::setTalking (bool shouldTalk)
{
    if (talking == shouldTalk)
        return;
    talking = shouldTalk;
    model.getPlayer().setTalkback (talking);
    timerCallback();
}

void TalkbackPanel::sessionChanged()
{
    const auto& session = model.getSession();
    const bool available = hasTalkback (session);
    talk.setEnabled (available);
    latch.setEnabled (available);
    dim.setEnabled (available);
    talk.setTooltip (available ? "Talk to the performers: hold, or press T; with LATCH, press to switch"
                               : "This session has no talkback mic (talkback.channels is empty)");
    if (! available && talking)
        setTalking (false);

    // Dims below -60 dB are as good as off: show them at the end of the travel.
    dim.setValue (juce::jmax (-60.0, session.talkback.dimDb), juce::dontSendNotification);
}

void TalkbackPanel::timerCallback()
{
    const bool live = model.getEngine().readTalkbackForDisplay();
    talk.setToggleState (live || talking, juce::dontSendNotification);
}

void TalkbackPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::panel);
}

void TalkbackPanel::resized()
{
    auto area = getLocalBounds().reduced (6, 8);
    talk.setBounds (area.removeFromLeft (110).reduced (2, 0));
    latch.setBounds (area.removeFromLeft (80).reduced (4, 6));
    area.removeFromLeft (6);
    dimTitle.setBounds (area.removeFromTop (16));
    dim.setBounds (area);
}

} // namespace foldback
