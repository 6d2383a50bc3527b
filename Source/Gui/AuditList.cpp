#include "AuditList.h"

#include "FoldbackLookAndFeel.h"
#include "Control/SessionDocument.h"

#include <ctime>

namespace foldback
{

AuditList::AuditList (ConsoleModel& modelToShow)
    : model (modelToShow)
{
    setComponentID ("auditList");
    heading.setText ("Who changed what", juce::dontSendNotification);
    heading.setFont (juce::Font (fontSizes::name, juce::Font::bold));
    heading.setColour (juce::Label::textColourId, palette::text);

    list.setModel (this);
    list.setRowHeight (30);
    list.setColour (juce::ListBox::backgroundColourId, palette::panel);
    list.setColour (juce::ListBox::outlineColourId, palette::outline);

    revertButton.setEnabled (false);
    revertButton.setTooltip ("Put back exactly what the selected change changed; later changes to other values stay");
    revertButton.onClick = [this] { revertRow (list.getSelectedRow()); };

    addAndMakeVisible (heading);
    addAndMakeVisible (list);
    addAndMakeVisible (revertButton);
}

void AuditList::refresh()
{
    list.updateContent();
    list.repaint();
    revertButton.setEnabled (list.getSelectedRow() >= 0 && list.getSelectedRow() < getNumRows());
}

int AuditList::getNumRows()
{
    return static_cast<int> (model.getDocument().getAuditLog().size());
}

std::size_t AuditList::entryIndexOfRow (int row) const
{
    const auto size = model.getDocument().getAuditLog().size();
    return size - 1 - static_cast<std::size_t> (row);
}

juce::String AuditList::getRowText (int row) const
{
    const auto& log = model.getDocument().getAuditLog();
    if (row < 0 || static_cast<std::size_t> (row) >= log.size())
        return {};
    const auto& entry = log[entryIndexOfRow (row)];

    const auto time = std::chrono::system_clock::to_time_t (entry.when);
    std::tm local {};
    localtime_r (&time, &local);
    char clock[16];
    std::strftime (clock, sizeof (clock), "%H:%M:%S", &local);
    return juce::String (clock) + "   " + juce::String (entry.who) + "   " + juce::String (entry.what);
}

bool AuditList::revertRow (int row)
{
    const auto& log = model.getDocument().getAuditLog();
    if (row < 0 || static_cast<std::size_t> (row) >= log.size())
        return false;

    const auto errors = model.getDocument().revertAuditEntry (entryIndexOfRow (row));
    if (! errors.empty())
    {
        model.notice ("Cannot revert: " + juce::String (errors.front().message));
        return false;
    }
    list.deselectAllRows();
    refresh();
    return true;
}

void AuditList::paintListBoxItem (int row, juce::Graphics& g, int width, int height, bool selected)
{
    if (selected)
        g.fillAll (palette::raised);
    const auto& log = model.getDocument().getAuditLog();
    const bool remote = row >= 0 && static_cast<std::size_t> (row) < log.size() && log[entryIndexOfRow (row)].who != "engineer";
    g.setColour (remote ? palette::accent : palette::text);
    g.setFont (juce::Font (fontSizes::body));
    g.drawText (getRowText (row), 10, 0, width - 20, height, juce::Justification::centredLeft, true);
}

void AuditList::resized()
{
    auto area = getLocalBounds();
    auto top = area.removeFromTop (36);
    revertButton.setBounds (top.removeFromRight (240).reduced (0, 2));
    heading.setBounds (top);
    area.removeFromTop (4);
    list.setBounds (area);
}

} // namespace foldback
