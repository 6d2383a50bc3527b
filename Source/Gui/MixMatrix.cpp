#include "MixMatrix.h"

#include "FoldbackLookAndFeel.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    constexpr int rowHeaderWidth = 230;
    constexpr int minColumnWidth = 190;
    constexpr int maxColumnWidth = 260;
    constexpr int headerHeight = 84;
    constexpr int rowHeight = 50;
    constexpr int titleHeight = 48;

    std::unique_ptr<juce::Label> makeLabel (const juce::String& text, float size, juce::Justification justification)
    {
        auto label = std::make_unique<juce::Label> (juce::String(), text);
        label->setFont (juce::Font (size, juce::Font::bold));
        label->setColour (juce::Label::textColourId, palette::text);
        label->setJustificationType (justification);
        label->setMinimumHorizontalScale (0.7f);
        return label;
    }
}

MixMatrix::MixMatrix (ConsoleModel& modelToEdit) : model (modelToEdit)
{
    setComponentID ("matrix");
    setName ("Matrix");
    setOpaque (true);

    title.setText ("Every send: sources down, performers across", juce::dontSendNotification);
    title.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    title.setColour (juce::Label::textColourId, palette::text);
    addAndMakeVisible (title);

    viewport.setViewedComponent (&grid, false);
    viewport.setScrollBarThickness (12);
    viewport.onScroll = [this] { followScroll(); };
    addAndMakeVisible (viewport);

    // The headers sit outside the viewport, clipped, and move with its scroll position.
    columnHeaderClip.addAndMakeVisible (columnHeaderGrid);
    rowHeaderClip.addAndMakeVisible (rowHeaderGrid);
    columnHeaderClip.setComponentID ("matrixColumns");
    rowHeaderClip.setComponentID ("matrixRows");
    addAndMakeVisible (columnHeaderClip);
    addAndMakeVisible (rowHeaderClip);

    rebuild();
    model.addListener (this);
}

MixMatrix::~MixMatrix()
{
    model.removeListener (this);
}

std::vector<std::string> MixMatrix::currentMixIds() const
{
    std::vector<std::string> ids;
    for (const auto& mix : model.getSession().mixes)
        ids.push_back (mix.id);
    return ids;
}

MatrixCell* MixMatrix::findCell (const std::string& mixId, const std::string& sourceId) const
{
    for (const auto& row : rows)
        if (row.sourceId == sourceId)
            for (const auto& cell : row.cells)
                if (cell->getComponentID() == juce::String ("cell:" + mixId + ":" + sourceId))
                    return cell.get();
    return nullptr;
}

void MixMatrix::sessionChanged()
{
    if (sourceIdsOf (model.getSession()) != builtSources || currentMixIds() != builtMixes)
    {
        triggerAsyncUpdate();
        return;
    }

    const auto& mixes = model.getSession().mixes;
    for (std::size_t c = 0; c < columns.size() && c < mixes.size(); ++c)
        columns[c].name->setText (juce::String (c + 1) + "  " + juce::String (mixes[c].name), juce::dontSendNotification);
    for (auto& row : rows)
    {
        row.name->setText (model.sourceName (row.sourceId), juce::dontSendNotification);
        for (auto& cell : row.cells)
            cell->refreshFromSession();
    }
}

void MixMatrix::rebuild()
{
    rows.clear();
    columns.clear();
    builtSources = sourceIdsOf (model.getSession());
    builtMixes = currentMixIds();

    const auto& mixes = model.getSession().mixes;
    for (std::size_t c = 0; c < mixes.size(); ++c)
    {
        Column column;
        column.mixId = mixes[c].id;
        column.name = makeLabel (juce::String (c + 1) + "  " + juce::String (mixes[c].name), fontSizes::name,
                                 juce::Justification::centred);
        column.copy = std::make_unique<juce::TextButton> ("Copy to...");
        column.copy->setTooltip ("Copy this mix's sends and master level onto another mix");
        column.copy->onClick = [this, mixId = column.mixId, button = column.copy.get()] { showCopyMenu (mixId, *button); };
        columnHeaderGrid.addAndMakeVisible (*column.name);
        columnHeaderGrid.addAndMakeVisible (*column.copy);
        columns.push_back (std::move (column));
    }

    for (const auto& sourceId : builtSources)
    {
        Row row;
        row.sourceId = sourceId;
        row.name = makeLabel (model.sourceName (sourceId), fontSizes::name, juce::Justification::centredLeft);
        row.meter = std::make_unique<LevelMeterComponent>();
        row.meter->setReader ([this, sourceId] { return model.readSourceMeter (sourceId); }, &model.getMeterClock());
        rowHeaderGrid.addAndMakeVisible (*row.name);
        rowHeaderGrid.addAndMakeVisible (*row.meter);
        for (const auto& column : columns)
        {
            row.cells.push_back (std::make_unique<MatrixCell> (model, column.mixId, sourceId));
            grid.addAndMakeVisible (*row.cells.back());
        }
        rows.push_back (std::move (row));
    }
    resized();
}

