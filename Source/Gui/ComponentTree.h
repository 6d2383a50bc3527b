#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** A component and its descendants as JSON, for the end-to-end test and for bug reports:
    each node has "type" (the C++ class), "name", "id" (componentID), "visible" (the
    component's own flag), "showing" (it and all its parents visible), "bounds"
    [x, y, width, height] relative to its parent, and "children". Message thread. */
juce::var describeComponentTree (juce::Component& root);

} // namespace foldback
