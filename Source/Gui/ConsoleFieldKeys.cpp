#include "ConsoleFieldKeys.h"

namespace foldback
{

namespace
{
    const juce::Identifier textFieldProperty ("foldbackTextField");
}

ConsoleFieldKeys::ConsoleFieldKeys (juce::Component& consoleToServe, std::function<bool (const juce::KeyPress&)> key)
    : console (consoleToServe), consoleKey (std::move (key))
{
    juce::Desktop::getInstance().addFocusChangeListener (this);
}

ConsoleFieldKeys::~ConsoleFieldKeys()
{
    juce::Desktop::getInstance().removeFocusChangeListener (this);
    if (listenedTo != nullptr)
        listenedTo->removeKeyListener (this);
}

void ConsoleFieldKeys::markAsTextField (juce::Component& field)
{
    field.getProperties().set (textFieldProperty, true);
}

bool ConsoleFieldKeys::isTextField (const juce::Component& editor)
{
    // A Label's editor is its child: the mark is on the Label.
    for (const auto* c = &editor; c != nullptr; c = c->getParentComponent())
    {
        if (c->getProperties().contains (textFieldProperty))
            return true;
        if (dynamic_cast<const juce::Label*> (c) != nullptr)
            return false;
    }
    return false;
}

bool ConsoleFieldKeys::keyPressed (const juce::KeyPress& key, juce::Component* editor)
{
    if (editor == nullptr)
        return false;

    if (key == juce::KeyPress (juce::KeyPress::spaceKey) && ! isTextField (*editor))
        return consoleKey != nullptr && consoleKey (key);

    if (key.isKeyCode (juce::KeyPress::returnKey) || key.isKeyCode (juce::KeyPress::escapeKey))
    {
        // A Label's editor commits (Return) or restores (Escape) and closes itself; a bare
        // editor (a link to copy) just gives the keyboard back.
        if (dynamic_cast<juce::Label*> (editor->getParentComponent()) == nullptr)
            returnFocusToConsoleSoon();
        return false;
    }
    return false;
}

void ConsoleFieldKeys::globalFocusChanged (juce::Component* focused)
{
    if (focused == nullptr)
    {
        returnFocusToConsoleSoon();
        return;
    }
    if (dynamic_cast<juce::TextEditor*> (focused) == nullptr || ! console.isParentOf (focused) || focused == listenedTo.getComponent())
        return;

    if (listenedTo != nullptr)
        listenedTo->removeKeyListener (this);
    listenedTo = focused;
    focused->addKeyListener (this);
}

void ConsoleFieldKeys::returnFocusToConsoleSoon()
{
    juce::MessageManager::callAsync ([safeConsole = juce::Component::SafePointer<juce::Component> (&console)]
                                     {
                                         if (safeConsole == nullptr || ! safeConsole->isShowing())
                                             return;
                                         // Not when the focus went on to another field (a click into it).
                                         auto* focused = juce::Component::getCurrentlyFocusedComponent();
                                         if (focused == nullptr
                                             || (safeConsole->isParentOf (focused)
                                                 && dynamic_cast<juce::Label*> (focused->getParentComponent()) == nullptr))
                                             safeConsole->grabKeyboardFocus(); });
}

} // namespace foldback
