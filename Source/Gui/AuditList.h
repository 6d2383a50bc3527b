#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** Who changed what, newest first: every edit of the session with its time and origin
    (the engineer, or a remote such as "singer (web 192.168.1.23)"), and Revert, which puts
    back exactly what the chosen entry changed.

    componentID "auditList". Message thread only. */
class AuditList : public juce::Component,
                  private juce::ListBoxModel
{
public:
    explicit AuditList (ConsoleModel& model);

    /** Reads the document's audit log again. */
    void refresh();

    /** Rows are newest first; row 0 is the latest entry. */
    int getNumRows() override;
    juce::String getRowText (int row) const;

    /** Reverts the entry shown at `row`. False (with a notice) if it cannot be. */
    bool revertRow (int row);

    void resized() override;

private:
    void paintListBoxItem (int row, juce::Graphics&, int width, int height, bool selected) override;
    void selectedRowsChanged (int) override { revertButton.setEnabled (list.getSelectedRow() >= 0); }
    std::size_t entryIndexOfRow (int row) const;

    ConsoleModel& model;
    juce::Label heading;
    juce::ListBox list;
    juce::TextButton revertButton { "Revert selected change" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (AuditList)
};

} // namespace foldback
