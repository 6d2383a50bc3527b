#include "SetupInputRow.h"

#include "ConsoleFieldKeys.h"
#include "FoldbackLookAndFeel.h"
#include "SetupControls.h"
#include "Control/InputEdits.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    constexpr int monoId = 1, stereoId = 2;
    constexpr int fallbackChannels = 64; // no device open: numbered channels to choose from
}

SetupInputRow::SetupInputRow (ConsoleModel& modelToEdit, std::string id)
    : model (modelToEdit), inputId (std::move (id)), colour (modelToEdit, inputId)
{
    setComponentID ("setupInput:" + inputId);
    const auto prefix = getComponentID() + ":";

    colour.setComponentID (prefix + "colour");

    name.setComponentID (prefix + "name");
    setupControls::styleField (name);
    name.setTooltip ("Click to rename; Return keeps it, Escape restores");
    ConsoleFieldKeys::markAsTextField (name); // space types a space here
    name.onTextChange = [this]
    {
        if (! setupControls::report (model, renameInput (model.getDocument(), inputId, name.getText().toStdString())))
            refreshFromSession();
    };

    mode.setComponentID (prefix + "mode");
    mode.addItem ("Mono", monoId);
    mode.addItem ("Stereo", stereoId);
    mode.setTooltip ("One device channel, or a stereo pair");
    mode.onChange = [this] { applyChannels (mode.getSelectedId() == stereoId, channels.getSelectedId()); };

    channels.setComponentID (prefix + "channels");
    channels.setTooltip ("The device input channel(s) this input takes");
    channels.onChange = [this] { applyChannels (mode.getSelectedId() == stereoId, channels.getSelectedId()); };

    setupControls::makeRowButtons (model, up, down, remove, prefix, "Move % the list", "Remove this input (undo brings it back)",
                                   [this] (int steps) { return moveInput (model.getDocument(), inputId, steps); },
                                   [this] { return removeInput (model.getDocument(), inputId); });

    for (auto* c : std::initializer_list<juce::Component*> { &colour, &name, &mode, &channels, &up, &down, &remove })
        addAndMakeVisible (c);
    refreshFromSession();
}

void SetupInputRow::refreshFromSession()
{
    const auto* input = findInput (model.getSession(), inputId);
    if (input == nullptr)
        return;
    if (! name.isBeingEdited())
        name.setText (input->name.empty() ? juce::String (input->id) : juce::String (input->name), juce::dontSendNotification);
    const bool stereo = input->channels.size() == 2;
    mode.setSelectedId (stereo ? stereoId : monoId, juce::dontSendNotification);
    setupControls::fillChannelChoices (channels, model.readDeviceChannels().inputs, fallbackChannels, stereo, input->channels);
    colour.refreshFromSession();
    repaint();
}

void SetupInputRow::applyChannels (bool stereo, int first)
{
    const auto wanted = setupControls::channelsFrom (stereo, first);
    const auto* input = findInput (model.getSession(), inputId);
    if (input != nullptr && input->channels != wanted)
        setupControls::report (model, setInputChannels (model.getDocument(), inputId, wanted));
    refreshFromSession(); // a rejected choice shows the session's channels again
}

void SetupInputRow::paint (juce::Graphics& g)
{
    setupControls::paintRowBackground (g, getLocalBounds());
}

void SetupInputRow::resized()
{
    auto area = getLocalBounds().reduced (6, 6);
    const int gap = 6;
    const int button = area.getHeight();
    colour.setBounds (area.removeFromLeft (button - 10).reduced (0, 4));
    area.removeFromLeft (gap);
    remove.setBounds (area.removeFromRight (button));
    area.removeFromRight (gap);
    down.setBounds (area.removeFromRight (button));
    area.removeFromRight (2);
    up.setBounds (area.removeFromRight (button));
    area.removeFromRight (gap);
    const int flexible = area.getWidth() - 84 - 2 * gap;
    name.setBounds (area.removeFromLeft (juce::jmax (100, flexible * 9 / 20)));
    area.removeFromLeft (gap);
    mode.setBounds (area.removeFromLeft (84));
    area.removeFromLeft (gap);
    channels.setBounds (area);
}

} // namespace foldback
