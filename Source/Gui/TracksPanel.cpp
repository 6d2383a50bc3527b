#include "TracksPanel.h"

#include "Audio/SoundFile.h"
#include "Audio/TrackCache.h"
#include "FoldbackLookAndFeel.h"
#include "NewTrack.h"

#include <filesystem>

namespace foldback
{

namespace
{
    constexpr int importRowHeight = 40;
    bool isAudioFile (const juce::String& path)
    {
        for (const auto& extension : audioFileExtensions())
            if (path.endsWithIgnoreCase ("." + juce::String (extension)))
                return true;
        return false;
    }

    juce::String fileDialogPattern()
    {
        juce::StringArray patterns;
        for (const auto& extension : audioFileExtensions())
            patterns.add ("*." + juce::String (extension));
        return patterns.joinIntoString (";");
    }
}

TracksPanel::TracksPanel (ConsoleModel& modelToEdit) : model (modelToEdit)
{
    setComponentID ("tracksPanel");
    setName ("Tracks");
    setOpaque (true);

    title.setText ("Backing tracks", juce::dontSendNotification);
    title.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    title.setColour (juce::Label::textColourId, palette::text);
    hint.setText ("or drop audio files here (WAV, AIFF, FLAC, Ogg, Opus, MP3, at any rate). A new track starts unsent: raise it in each mix.",
                  juce::dontSendNotification);
    hint.setFont (juce::Font (fontSizes::body));
    hint.setColour (juce::Label::textColourId, palette::dimText);
    add.onClick = [this] { chooseFiles(); };
    for (auto* c : std::initializer_list<juce::Component*> { &title, &hint, &add })
        addAndMakeVisible (c);

    rebuildRows();
    model.addListener (this);
}

TracksPanel::~TracksPanel()
{
    model.removeListener (this);
}

TrackRow* TracksPanel::findRow (const std::string& trackId) const
{
    for (const auto& row : rows)
        if (row->getTrackId() == trackId)
            return row.get();
    return nullptr;
}

void TracksPanel::chooseFiles()
{
    chooser = std::make_unique<juce::FileChooser> ("Add backing tracks", juce::File(), fileDialogPattern());
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems,
                          [safeThis = juce::Component::SafePointer<TracksPanel> (this)] (const juce::FileChooser& fc)
                          {
                              if (safeThis == nullptr)
                                  return;
                              juce::StringArray paths;
                              for (const auto& file : fc.getResults())
                                  paths.add (file.getFullPathName());
                              safeThis->importFiles (paths);
                          });
}

void TracksPanel::importFiles (const juce::StringArray& paths)
{
    for (const auto& path : paths)
    {
        Import import;
        // Converted copies go where the session's player will look for them (LiveRig's folder).
        const auto& sessionFile = model.getDocument().getFilePath();
        const auto folder = sessionFile.empty() ? std::filesystem::current_path()
                                                : std::filesystem::absolute (sessionFile).parent_path();
        const auto cacheFolders = TrackCache::foldersFor (folder.string());
        import.job = std::make_unique<TrackImportJob> (path.toStdString(), model.getEngine().getSampleRate(), cacheFolders,
                                                       [this] (const TrackImportJob::Result& result) { importFinished (result); });
        import.label = std::make_unique<juce::Label> (juce::String(), "Loading " + juce::File (path).getFileName());
        import.label->setFont (juce::Font (fontSizes::body, juce::Font::bold));
        import.bar = std::make_unique<juce::ProgressBar> (import.job->progressForDisplay);
        addAndMakeVisible (*import.label);
        addAndMakeVisible (*import.bar);
        imports.push_back (std::move (import));
    }
    if (! imports.empty())
        startTimerHz (15);
    resized();
}

void TracksPanel::timerCallback()
{
    // ProgressBar polls a double it owns the reference to; the job's progress is atomic.
    for (auto& import : imports)
        import.job->progressForDisplay = import.job->getProgress();
    if (imports.empty())
        stopTimer();
}

void TracksPanel::importFinished (const TrackImportJob::Result& result)
{
    if (! result.error.empty())
    {
        model.notice (juce::String (result.error));
    }
    else
    {
        const auto track = makeNewTrack (model.getSession(), result.path, model.getDocument().getFilePath());
        model.edit ("Add track " + track.id, [track] (Session& s) { s.tracks.push_back (track); });
    }

    // Called from the job's own message callback: let it return before the job goes.
    juce::MessageManager::callAsync ([safeThis = juce::Component::SafePointer<TracksPanel> (this), path = result.path]
                                     {
                                         if (safeThis == nullptr)
                                             return;
                                         std::erase_if (safeThis->imports, [&path] (const Import& i) { return i.job->getPath() == path; });
                                         safeThis->resized();
                                     });
}

bool TracksPanel::isInterestedInFileDrag (const juce::StringArray& files)
{
    for (const auto& file : files)
        if (isAudioFile (file))
            return true;
    return false;
}

void TracksPanel::filesDropped (const juce::StringArray& files, int, int)
{
    setDragHighlight (false);
    juce::StringArray audio;
    for (const auto& file : files)
        if (isAudioFile (file))
            audio.add (file);
    importFiles (audio);
}

void TracksPanel::setDragHighlight (bool shouldHighlight)
{
    dragHighlight = shouldHighlight;
    repaint();
}

void TracksPanel::sessionChanged()
{
    std::vector<std::string> ids;
    for (const auto& track : model.getSession().tracks)
        ids.push_back (track.id);
    if (ids != builtTracks)
    {
        triggerAsyncUpdate();
        return;
    }
    for (auto& row : rows)
        row->refreshFromSession();
}

void TracksPanel::rebuildRows()
{
    rows.clear();
    builtTracks.clear();
    for (const auto& track : model.getSession().tracks)
    {
        builtTracks.push_back (track.id);
        rows.push_back (std::make_unique<TrackRow> (model, track.id));
        addAndMakeVisible (*rows.back());
    }
    resized();
}

void TracksPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
    if (rows.empty() && imports.empty())
    {
        g.setFont (juce::Font (fontSizes::name));
        g.setColour (palette::dimText);
        g.drawText ("No backing tracks yet", getLocalBounds().withTrimmedTop (140), juce::Justification::centredTop);
    }
}

void TracksPanel::paintOverChildren (juce::Graphics& g)
{
    if (dragHighlight)
    {
        g.setColour (palette::accent);
        g.drawRect (getLocalBounds(), 4);
    }
}

void TracksPanel::resized()
{
    auto area = getLocalBounds().reduced (16, 8);
    auto header = area.removeFromTop (48);
    title.setBounds (header.removeFromLeft (240));
    add.setBounds (header.removeFromLeft (170).reduced (0, 6));
    header.removeFromLeft (12);
    hint.setBounds (header);
    area.removeFromTop (8);

    for (auto& row : rows)
        row->setBounds (area.removeFromTop (TrackRow::preferredHeight));
    area.removeFromTop (8);
    for (auto& import : imports)
    {
        auto line = area.removeFromTop (importRowHeight);
        import.label->setBounds (line.removeFromLeft (360));
        import.bar->setBounds (line.reduced (0, 6));
    }
}

} // namespace foldback
