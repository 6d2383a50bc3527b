#pragma once

#include "ConsoleModel.h"
#include "SourceColourButton.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One live input on the setup page: its colour, name, mono or stereo, its device
    channel(s), and buttons to move it up or down the list or remove it. Every change is
    one InputEdits.h edit of the document.

    componentID "setupInput:<id>"; its fields ":colour", ":name", ":mode", ":channels",
    ":up", ":down", ":remove". Message thread only. */
class SetupInputRow : public juce::Component
{
public:
    SetupInputRow (ConsoleModel& model, std::string inputId);

    const std::string& getInputId() const noexcept { return inputId; }
    juce::Label& getNameField() noexcept             { return name; }
    juce::ComboBox& getModeChoice() noexcept         { return mode; }
    juce::ComboBox& getChannelChoice() noexcept      { return channels; }
    SourceColourButton& getColourButton() noexcept   { return colour; }
    juce::TextButton& getUpButton() noexcept         { return up; }
    juce::TextButton& getDownButton() noexcept       { return down; }
    juce::TextButton& getRemoveButton() noexcept     { return remove; }

    /** Shows the session's values again (a name being typed is left alone). */
    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void applyChannels (bool stereo, int first);

    ConsoleModel& model;
    const std::string inputId;
    SourceColourButton colour;
    juce::TextButton up, down, remove;
    juce::Label name;
    juce::ComboBox mode, channels;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SetupInputRow)
};

} // namespace foldback
