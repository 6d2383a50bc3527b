#include "MatrixCell.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "Session/SessionQueries.h"

namespace foldback
{

MatrixCell::MatrixCell (ConsoleModel& modelToEdit, std::string mix, std::string source)
    : model (modelToEdit), mixId (std::move (mix)), sourceId (std::move (source))
{
    setComponentID ("cell:" + mixId + ":" + sourceId);

    level.setName ("level");
    level.setNormalisableRange (gainFaderLaw::makeRange());
    level.setDoubleClickReturnValue (true, 0.0);
    level.setTextBoxIsEditable (false);
    level.setSliderSnapsToMousePosition (false);
    level.textFromValueFunction = [] (double db) { return formatGainDb (db); };
    level.valueFromTextFunction = [] (const juce::String& text) { return parseGainDb (text); };
    level.setColour (juce::Slider::textBoxTextColourId, palette::text);
    level.onValueChange = [this]
    {
        const double value = level.getValue();
        model.editSend (mixId, sourceId, "Set " + model.sourceName (sourceId).toStdString() + " level",
                        [value] (SendSettings& s) { s.gainDb = value; }, "fader " + mixId + " " + sourceId);
    };
    addAndMakeVisible (level);

    mute.setName ("mute");
    mute.setColour (juce::TextButton::buttonOnColourId, palette::muteOn);
    mute.onClick = [this]
    {
        const bool next = ! mute.getToggleState();
        model.editSend (mixId, sourceId, (next ? "Mute " : "Unmute ") + model.sourceName (sourceId).toStdString(),
                        [next] (SendSettings& s) { s.mute = next; });
    };
    addAndMakeVisible (mute);

    refreshFromSession();
}

void MatrixCell::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    const auto* send = findSend (model.getSession(), mixId, sourceId);

    sent = send != nullptr;
    const double db = sent ? send->gainDb : sessionLimits::minGainDb;
    const bool muted = sent && send->mute;
    level.setValue (db, juce::dontSendNotification);
    level.updateText();
    mute.setToggleState (muted, juce::dontSendNotification);

    // Muted: a dark bar with the level in amber, readable and unmistakable at a glance.
    level.setColour (juce::Slider::trackColourId, muted ? palette::muteOn.withAlpha (0.18f) : palette::accent.withAlpha (0.55f));
    level.setColour (juce::Slider::textBoxTextColourId, muted ? palette::muteOn : sent ? palette::text : palette::dimText);
    setTooltip (model.sourceName (sourceId) + " in " + (mix != nullptr ? juce::String (mix->name) : juce::String())
                + (sent ? juce::String() : juce::String (": not sent")));
    repaint();
}

void MatrixCell::paint (juce::Graphics& g)
{
    g.setColour (palette::panel);
    g.fillRect (getLocalBounds().reduced (1));
}

void MatrixCell::resized()
{
    auto area = getLocalBounds().reduced (4);
    mute.setBounds (area.removeFromRight (34));
    area.removeFromRight (4);
    level.setBounds (area);
}

} // namespace foldback
