#include "RemoteMixCard.h"

#include "FoldbackLookAndFeel.h"
#include "Remote/RemoteControl.h"
#include "Session/SessionLimits.h"
#include "Session/SessionQueries.h"

#include <algorithm>

namespace foldback
{

namespace
{
    juce::String signedDb (double db)
    {
        return (db > 0.0 ? "+" : "") + juce::String (db, 1) + " dB";
    }
}

RemoteMixCard::RemoteMixCard (ConsoleModel& modelToEdit, RemoteControl* remoteControl, std::string mix)
    : model (modelToEdit), remotes (remoteControl), mixId (std::move (mix))
{
    setComponentID ("remoteMix:" + mixId);

    name.setFont (juce::Font (fontSizes::name, juce::Font::bold));
    name.setColour (juce::Label::textColourId, palette::text);
    layer.setFont (juce::Font (fontSizes::body));
    layer.setColour (juce::Label::textColourId, palette::dimText);
    layer.setJustificationType (juce::Justification::topLeft);

    link.setReadOnly (true);
    link.setCaretVisible (false);
    link.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), fontSizes::body, juce::Font::plain));
    link.setColour (juce::TextEditor::backgroundColourId, palette::background);
    link.setColour (juce::TextEditor::textColourId, palette::accent);
    link.setColour (juce::TextEditor::outlineColourId, palette::outline);

    for (std::size_t i = 0; i < allowButtons.size(); ++i)
    {
        const auto control = std::string (sessionLimits::remoteControls[i]);
        auto button = std::make_unique<juce::ToggleButton> (juce::String (control).toUpperCase());
        button->setComponentID ("allow:" + mixId + ":" + control);
        button->setTooltip ("Let this performer change " + juce::String (control) + " from their remote");
        button->onClick = [this, control, raw = button.get()]
        {
            const bool allowed = raw->getToggleState();
            model.editMix (mixId, (allowed ? "Allow remote " : "Forbid remote ") + control, [control, allowed] (CueMix& m)
            {
                std::erase (m.remote.allow, control);
                if (allowed)
                    m.remote.allow.push_back (control);
            });
        };
        addAndMakeVisible (*button);
        allowButtons[i] = std::move (button);
    }

    resetButton.setTooltip ("Clear this performer's own changes: they hear your mix as you set it");
    resetButton.onClick = [this] { model.editMix (mixId, "Reset performer layer", [] (CueMix& m) { m.performer = {}; }); };

    for (auto* c : std::initializer_list<juce::Component*> { &name, &layer, &link, &qrCode, &resetButton })
        addAndMakeVisible (c);
    refresh();
}

void RemoteMixCard::refresh()
{
    const auto& session = model.getSession();
    const auto* mix = findMix (session, mixId);
    if (mix == nullptr)
        return;

    name.setText (mix->name.empty() ? mixId : mix->name, juce::dontSendNotification);
    const auto url = remotes != nullptr && session.remote.enabled ? remotes->performerLink (mixId) : std::string();
    link.setText (url.empty() ? juce::String ("(turn remote control on for a link)") : juce::String (url), false);
    qrCode.setText (url);

    for (std::size_t i = 0; i < allowButtons.size(); ++i)
    {
        const auto control = std::string (sessionLimits::remoteControls[i]);
        const bool allowed = std::find (mix->remote.allow.begin(), mix->remote.allow.end(), control) != mix->remote.allow.end();
        allowButtons[i]->setToggleState (allowed, juce::dontSendNotification);
    }

    juce::StringArray offsets;
    if (mix->performer.masterOffsetDb != 0.0)
        offsets.add ("master " + signedDb (mix->performer.masterOffsetDb));
    for (const auto& [sourceId, offset] : mix->performer.sends)
    {
        juce::String text = model.sourceName (sourceId);
        if (offset.gainOffsetDb != 0.0) text << " " << signedDb (offset.gainOffsetDb);
        if (offset.panOffset != 0.0)    text << " pan " << (offset.panOffset > 0 ? "+" : "") << juce::String (offset.panOffset, 2);
        if (offset.mute)                text << " muted";
        offsets.add (text);
    }
    layer.setText (offsets.isEmpty() ? juce::String ("Performer's changes: none")
                                     : "Performer's changes: " + offsets.joinIntoString (",  "),
                   juce::dontSendNotification);
    resetButton.setEnabled (! offsets.isEmpty());
}

void RemoteMixCard::paint (juce::Graphics& g)
{
    g.setColour (palette::panel);
    g.fillRoundedRectangle (getLocalBounds().toFloat().reduced (1.0f), 6.0f);
}

void RemoteMixCard::resized()
{
    auto area = getLocalBounds().reduced (12);
    qrCode.setBounds (area.removeFromRight (area.getHeight()));
    area.removeFromRight (12);
    name.setBounds (area.removeFromTop (30));
    link.setBounds (area.removeFromTop (32));
    area.removeFromTop (8);
    auto toggles = area.removeFromTop (32);
    for (auto& button : allowButtons)
        button->setBounds (toggles.removeFromLeft (110));
    area.removeFromTop (8);
    resetButton.setBounds (area.removeFromBottom (36).removeFromLeft (240));
    layer.setBounds (area);
}

} // namespace foldback
