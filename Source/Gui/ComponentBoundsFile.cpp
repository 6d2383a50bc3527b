#include "ComponentBoundsFile.h"

namespace foldback
{

namespace
{
    constexpr int intervalMs = 200;

    juce::var rectangle (juce::Rectangle<int> r)
    {
        return juce::Array<juce::var> { r.getX(), r.getY(), r.getWidth(), r.getHeight() };
    }

    void collect (juce::Component& component, juce::DynamicObject& into)
    {
        if (! component.isShowing())
            return;
        const auto id = component.getComponentID();
        if (id.isNotEmpty())
            into.setProperty (id, rectangle (component.getScreenBounds()));
        else if (auto* handler = component.getAccessibilityHandler(); handler != nullptr && handler->getRole() == juce::AccessibilityRole::menuItem)
            into.setProperty ("menu:" + handler->getTitle(), rectangle (component.getScreenBounds()));
        for (auto* child : component.getChildren())
            collect (*child, into);
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
    for (int i = 0; i < desktop.getNumComponents(); ++i)
        if (auto* window = desktop.getComponent (i))
            collect (*window, *components);

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
