#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One performer's mix on the setup page: its name, mono or stereo, its device
    output(s), its safety limiter ceiling, and buttons to move it or remove it. Every
    change is one MixEdits.h edit of the document.

    componentID "setupMix:<id>"; its fields ":name", ":mode", ":outputs", ":ceiling",
    ":up", ":down", ":remove". Message thread only. */
class SetupMixRow : public juce::Component
{
public:
    SetupMixRow (ConsoleModel& model, std::string mixId);

    const std::string& getMixId() const noexcept { return mixId; }
    juce::Label& getNameField() noexcept         { return name; }
    juce::Label& getCeilingField() noexcept      { return ceiling; }
    juce::ComboBox& getModeChoice() noexcept     { return mode; }
    juce::ComboBox& getOutputChoice() noexcept   { return outputs; }
    juce::TextButton& getUpButton() noexcept     { return up; }
    juce::TextButton& getDownButton() noexcept   { return down; }
    juce::TextButton& getRemoveButton() noexcept { return remove; }

    /** Shows the session's values again (a field being typed in is left alone). */
    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void applyOutputs (bool stereo, int first);

    ConsoleModel& model;
    const std::string mixId;
    juce::Label name, ceiling;
    juce::ComboBox mode, outputs;
    juce::TextButton up, down, remove;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SetupMixRow)
};

} // namespace foldback
