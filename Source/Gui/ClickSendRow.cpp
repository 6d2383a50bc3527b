#include "ClickSendRow.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "Session/SessionQueries.h"

namespace foldback
{

ClickSendRow::ClickSendRow (ConsoleModel& modelToEdit, std::string mix)
    : model (modelToEdit), mixId (std::move (mix))
{
    setComponentID ("click:" + mixId);

    name.setFont (juce::Font (fontSizes::name, juce::Font::bold));
    name.setColour (juce::Label::textColourId, palette::text);
    addAndMakeVisible (name);

    level.setName ("level");
    level.setNormalisableRange (gainFaderLaw::makeRange());
    level.setDoubleClickReturnValue (true, 0.0);
    level.textFromValueFunction = [] (double db) { return formatGainDb (db); };
    level.valueFromTextFunction = [] (const juce::String& text) { return parseGainDb (text); };
    level.setTextBoxStyle (juce::Slider::TextBoxRight, false, 70, 28);
    level.onValueChange = [this]
    {
        const double value = level.getValue();
        model.editSend (mixId, std::string (clickSourceId), "Set click level",
                        [value] (SendSettings& s) { s.gainDb = value; }, "fader " + mixId + " click");
    };
    addAndMakeVisible (level);

    mute.setName ("mute");
    mute.setColour (juce::TextButton::buttonOnColourId, palette::muteOn);
    mute.onClick = [this]
    {
        const bool next = ! mute.getToggleState();
        model.editSend (mixId, std::string (clickSourceId), next ? "Mute click" : "Unmute click",
                        [next] (SendSettings& s) { s.mute = next; });
    };
    addAndMakeVisible (mute);

    mode.setName ("mode");
    mode.addItem ("click always", 1);
    mode.addItem ("count-in only", 2);
    mode.onChange = [this]
    {
        const auto value = mode.getSelectedId() == 2 ? ClickMode::countInOnly : ClickMode::always;
        model.editMix (mixId, "Set click mode", [value] (CueMix& m) { m.clickMode = value; });
    };
    addAndMakeVisible (mode);

    refreshFromSession();
}

void ClickSendRow::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    if (mix == nullptr)
        return;

    name.setText (mix->name, juce::dontSendNotification);
    const auto send = mix->sends.find (std::string (clickSourceId));
    const bool sent = send != mix->sends.end();
    level.setValue (sent ? send->second.gainDb : sessionLimits::minGainDb, juce::dontSendNotification);
    mute.setToggleState (sent && send->second.mute, juce::dontSendNotification);
    mode.setSelectedId (mix->clickMode == ClickMode::countInOnly ? 2 : 1, juce::dontSendNotification);
}

void ClickSendRow::resized()
{
    auto area = getLocalBounds().reduced (4);
    name.setBounds (area.removeFromLeft (160));
    mode.setBounds (area.removeFromRight (170));
    area.removeFromRight (8);
    mute.setBounds (area.removeFromRight (40));
    area.removeFromRight (8);
    level.setBounds (area);
}

} // namespace foldback