void MixMatrix::showCopyMenu (const std::string& fromMixId, juce::Component& target)
{
    juce::PopupMenu menu;
    menu.addSectionHeader ("Copy this mix to");
    const auto& mixes = model.getSession().mixes;
    for (std::size_t i = 0; i < mixes.size(); ++i)
        if (mixes[i].id != fromMixId)
            menu.addItem (static_cast<int> (i) + 1, mixes[i].name);

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (target),
                        [safeThis = juce::Component::SafePointer<MixMatrix> (this), fromMixId] (int chosen)
                        {
                            if (safeThis == nullptr || chosen <= 0)
                                return;
                            const auto& all = safeThis->model.getSession().mixes;
                            if (static_cast<std::size_t> (chosen) <= all.size())
                                safeThis->model.copyMix (fromMixId, all[static_cast<std::size_t> (chosen - 1)].id);
                        });
}

void MixMatrix::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
}

void MixMatrix::mouseWheelMove (const juce::MouseEvent& e, const juce::MouseWheelDetails& wheel)
{
    if (! viewport.useMouseWheelMoveIfNeeded (e.getEventRelativeTo (&viewport), wheel))
        juce::Component::mouseWheelMove (e, wheel);
}

void MixMatrix::followScroll()
{
    const auto position = viewport.getViewPosition();
    columnHeaderGrid.setTopLeftPosition (-position.x, 0);
    rowHeaderGrid.setTopLeftPosition (0, -position.y);
}

void MixMatrix::resized()
{
    auto area = getLocalBounds().reduced (8, 0);
    title.setBounds (area.removeFromTop (titleHeight));

    auto columnStrip = area.removeFromTop (headerHeight);
    columnStrip.removeFromLeft (rowHeaderWidth);
    auto rowStrip = area.removeFromLeft (rowHeaderWidth);
    viewport.setBounds (area);

    // Columns widen to use the room (a longer bar is a finer level), up to a limit.
    const int available = area.getWidth() - viewport.getScrollBarThickness();
    const int columnWidth = juce::jlimit (minColumnWidth, maxColumnWidth,
                                          available / juce::jmax (1, static_cast<int> (columns.size())));
    const int gridWidth = static_cast<int> (columns.size()) * columnWidth;
    const int gridHeight = static_cast<int> (rows.size()) * rowHeight;
    grid.setSize (gridWidth, gridHeight);

    // The headers are clipped to the viewport's visible width and height (not its scroll bars).
    columnHeaderClip.setBounds (columnStrip.withWidth (juce::jmin (columnStrip.getWidth(), viewport.getMaximumVisibleWidth())));
    rowHeaderClip.setBounds (rowStrip.withHeight (juce::jmin (rowStrip.getHeight(), viewport.getMaximumVisibleHeight())));
    columnHeaderGrid.setSize (gridWidth, headerHeight);
    rowHeaderGrid.setSize (rowHeaderWidth, gridHeight);

    for (std::size_t c = 0; c < columns.size(); ++c)
    {
        const int x = static_cast<int> (c) * columnWidth;
        columns[c].name->setBounds (x, 4, columnWidth, 34);
        columns[c].copy->setBounds (x + 30, 42, columnWidth - 60, 32);
    }

    for (std::size_t r = 0; r < rows.size(); ++r)
    {
        const int y = static_cast<int> (r) * rowHeight;
        rows[r].meter->setBounds (4, y + 6, 14, rowHeight - 12);
        rows[r].name->setBounds (24, y, rowHeaderWidth - 28, rowHeight);
        for (std::size_t c = 0; c < rows[r].cells.size(); ++c)
            rows[r].cells[c]->setBounds (static_cast<int> (c) * columnWidth, y, columnWidth, rowHeight);
    }
    followScroll();
}

} // namespace foldback
