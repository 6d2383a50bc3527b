#include "ComponentBoundsFile.h"

#include <map>

namespace foldback
{

namespace
{
    constexpr int intervalMs = 200;

    juce::var rectangle (juce::Rectangle<int> r)
    {
        return juce::Array<juce::var> { r.getX(), r.getY(), r.getWidth(), r.getHeight() };
    }

    /** Dialogs (JUCE's AlertWindow, its file chooser) carry no componentIDs: their buttons
        are named by their text, "button:Create", and their text fields by the dialog's
        title and order, "editor:New session:0". */
    struct DialogNames
    {
        std::map<juce::String, int> editorsSeen;   // per dialog title
    };

    void collect (juce::Component& component, juce::DynamicObject& into, DialogNames& dialogs)
    {
        if (! component.isShowing())
            return;
        const auto id = component.getComponentID();
        if (id.isNotEmpty())
            into.setProperty (id, rectangle (component.getScreenBounds()));
        else if (auto* handler = component.getAccessibilityHandler(); handler != nullptr && handler->getRole() == juce::AccessibilityRole::menuItem)
            into.setProperty ("menu:" + handler->getTitle(), rectangle (component.getScreenBounds()));
        else if (auto* button = dynamic_cast<juce::Button*> (&component); button != nullptr && button->getButtonText().isNotEmpty())
            into.setProperty ("button:" + button->getButtonText(), rectangle (component.getScreenBounds()));
        else if (dynamic_cast<juce::TextEditor*> (&component) != nullptr)
        {
            const auto dialog = component.getTopLevelComponent()->getName();
            into.setProperty ("editor:" + dialog + ":" + juce::String (dialogs.editorsSeen[dialog]++),
                              rectangle (component.getScreenBounds()));
        }
        for (auto* child : component.getChildren())
            collect (*child, into, dialogs);
    }

    juce::String idAround (juce::Component* component)
    {
        for (auto* c = component; c != nullptr; c = c->getParentComponent())
            if (c->getComponentID().isNotEmpty())
                return c->getComponentID();
        return {};
    }
}

ComponentBoundsFile::ComponentBoundsFile (juce::File fileToWrite) : file (std::move (fileToWrite))
{
    startTimer (intervalMs);
}

ComponentBoundsFile::~ComponentBoundsFile()
{
    stopTimer();
}

void ComponentBoundsFile::update()
{
    auto components = std::make_unique<juce::DynamicObject>();
    auto& desktop = juce::Desktop::getInstance();
    DialogNames dialogs;
    for (int i = 0; i < desktop.getNumComponents(); ++i)
        if (auto* window = desktop.getComponent (i))
            collect (*window, *components, dialogs);

    auto* focused = juce::Component::getCurrentlyFocusedComponent();
    auto root = std::make_unique<juce::DynamicObject>();
    root->setProperty ("components", juce::var (components.release()));
    root->setProperty ("focused", idAround (focused));
    root->setProperty ("editing", dynamic_cast<juce::TextEditor*> (focused) != nullptr);

    const auto text = juce::JSON::toString (juce::var (root.release()));
    if (text == written)
        return;
    const auto temporary = file.getSiblingFile (file.getFileName() + ".tmp");
    if (temporary.replaceWithText (text) && temporary.moveFileTo (file))
        written = text;
}

} // namespace foldback
