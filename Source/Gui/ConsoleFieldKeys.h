#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace foldback
{

/** The console's keyboard rules for its text fields (GO TO BAR, the loop bars, the tempo
    map, a typed level), so that a field never keeps the transport's keys:

    - Space plays and stops wherever the keyboard focus is, a field included; only a field
      marked as free text (a name, markAsTextField()) types a space instead.
    - Return (keeping what was typed) and Escape (restoring the old value) leave a field,
      and the keyboard goes back to the console, so the next space reaches the transport.

    How: it follows the desktop's keyboard focus. A text editor inside the console that
    takes the focus gets this as a key listener, which JUCE asks before the editor itself
    (ComponentPeer::handleKeyPress); when the focus is dropped (an editor closed), the
    console takes it back.

    Message thread only. */
class ConsoleFieldKeys : private juce::KeyListener,
                         private juce::FocusChangeListener
{
public:
    /** `consoleKey` is the console's own key handling (MainComponent::keyPressed). */
    ConsoleFieldKeys (juce::Component& console, std::function<bool (const juce::KeyPress&)> consoleKey);
    ~ConsoleFieldKeys() override;

    /** A field where space types a space (a name): the Label, or a TextEditor itself. */
    static void markAsTextField (juce::Component& field);

    /** What a key pressed in a text editor of the console does before the editor sees it;
        true if it was used. The desktop calls it through the focus; public for tests. */
    bool keyPressed (const juce::KeyPress& key, juce::Component* editor) override;

    /** The desktop's focus moved (to nullptr when a focused editor closed). Public for tests. */
    void globalFocusChanged (juce::Component* focusedComponent) override;

private:
    static bool isTextField (const juce::Component& editor);
    void returnFocusToConsoleSoon();

    juce::Component& console;
    std::function<bool (const juce::KeyPress&)> consoleKey;
    juce::Component::SafePointer<juce::Component> listenedTo;

    JUCE_DECLARE_NON_COPYABLE (ConsoleFieldKeys)
};

} // namespace foldback
