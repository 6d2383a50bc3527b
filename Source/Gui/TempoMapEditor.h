#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace foldback
{

/** The song's tempo map as a small table: one row per change (bar, BPM, meter), each field
    typed in place; add a change after the last, remove any but the first. Values are
    checked by the document like a file's (bars in order, BPM 20-400, ...); a rejected
    value springs back and the status bar says why.

    componentID "tempoMap"; fields are named "bar:<row>", "bpm:<row>", "beats:<row>",
    "unit:<row>". Message thread only. */
class TempoMapEditor : public juce::Component,
                       private ConsoleModel::Listener,
                       private juce::AsyncUpdater
{
public:
    explicit TempoMapEditor (ConsoleModel& model);
    ~TempoMapEditor() override;

    int getNumRows() const noexcept { return static_cast<int> (rows.size()); }
    /** The height that shows every change and the add button. */
    int getPreferredHeight() const;
    juce::TextButton& getAddButton() noexcept { return add; }
    /** The remove button of a row, or nullptr. */
    juce::TextButton* getRemoveButton (int row) const;
    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    struct Row
    {
        std::unique_ptr<juce::Label> bar, bpm, beats, unit;
        std::unique_ptr<juce::TextButton> remove;
    };

    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuild(); }
    void rebuild();
    void refreshValues();
    std::unique_ptr<juce::Label> makeField (const juce::String& name, std::size_t row,
                                            std::function<void (TempoChange&, const juce::String&)> apply);

    ConsoleModel& model;
    std::vector<Row> rows;
    juce::TextButton add { "Add tempo change" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TempoMapEditor)
};

} // namespace foldback
