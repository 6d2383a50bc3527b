#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** A source's colour (an input's or a backing track's), as a swatch that opens the menu of
    colours (setupControls::sourceColours); a choice is one undoable edit through the
    document (setSourceColour). Used on the Setup page's input rows and the Tracks page.
    componentID: the owner's, set by it. Message thread only. */
class SourceColourButton : public juce::TextButton
{
public:
    SourceColourButton (ConsoleModel& model, std::string sourceId);

    /** What choosing entry `index` of the colour menu does. */
    void applyColourChoice (std::size_t index);

    /** Shows the session's colour for the source. */
    void refreshFromSession();

private:
    void chooseColour();

    ConsoleModel& model;
    const std::string sourceId;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SourceColourButton)
};

} // namespace foldback
