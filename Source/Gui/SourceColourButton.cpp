#include "SourceColourButton.h"

#include "SetupControls.h"
#include "Control/InputEdits.h"
#include "Session/SessionQueries.h"

namespace foldback
{

SourceColourButton::SourceColourButton (ConsoleModel& modelToEdit, std::string id) : model (modelToEdit), sourceId (std::move (id))
{
    setTooltip ("The colour this source is marked with on its strips");
    setWantsKeyboardFocus (false);
    onClick = [this] { chooseColour(); };
    refreshFromSession();
}

void SourceColourButton::refreshFromSession()
{
    std::string hex;
    if (const auto* input = findInput (model.getSession(), sourceId))
        hex = input->colour;
    else if (const auto* track = findTrack (model.getSession(), sourceId))
        hex = track->colour;
    setColour (juce::TextButton::buttonColourId, setupControls::colourOf (hex));
}

void SourceColourButton::chooseColour()
{
    juce::PopupMenu menu;
    const auto& colours = setupControls::sourceColours();
    for (std::size_t i = 0; i < colours.size(); ++i)
        menu.addColouredItem (static_cast<int> (i) + 1, colours[i].name, setupControls::colourOf (colours[i].hex));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (this),
                        [safeThis = juce::Component::SafePointer<SourceColourButton> (this)] (int choice)
                        {
                            if (safeThis != nullptr && choice >= 1)
                                safeThis->applyColourChoice (static_cast<std::size_t> (choice - 1));
                        });
}

void SourceColourButton::applyColourChoice (std::size_t index)
{
    const auto& colours = setupControls::sourceColours();
    if (index < colours.size())
        setupControls::report (model, setSourceColour (model.getDocument(), sourceId, colours[index].hex));
}

} // namespace foldback
