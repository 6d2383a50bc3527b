#include "SetupMixRow.h"

#include "ConsoleFieldKeys.h"
#include "FoldbackLookAndFeel.h"
#include "SetupControls.h"
#include "Control/MixEdits.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    constexpr int monoId = 1, stereoId = 2;
    constexpr int fallbackOutputs = 64; // no device open: numbered outputs to choose from
}

SetupMixRow::SetupMixRow (ConsoleModel& modelToEdit, std::string id) : model (modelToEdit), mixId (std::move (id))
{
    setComponentID ("setupMix:" + mixId);
    const auto prefix = getComponentID() + ":";

    name.setComponentID (prefix + "name");
    setupControls::styleField (name);
    name.setTooltip ("Click to rename; Return keeps it, Escape restores");
    ConsoleFieldKeys::markAsTextField (name);
    name.onTextChange = [this]
    {
        if (! setupControls::report (model, renameMix (model.getDocument(), mixId, name.getText().toStdString())))
            refreshFromSession();
    };

    mode.setComponentID (prefix + "mode");
    mode.addItem ("Mono", monoId);
    mode.addItem ("Stereo", stereoId);
    mode.setTooltip ("A mono feed (one output) or a stereo pair");
    mode.onChange = [this] { applyOutputs (mode.getSelectedId() == stereoId, outputs.getSelectedId()); };

    outputs.setComponentID (prefix + "outputs");
    outputs.setTooltip ("The device output(s) this performer's headphones hang on");
    outputs.onChange = [this] { applyOutputs (mode.getSelectedId() == stereoId, outputs.getSelectedId()); };

    ceiling.setComponentID (prefix + "ceiling");
    setupControls::styleField (ceiling, juce::Justification::centredRight);
    ceiling.setTooltip ("The safety limiter's ceiling for these headphones, dBFS: nothing louder reaches them");
    ceiling.onTextChange = [this]
    {
        auto text = ceiling.getText().trim();
        for (const juce::String unit : { "dBFS", "dB" }) // "-3", "-3 dB" and "-3 dBFS" all mean -3
            if (text.endsWithIgnoreCase (unit))
                text = text.dropLastCharacters (unit.length()).trim();
        const bool isNumber = text.containsOnly ("+-.0123456789") && text.containsAnyOf ("0123456789");
        if (! isNumber)
            model.notice ("Not changed: the ceiling is a number of dBFS, such as -1");
        else
            setupControls::report (model, setMixCeiling (model.getDocument(), mixId, text.getDoubleValue()));
        refreshFromSession();
    };

    setupControls::makeRowButtons (model, up, down, remove, prefix, "Move % the list (and the side bar)",
                                   "Remove this mix (undo brings it back)",
                                   [this] (int steps) { return moveMix (model.getDocument(), mixId, steps); },
                                   [this] { return removeMix (model.getDocument(), mixId); });

    for (auto* c : std::initializer_list<juce::Component*> { &name, &mode, &outputs, &ceiling, &up, &down, &remove })
        addAndMakeVisible (c);
    refreshFromSession();
}

void SetupMixRow::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    if (mix == nullptr)
        return;
    if (! name.isBeingEdited())
        name.setText (mix->name.empty() ? juce::String (mix->id) : juce::String (mix->name), juce::dontSendNotification);
    if (! ceiling.isBeingEdited())
        ceiling.setText (juce::String (mix->limiterCeilingDb, 1) + " dB", juce::dontSendNotification);
    const bool stereo = mix->outputs.size() == 2;
    mode.setSelectedId (stereo ? stereoId : monoId, juce::dontSendNotification);
    setupControls::fillChannelChoices (outputs, model.readDeviceChannels().outputs, fallbackOutputs, stereo, mix->outputs);
}

void SetupMixRow::applyOutputs (bool stereo, int first)
{
    const auto wanted = setupControls::channelsFrom (stereo, first);
    const auto* mix = findMix (model.getSession(), mixId);
    if (mix != nullptr && mix->outputs != wanted)
        setupControls::report (model, setMixOutputs (model.getDocument(), mixId, wanted));
    refreshFromSession(); // a rejected choice shows the session's outputs again
}

void SetupMixRow::paint (juce::Graphics& g)
{
    setupControls::paintRowBackground (g, getLocalBounds());
}

void SetupMixRow::resized()
{
    auto area = getLocalBounds().reduced (6, 6);
    const int gap = 6;
    const int button = area.getHeight();
    remove.setBounds (area.removeFromRight (button));
    area.removeFromRight (gap);
    down.setBounds (area.removeFromRight (button));
    area.removeFromRight (2);
    up.setBounds (area.removeFromRight (button));
    area.removeFromRight (gap);
    ceiling.setBounds (area.removeFromRight (76));
    area.removeFromRight (gap);
    const int flexible = area.getWidth() - 84 - 2 * gap;
    name.setBounds (area.removeFromLeft (juce::jmax (110, flexible * 9 / 20)));
    area.removeFromLeft (gap);
    mode.setBounds (area.removeFromLeft (84));
    area.removeFromLeft (gap);
    outputs.setBounds (area);
}

} // namespace foldback
