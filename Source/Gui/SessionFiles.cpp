#include "SessionFiles.h"

#include "Session/StarterSession.h"

#include "Session/SessionFile.h"

namespace foldback
{

namespace
{
    constexpr const char* recentKey = "recentSessions";
    constexpr int maxRecent = 10;

    /** An empty session with one mix, on the device already in use (a new song in the same
        room should not drop the engineer back to the Virtual device). */
    const char* const defaultPerformers = "Singer, Guitarist";

    /** One line per error, each naming the file and the field. */
    template <typename Errors>
    juce::String describeErrors (const Errors& errors)
    {
        juce::StringArray lines;
        for (const auto& e : errors)
            lines.add (e.toString());
        return lines.joinIntoString ("\n");
    }
}

SessionFiles::SessionFiles (ConsoleModel& modelToEdit, juce::PropertiesFile& settingsToKeep)
    : model (modelToEdit), settings (settingsToKeep)
{
    recent.setMaxNumberOfItems (maxRecent);
    recent.restoreFromString (settings.getValue (recentKey));
}

juce::StringArray SessionFiles::getRecentFiles() const
{
    juce::StringArray files;
    for (int i = 0; i < recent.getNumFiles(); ++i)
        files.add (recent.getFile (i).getFullPathName());
    return files;
}

void SessionFiles::remember (const juce::File& file)
{
    recent.addFile (file);
    settings.setValue (recentKey, recent.toString());
    settings.setValue (lastSessionKey, file.getFullPathName());
    settings.saveIfNeeded();
}

void SessionFiles::showError (const juce::String& title, const juce::String& message)
{
    model.notice (title + ": " + message);
    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, title, message);
}

bool SessionFiles::load (const juce::File& file, juce::String& error)
{
    auto parsed = loadSessionFile (file.getFullPathName().toStdString());
    if (! parsed.session.has_value())
    {
        error = describeErrors (parsed.errors);
        return false;
    }
    model.getDocument().reset (*parsed.session, file.getFullPathName().toStdString());
    remember (file);
    if (onSessionReplaced)
        onSessionReplaced();
    return true;
}

void SessionFiles::whenChangesAreSafe (std::function<void()> then)
{
    if (! model.getDocument().hasUnsavedChanges())
    {
        then();
        return;
    }

    auto options = juce::MessageBoxOptions()
                       .withIconType (juce::MessageBoxIconType::QuestionIcon)
                       .withTitle ("Save changes?")
                       .withMessage ("\"" + juce::String (model.getSession().name) + "\" has changes that are not saved.")
                       .withButton ("Save")
                       .withButton ("Don't save")
                       .withButton ("Cancel");
    juce::AlertWindow::showAsync (options, [this, then = std::move (then)] (int choice)
                                  {
                                      // 1 = Save, 2 = Don't save, 0 = Cancel (or Escape).
                                      if (choice == 1)
                                      {
                                          const auto& path = model.getDocument().getFilePath();
                                          if (path.empty() || ! saveTo (juce::File (path)))
                                              return; // nowhere to save yet, or it failed: stay
                                          then();
                                      }
                                      else if (choice == 2)
                                      {
                                          then();
                                      }
                                  });
}

void SessionFiles::newSession()
{
    whenChangesAreSafe ([this]
                        {
                            // Who is playing: the session starts with a mic and a mix each.
                            auto* dialog = new juce::AlertWindow ("New session", "Who is playing? One name per performer, separated by commas.",
                                                                  juce::MessageBoxIconType::NoIcon);
                            dialog->addTextEditor ("performers", defaultPerformers, "Performers:");
                            dialog->addButton ("Create", 1, juce::KeyPress (juce::KeyPress::returnKey));
                            dialog->addButton ("Cancel", 0, juce::KeyPress (juce::KeyPress::escapeKey));
                            dialog->enterModalState (true, juce::ModalCallbackFunction::create ([this, dialog] (int choice)
                                                     {
                                                         if (choice == 1)
                                                             newSessionFor (dialog->getTextEditorContents ("performers").toStdString());
                                                     }),
                                                     true);
                        });
}

