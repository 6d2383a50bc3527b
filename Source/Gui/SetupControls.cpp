#include "SetupControls.h"

#include <algorithm>

#include "FoldbackLookAndFeel.h"

namespace foldback::setupControls
{

void styleField (juce::Label& field, juce::Justification justification)
{
    field.setEditable (true, false, false);
    field.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    field.setJustificationType (justification);
    field.setColour (juce::Label::textColourId, palette::text);
    field.setColour (juce::Label::backgroundColourId, palette::background);
    field.setColour (juce::Label::outlineColourId, palette::outline);
    field.setColour (juce::Label::textWhenEditingColourId, palette::text);
    field.setColour (juce::TextEditor::backgroundColourId, palette::background);
    field.setColour (juce::TextEditor::textColourId, palette::text);
    field.setColour (juce::TextEditor::highlightColourId, palette::accent.withAlpha (0.4f));
    field.setColour (juce::TextEditor::focusedOutlineColourId, palette::accent);
    field.setMinimumHorizontalScale (0.7f);
}

void styleCaption (juce::Label& caption, const juce::String& text)
{
    caption.setText (text, juce::dontSendNotification);
    caption.setFont (juce::Font (fontSizes::small, juce::Font::bold));
    caption.setColour (juce::Label::textColourId, palette::dimText);
}

void styleSymbolButton (juce::TextButton& button, const juce::String& symbol, const juce::String& tooltip)
{
    button.setButtonText (symbol);
    button.setTooltip (tooltip);
    button.setWantsKeyboardFocus (false);
}

void makeRowButtons (ConsoleModel& model, juce::TextButton& up, juce::TextButton& down, juce::TextButton& remove,
                     const juce::String& prefix, const juce::String& moveTip, const juce::String& removeTip,
                     std::function<StructureEdit (int steps)> move, std::function<StructureEdit()> removeIt)
{
    styleSymbolButton (up, juce::String::fromUTF8 ("\xe2\x96\xb2"), moveTip.replace ("%", "up"));
    styleSymbolButton (down, juce::String::fromUTF8 ("\xe2\x96\xbc"), moveTip.replace ("%", "down"));
    styleSymbolButton (remove, juce::String::fromUTF8 ("\xc3\x97"), removeTip);
    up.setComponentID (prefix + "up");
    down.setComponentID (prefix + "down");
    remove.setComponentID (prefix + "remove");
    up.onClick = [&model, move] { report (model, move (-1)); };
    down.onClick = [&model, move] { report (model, move (+1)); };
    remove.onClick = [&model, removeIt = std::move (removeIt)] { report (model, removeIt()); };
}

std::vector<int> channelsFrom (bool stereo, int first)
{
    first = std::max (first, 1);
    return stereo ? std::vector<int> { first, first + 1 } : std::vector<int> { first };
}

void paintRowBackground (juce::Graphics& g, juce::Rectangle<int> bounds)
{
    g.setColour (palette::panel);
    g.fillRoundedRectangle (bounds.toFloat().reduced (0.0f, 2.0f), 4.0f);
}

bool report (ConsoleModel& model, const StructureEdit& edit)
{
    if (! edit.ok())
        model.notice ("Not changed: " + juce::String (edit.describe()).replace ("\n", "; "));
    return edit.ok();
}

namespace
{
    /** "Output 1 / Output 2" as "Output 1/2" (and "system:playback_1/2"): a pair's names
        usually differ only in their number, and the row has little room. */
    juce::String pairName (const juce::String& left, const juce::String& right)
    {
        const auto stem = [] (const juce::String& name) { return name.trimCharactersAtEnd ("0123456789"); };
        if (stem (left) == stem (right) && stem (left).length() < left.length() && stem (right).length() < right.length())
            return left + "/" + right.substring (stem (right).length());
        return left + " / " + right;
    }
}

void fillChannelChoices (juce::ComboBox& box, const std::vector<std::string>& names, int fallbackCount, bool stereo,
                         const std::vector<int>& current)
{
    box.clear (juce::dontSendNotification);
    const int count = names.empty() ? fallbackCount : static_cast<int> (names.size());
    const auto nameOf = [&names] (int channel)
    {
        if (channel >= 1 && channel <= static_cast<int> (names.size()))
            return juce::String (names[static_cast<std::size_t> (channel - 1)]);
        return names.empty() ? juce::String() : juce::String ("not on this device");
    };
    const auto textFor = [&] (int first)
    {
        if (! stereo)
        {
            const auto name = nameOf (first);
            return juce::String (first) + (name.isEmpty() ? "" : "  " + name);
        }
        const auto left = nameOf (first), right = nameOf (first + 1);
        return juce::String (first) + "+" + juce::String (first + 1) + (left.isEmpty() ? "" : "  " + pairName (left, right));
    };

    const int last = stereo ? count - 1 : count;
    for (int first = 1; first <= last; ++first)
        box.addItem (textFor (first), first);

    if (! current.empty())
    {
        const int first = current.front();
        if (box.indexOfItemId (first) < 0)
            box.addItem (textFor (first), first);
        box.setSelectedId (first, juce::dontSendNotification);
    }
}

const std::vector<SourceColour>& sourceColours()
{
    static const std::vector<SourceColour> colours {
        { "Default", "" },       { "Red", "#ff5b4f" },   { "Orange", "#ff9f1c" }, { "Yellow", "#ffd60a" },
        { "Green", "#2fd85a" },  { "Teal", "#2ec4b6" },  { "Blue", "#3ab7ff" },   { "Violet", "#a78bfa" },
        { "Pink", "#ff4f8b" },   { "Grey", "#a7b0bc" },
    };
    return colours;
}

juce::Colour colourOf (const std::string& hex)
{
    if (hex.size() == 7 && hex[0] == '#')
        return juce::Colour::fromString ("ff" + juce::String (hex.substr (1)));
    return palette::raised.brighter (0.4f);
}

} // namespace foldback::setupControls
