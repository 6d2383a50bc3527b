#pragma once

#include "ConsoleModel.h"
#include "TrackPreparationJob.h"

#include <juce_data_structures/juce_data_structures.h>
#include <juce_gui_basics/juce_gui_basics.h>
#include <juce_gui_extra/juce_gui_extra.h>

#include <functional>
#include <memory>

namespace foldback
{

/** The session menu's work: new, open, open recent, save, save as, revert, and the
    "save changes?" prompt before anything would throw unsaved edits away. Remembers the
    recent sessions and the last one opened in the application's PropertiesFile, so the
    console reopens where the engineer left off.

    A session that will not load leaves the current one untouched and says why, naming the
    field. A session opened from the menu replaces the current one once its backing tracks
    are ready (TrackPreparationJob: tracks that need converting are converted first, with
    progress in the status bar), and the current one plays on until then.
    Message thread only. */
class SessionFiles : private juce::Timer
{
public:
    SessionFiles (ConsoleModel& model, juce::PropertiesFile& settings);

    /** Called after the session was replaced (new, open, revert): the owner reopens the
        audio device if the new session wants another one. */
    std::function<void()> onSessionReplaced;

    /** Asks who is playing, then starts a session with a mic and a cue mix for each
        (makeStarterSession). */
    void newSession();

    /** The session New makes for "Singer, Guitarist, ...", without asking. */
    void newSessionFor (const std::string& performers);
    void open();
    void openFile (const juce::File& file);
    void save();
    void saveAs();
    void revert();

    /** Loads a session without asking (start-up). False, with `error` set, if it will not
        load. Tracks that need converting are converted here, before it returns. */
    bool load (const juce::File& file, juce::String& error);

    /** Opens a session as the menu does: checked now (an error is shown, and nothing
        changes), applied once its tracks are ready. */
    void loadWhenTracksAreReady (const juce::File& file);
    bool isPreparingTracks() const noexcept { return preparation != nullptr; }

    juce::StringArray getRecentFiles() const;

    /** Runs `then` once unsaved changes are saved or the engineer chose to drop them;
        never if they cancelled (or a save failed). */
    void whenChangesAreSafe (std::function<void()> then);

    /** The session key in the PropertiesFile of the last session opened or saved. */
    static constexpr const char* lastSessionKey = "lastSession";

private:
    void remember (const juce::File& file);
    void showError (const juce::String& title, const juce::String& message);
    bool saveTo (const juce::File& file);
    void timerCallback() override;

    ConsoleModel& model;
    juce::PropertiesFile& settings;
    juce::RecentlyOpenedFilesList recent;
    std::unique_ptr<juce::FileChooser> chooser;
    std::unique_ptr<TrackPreparationJob> preparation;
    juce::File preparing;
};

} // namespace foldback
