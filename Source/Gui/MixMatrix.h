#pragma once

#include "ConsoleModel.h"
#include "LevelMeterComponent.h"
#include "MatrixCell.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** Every send at a glance: sources down, performers' mixes across. Each cell sets a level
    and a mute; each row shows the source's meter; each column can be copied onto another
    mix. The column headers (the mixes) and the row headers (the sources) stay in view
    while the cells scroll beneath and beside them. Rebuilt when sources or mixes change (asynchronously, never inside a control's
    callback); cells follow every other change at once.

    componentID "matrix". Message thread only. */
class MixMatrix : public juce::Component,
                  private ConsoleModel::Listener,
                  private juce::AsyncUpdater
{
public:
    explicit MixMatrix (ConsoleModel& model);
    ~MixMatrix() override;

    /** The cell of a mix and source, or nullptr. */
    MatrixCell* findCell (const std::string& mixId, const std::string& sourceId) const;

    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    /** The scrolling cells, and the fixed headers that follow them (tests). */
    juce::Viewport& getViewport() noexcept        { return viewport; }
    juce::Component& getColumnHeaders() noexcept  { return columnHeaderClip; }
    juce::Component& getRowHeaders() noexcept     { return rowHeaderClip; }

    void paint (juce::Graphics&) override;
    void resized() override;
    /** The wheel over a header scrolls the cells, as it does over the cells. */
    void mouseWheelMove (const juce::MouseEvent&, const juce::MouseWheelDetails&) override;

private:
    struct Column
    {
        std::string mixId;
        std::unique_ptr<juce::Label> name;
        std::unique_ptr<juce::TextButton> copy;
    };

    struct Row
    {
        std::string sourceId;
        std::unique_ptr<juce::Label> name;
        std::unique_ptr<LevelMeterComponent> meter;
        std::vector<std::unique_ptr<MatrixCell>> cells;
    };

    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuild(); }
    void rebuild();
    void showCopyMenu (const std::string& fromMixId, juce::Component& target);
    std::vector<std::string> currentMixIds() const;

    /** A viewport that says when it scrolls, so the headers follow. */
    struct FollowedViewport : juce::Viewport
    {
        std::function<void()> onScroll;
        void visibleAreaChanged (const juce::Rectangle<int>&) override { if (onScroll) onScroll(); }
    };

    void followScroll();

    ConsoleModel& model;
    FollowedViewport viewport;
    juce::Component grid;
    juce::Component columnHeaderClip, columnHeaderGrid, rowHeaderClip, rowHeaderGrid;
    juce::Label title;
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::vector<std::string> builtSources, builtMixes;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MixMatrix)
};

} // namespace foldback