void SessionFiles::newSessionFor (const std::string& performers)
{
    model.getDocument().reset (makeStarterSession (parsePerformerNames (performers), model.getSession().audio), {});
    if (onSessionReplaced)
        onSessionReplaced();
}

void SessionFiles::open()
{
    whenChangesAreSafe ([this]
                        {
                            const auto& current = model.getDocument().getFilePath();
                            chooser = std::make_unique<juce::FileChooser> ("Open session",
                                                                           current.empty() ? juce::File() : juce::File (current).getParentDirectory(),
                                                                           "*.json");
                            chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                                                  [this] (const juce::FileChooser& fc)
                                                  {
                                                      if (fc.getResult() != juce::File())
                                                          loadWhenTracksAreReady (fc.getResult());
                                                  });
                        });
}

void SessionFiles::openFile (const juce::File& file)
{
    whenChangesAreSafe ([this, file] { loadWhenTracksAreReady (file); });
}

void SessionFiles::loadWhenTracksAreReady (const juce::File& file)
{
    auto parsed = loadSessionFile (file.getFullPathName().toStdString());
    if (! parsed.session.has_value())
    {
        showError ("Could not open the session", describeErrors (parsed.errors));
        return;
    }

    preparing = file;
    preparation = std::make_unique<TrackPreparationJob> (*parsed.session, file.getParentDirectory().getFullPathName().toStdString(),
                                                         model.getEngine().getSampleRate(), [this]
                                                         {
                                                             stopTimer();
                                                             // Read again: what is applied is what the file holds now.
                                                             juce::String error;
                                                             const auto ready = preparing;
                                                             // The job is calling us: it goes once this returns.
                                                             std::shared_ptr<TrackPreparationJob> done (preparation.release());
                                                             juce::MessageManager::callAsync ([done] {});
                                                             if (! load (ready, error))
                                                                 showError ("Could not open the session", error);
                                                         });
    startTimer (500);
}

void SessionFiles::timerCallback()
{
    if (preparation == nullptr)
        return;
    const auto percent = juce::roundToInt (100.0 * preparation->getProgress());
    model.notice ("Opening " + preparing.getFileName() + ": preparing " + juce::String (preparation->getCurrentTrack()) + ", "
                  + juce::String (percent) + " %");
}

bool SessionFiles::saveTo (const juce::File& file)
{
    std::string error;
    if (! model.getDocument().saveAs (file.getFullPathName().toStdString(), error))
    {
        showError ("Could not save the session", error);
        return false;
    }
    remember (file);
    model.notice ("Saved " + file.getFullPathName());
    return true;
}

void SessionFiles::save()
{
    const auto& path = model.getDocument().getFilePath();
    if (path.empty())
        saveAs();
    else
        saveTo (juce::File (path));
}

void SessionFiles::saveAs()
{
    const auto& current = model.getDocument().getFilePath();
    chooser = std::make_unique<juce::FileChooser> ("Save session as",
                                                   current.empty() ? juce::File::getSpecialLocation (juce::File::userDocumentsDirectory)
                                                                   : juce::File (current),
                                                   "*.json");
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this] (const juce::FileChooser& fc)
                          {
                              if (fc.getResult() != juce::File())
                                  saveTo (fc.getResult().withFileExtension ("json"));
                          });
}

void SessionFiles::revert()
{
    const auto path = model.getDocument().getFilePath();
    if (path.empty() || ! model.getDocument().hasUnsavedChanges())
        return;

    auto options = juce::MessageBoxOptions()
                       .withIconType (juce::MessageBoxIconType::QuestionIcon)
                       .withTitle ("Revert?")
                       .withMessage ("Throw away every change since the session was last saved?")
                       .withButton ("Revert")
                       .withButton ("Cancel");
    juce::AlertWindow::showAsync (options, [this, path] (int choice)
                                  {
                                      juce::String error;
                                      if (choice == 1 && ! load (juce::File (path), error))
                                          showError ("Could not revert", error);
                                  });
}

} // namespace foldback
