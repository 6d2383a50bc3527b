#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** The engineer's solo at a glance, at the top of the side bar: dark "NO SOLO" while
    nothing is soloed; lit "CLEAR n SOLO" while any source is soloed on the LISTEN outputs (one click
    clears them all); and PFL / AFL, the solo's point (before or after the mix's send).

    Solo never changes what a performer hears (ConsoleModel::setSolo). componentID "solo";
    buttons "clearSolo" and "soloMode". Message thread only. */
class SoloPanel : public juce::Component,
                  private ConsoleModel::Listener
{
public:
    explicit SoloPanel (ConsoleModel& model);
    ~SoloPanel() override;

    juce::TextButton& getClearButton() noexcept { return clear; }
    juce::TextButton& getModeButton() noexcept { return mode; }

    void refresh();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override { refresh(); }

    ConsoleModel& model;
    juce::TextButton clear{ "SOLO" }, mode{ "PFL" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SoloPanel)
};

} // namespace foldback
