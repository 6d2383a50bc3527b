#include "TempoMapEditor.h"

#include "FoldbackLookAndFeel.h"

#include <cmath>

namespace foldback
{

namespace
{
    constexpr int rowHeight = 38;
    constexpr int headerHeight = 28;
    const juce::StringArray columnTitles { "BAR", "BPM", "BEATS", "UNIT" };
}

TempoMapEditor::TempoMapEditor (ConsoleModel& modelToEdit) : model (modelToEdit)
{
    setComponentID ("tempoMap");

    add.setTooltip ("Add a tempo or meter change four bars after the last one");
    add.onClick = [this]
    {
        model.edit ("Add tempo change", [] (Session& s)
                    {
                        auto next = s.click.tempoMap.back();
                        next.bar += 4;
                        s.click.tempoMap.push_back (next);
                    });
    };
    addAndMakeVisible (add);

    rebuild();
    model.addListener (this);
}

TempoMapEditor::~TempoMapEditor()
{
    model.removeListener (this);
}

juce::TextButton* TempoMapEditor::getRemoveButton (int row) const
{
    return row >= 0 && row < getNumRows() ? rows[static_cast<std::size_t> (row)].remove.get() : nullptr;
}

std::unique_ptr<juce::Label> TempoMapEditor::makeField (const juce::String& name, std::size_t row,
                                                        std::function<void (TempoChange&, const juce::String&)> apply)
{
    auto field = std::make_unique<juce::Label> (name + ":" + juce::String (row));
    field->setEditable (true);
    field->setFont (juce::Font (fontSizes::level, juce::Font::bold));
    field->setJustificationType (juce::Justification::centred);
    field->setColour (juce::Label::backgroundColourId, palette::background);
    field->setColour (juce::Label::outlineColourId, palette::outline);
    field->onTextChange = [this, row, apply = std::move (apply), label = field.get()]
    {
        const auto text = label->getText();
        if (! model.edit ("Edit tempo map", [&] (Session& s)
                          {
                              if (row < s.click.tempoMap.size())
                                  apply (s.click.tempoMap[row], text);
                          }))
            refreshValues();
    };
    addAndMakeVisible (*field);
    return field;
}

void TempoMapEditor::rebuild()
{
    rows.clear();
    const auto count = model.getSession().click.tempoMap.size();
    for (std::size_t i = 0; i < count; ++i)
    {
        Row row;
        row.bar = makeField ("bar", i, [] (TempoChange& c, const juce::String& t) { c.bar = t.getIntValue(); });
        row.bpm = makeField ("bpm", i, [] (TempoChange& c, const juce::String& t) { c.bpm = t.getDoubleValue(); });
        row.beats = makeField ("beats", i, [] (TempoChange& c, const juce::String& t) { c.beatsPerBar = t.getIntValue(); });
        row.unit = makeField ("unit", i, [] (TempoChange& c, const juce::String& t) { c.beatUnit = t.getIntValue(); });
        row.bar->setEditable (i > 0); // the map always starts at bar 1

        row.remove = std::make_unique<juce::TextButton> ("X");
        row.remove->setTooltip ("Remove this tempo change");
        row.remove->setEnabled (i > 0);
        row.remove->onClick = [this, i]
        {
            model.edit ("Remove tempo change", [i] (Session& s)
                        {
                            if (i > 0 && i < s.click.tempoMap.size())
                                s.click.tempoMap.erase (s.click.tempoMap.begin() + static_cast<std::ptrdiff_t> (i));
                        });
        };
        addAndMakeVisible (*row.remove);
        rows.push_back (std::move (row));
    }
    refreshValues();
    resized();
}

void TempoMapEditor::refreshValues()
{
    const auto& map = model.getSession().click.tempoMap;
    for (std::size_t i = 0; i < rows.size() && i < map.size(); ++i)
    {
        const auto& change = map[i];
        rows[i].bar->setText (juce::String (change.bar), juce::dontSendNotification);
        rows[i].bpm->setText (juce::String (change.bpm, change.bpm == std::floor (change.bpm) ? 0 : 2), juce::dontSendNotification);
        rows[i].beats->setText (juce::String (change.beatsPerBar), juce::dontSendNotification);
        rows[i].unit->setText (juce::String (change.beatUnit), juce::dontSendNotification);
    }
}

void TempoMapEditor::sessionChanged()
{
    if (model.getSession().click.tempoMap.size() != rows.size())
        triggerAsyncUpdate();
    else
        refreshValues();
}

void TempoMapEditor::paint (juce::Graphics& g)
{
    g.setFont (juce::Font (fontSizes::small, juce::Font::bold));
    g.setColour (palette::dimText);
    const int columnWidth = (getWidth() - 50) / 4;
    for (int c = 0; c < columnTitles.size(); ++c)
        g.drawText (columnTitles[c], c * columnWidth, 0, columnWidth, headerHeight, juce::Justification::centred);
}

int TempoMapEditor::getPreferredHeight() const
{
    // The rows follow the session's tempo map (rebuilt asynchronously): count the map's.
    const auto count = juce::jmax (rows.size(), model.getSession().click.tempoMap.size());
    return headerHeight + static_cast<int> (count) * rowHeight + 8 + 36;
}

void TempoMapEditor::resized()
{
    const int columnWidth = (getWidth() - 50) / 4;
    int y = headerHeight;
    for (auto& row : rows)
    {
        int x = 0;
        for (auto* field : { row.bar.get(), row.bpm.get(), row.beats.get(), row.unit.get() })
        {
            field->setBounds (x + 3, y + 3, columnWidth - 6, rowHeight - 6);
            x += columnWidth;
        }
        row.remove->setBounds (x + 4, y + 3, 42, rowHeight - 6);
        y += rowHeight;
    }
    add.setBounds (0, y + 8, juce::jmin (getWidth(), 220), 36);
}

} // namespace foldback
