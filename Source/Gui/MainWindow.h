#pragma once

#include "ConsoleModel.h"
#include "MainComponent.h"
#include "SessionFiles.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>

namespace foldback
{

/** The console's window: the MainComponent under a menu bar (Session: new, open, open
    recent, save, save as, revert, quit; Edit: undo, redo with what they will undo; View:
    the pages), titled with the session's name and a "*" while it has unsaved changes.
    Closing the window asks the application to quit (which asks about unsaved changes).

    Message thread only. */
class MainWindow : public juce::DocumentWindow,
                   private juce::MenuBarModel,
                   private ConsoleModel::Listener
{
public:
    MainWindow (ConsoleModel& model, SessionFiles& files, LiveAudio* audio);
    ~MainWindow() override;

    MainComponent& getConsole() noexcept { return *console; }

    void closeButtonPressed() override;

private:
    juce::StringArray getMenuBarNames() override;
    juce::PopupMenu getMenuForIndex (int topLevelMenuIndex, const juce::String& menuName) override;
    void menuItemSelected (int menuItemID, int topLevelMenuIndex) override;
    void sessionChanged() override;
    void updateTitle();

    ConsoleModel& model;
    SessionFiles& files;
    MainComponent* console = nullptr; // owned by the window as its content

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainWindow)
};

} // namespace foldback
