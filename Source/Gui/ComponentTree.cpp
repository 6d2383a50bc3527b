#include "ComponentTree.h"

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace foldback
{

namespace
{
    juce::String typeNameOf (const juce::Component& component)
    {
        const char* mangled = typeid (component).name();
        int status = 0;
        std::unique_ptr<char, decltype (&std::free)> demangled (abi::__cxa_demangle (mangled, nullptr, nullptr, &status), &std::free);
        return status == 0 && demangled != nullptr ? juce::String (demangled.get()) : juce::String (mangled);
    }
}

juce::var describeComponentTree (juce::Component& root)
{
    auto* node = new juce::DynamicObject();
    node->setProperty ("type", typeNameOf (root));
    node->setProperty ("name", root.getName());
    node->setProperty ("id", root.getComponentID());
    node->setProperty ("visible", root.isVisible());
    node->setProperty ("showing", root.isShowing());

    const auto bounds = root.getBounds();
    node->setProperty ("bounds", juce::Array<juce::var> { bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight() });

    juce::Array<juce::var> children;
    for (auto* child : root.getChildren())
        children.add (describeComponentTree (*child));
    node->setProperty ("children", children);
    return juce::var (node);
}

} // namespace foldback
