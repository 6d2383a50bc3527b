#pragma once

#include "ConsoleModel.h"
#include "TrackImportJob.h"
#include "TrackRow.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace foldback
{

/** The backing tracks: one TrackRow per track (online, or offline with the reason), and
    "Add tracks..." or drag and drop of audio files, each shown with a progress bar while
    it loads (TrackImportJob) before it joins the session.

    A new track is sent to no mix: it appears in every mix view as "not sent", so nothing
    lands in a performer's ears mid-take until the engineer raises its fader.

    componentID "tracksPanel". Message thread only. */
class TracksPanel : public juce::Component,
                    public juce::FileDragAndDropTarget,
                    private ConsoleModel::Listener,
                    private juce::AsyncUpdater,
                    private juce::Timer
{
public:
    explicit TracksPanel (ConsoleModel& model);
    ~TracksPanel() override;

    /** Starts loading files as new tracks (the file dialog and drag and drop end here). */
    void importFiles (const juce::StringArray& paths);

    int getNumPendingImports() const noexcept { return static_cast<int> (imports.size()); }
    TrackRow* findRow (const std::string& trackId) const;
    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    bool isInterestedInFileDrag (const juce::StringArray& files) override;
    void fileDragEnter (const juce::StringArray&, int, int) override { setDragHighlight (true); }
    void fileDragExit (const juce::StringArray&) override { setDragHighlight (false); }
    void filesDropped (const juce::StringArray& files, int, int) override;

    void paint (juce::Graphics&) override;
    void paintOverChildren (juce::Graphics&) override;
    void resized() override;

private:
    struct Import
    {
        std::unique_ptr<TrackImportJob> job;
        std::unique_ptr<juce::Label> label;
        std::unique_ptr<juce::ProgressBar> bar;
    };

    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuildRows(); }
    void timerCallback() override;
    void rebuildRows();
    void importFinished (const TrackImportJob::Result& result);
    void chooseFiles();
    void setDragHighlight (bool shouldHighlight);

    ConsoleModel& model;
    juce::Label title, hint;
    juce::TextButton add { "Add tracks..." };
    std::vector<std::unique_ptr<TrackRow>> rows;
    std::vector<std::string> builtTracks;
    std::vector<Import> imports;
    std::unique_ptr<juce::FileChooser> chooser;
    bool dragHighlight = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TracksPanel)
};

} // namespace foldback
