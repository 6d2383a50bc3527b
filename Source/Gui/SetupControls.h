#pragma once

#include "ConsoleModel.h"
#include "Control/StructureEdit.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <string>
#include <vector>

namespace foldback
{

/** What the setup page's rows (SetupPanel, SetupInputRow, SetupMixRow) share: how their
    fields look and how a device channel choice is listed. Message thread only. */
namespace setupControls
{
    constexpr int rowHeight = 46;

    /** A field edited in place: one click opens it, Return keeps what was typed, Escape
        restores, leaving the field keeps it (as a Label does). */
    void styleField (juce::Label& field, juce::Justification justification = juce::Justification::centredLeft);

    /** A small bold caption above or beside a field. */
    void styleCaption (juce::Label& caption, const juce::String& text);

    /** A square button with a one-character symbol (up, down, remove). */
    void styleSymbolButton (juce::TextButton& button, const juce::String& symbol, const juce::String& tooltip);

    /** The up, down and remove buttons a Setup row ends with (▲ ▼ ×): styled, given the
        componentIDs `prefix` + "up", "down", "remove", and wired to `move` (by -1 or +1
        places) and `removeIt`, each an edit whose refusal is reported. */
    void makeRowButtons (ConsoleModel& model, juce::TextButton& up, juce::TextButton& down, juce::TextButton& remove,
                         const juce::String& prefix, const juce::String& moveTip, const juce::String& removeTip,
                         std::function<StructureEdit (int steps)> move, std::function<StructureEdit()> removeIt);

    /** The channels (or outputs) a row's choice means: `first` alone, or `first` and the
        next for a stereo pair; below 1 reads as 1. */
    std::vector<int> channelsFrom (bool stereo, int first);

    /** A Setup row's background: a rounded panel. */
    void paintRowBackground (juce::Graphics& g, juce::Rectangle<int> bounds);

    /** Says a rejected edit's reasons in the status bar; true if the edit was done. */
    bool report (ConsoleModel& model, const StructureEdit& edit);

    /** The channels the combo box offers, as the device names them: channel N is item id N
        ("3  Input 3"); for `stereo` a pair N, N+1 is item id N ("3+4  Input 3 / Input 4").
        Without names (no device open) channels are numbered up to `fallbackCount`.
        `current` (the channels chosen now) is always offered, marked when the device lacks it. */
    void fillChannelChoices (juce::ComboBox& box, const std::vector<std::string>& names, int fallbackCount,
                             bool stereo, const std::vector<int>& current);

    /** The colours offered for a source: a name and "#rrggbb" each; the first is the default (""). */
    struct SourceColour
    {
        const char* name;
        const char* hex;
    };
    const std::vector<SourceColour>& sourceColours();

    /** The colour a source is drawn with: its own, or the console's default. */
    juce::Colour colourOf (const std::string& hex);
}

} // namespace foldback
