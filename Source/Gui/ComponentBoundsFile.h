#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** For end-to-end tests that drive the real window with injected mouse and key events
    (xdotool): keeps a JSON file saying where things are on the screen, so a test can
    click a named component instead of guessing pixels.

    While it lives, every 200 ms it looks at every window on the desktop and, when anything
    moved, appeared or went, rewrites `file` (atomically: written beside it, then renamed):
      { "components": { "<componentID>": [x, y, width, height], ... },
        "focused": "<componentID of the focused component or its nearest parent with one>",
        "editing": true while a text field has the keyboard }
    with screen coordinates of every showing component that has a componentID, of each
    popup menu item as "menu:<item text>", and, for dialogs, which have no componentIDs, of
    each other button with text as "button:<text>" and each other text field as
    "editor:<window title>:<n>" (n counting from 0 within that window). The console makes one only when the
    environment names a file in FOLDBACK_COMPONENT_BOUNDS (docs/gui.md); it is not a
    feature for engineers. Message thread only. */
class ComponentBoundsFile : private juce::Timer
{
public:
    explicit ComponentBoundsFile (juce::File file);
    ~ComponentBoundsFile() override;

    /** The name of the environment variable that asks for one. */
    static constexpr const char* environmentVariable = "FOLDBACK_COMPONENT_BOUNDS";

    /** Writes now if anything changed (and from then on every 200 ms). */
    void update();

private:
    void timerCallback() override { update(); }

    juce::File file;
    juce::String written;
};

} // namespace foldback
