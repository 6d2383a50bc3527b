#include "MainWindow.h"

#include "FoldbackLookAndFeel.h"

namespace foldback
{

namespace
{
    enum MenuItem
    {
        newSession = 1,
        openSession,
        saveSession,
        saveSessionAs,
        revertSession,
        quit,
        undo,
        redo,
        firstRecent = 100,
        firstPage = 200
    };
}

MainWindow::MainWindow (ConsoleModel& modelToShow, SessionFiles& filesToUse, LiveAudio* audio)
    : juce::DocumentWindow ("Foldback", palette::background, juce::DocumentWindow::allButtons),
      model (modelToShow), files (filesToUse)
{
    setUsingNativeTitleBar (true);
    console = new MainComponent (model, audio);
    console->onSave = [this] { files.save(); };
    console->onOpen = [this] { files.open(); };
    console->onSaveAs = [this] { files.saveAs(); };
    console->onNew = [this] { files.newSession(); };
    setContentOwned (console, true);
    setMenuBar (this, 30);
    setResizable (true, false);
    setResizeLimits (1100, 700, 4000, 3000);
    centreWithSize (getWidth(), getHeight());

    updateTitle();
    model.addListener (this);
}

MainWindow::~MainWindow()
{
    model.removeListener (this);
    setMenuBar (nullptr);
}

void MainWindow::closeButtonPressed()
{
    juce::JUCEApplication::getInstance()->systemRequestedQuit();
}

void MainWindow::sessionChanged()
{
    updateTitle();
    menuItemsChanged();
}

void MainWindow::updateTitle()
{
    const auto& document = model.getDocument();
    setName ("Foldback - " + juce::String (model.getSession().name) + (document.hasUnsavedChanges() ? " *" : ""));
}

juce::StringArray MainWindow::getMenuBarNames()
{
    return { "Session", "Edit", "View" };
}

juce::PopupMenu MainWindow::getMenuForIndex (int topLevelMenuIndex, const juce::String&)
{
    juce::PopupMenu menu;
    const auto& document = model.getDocument();

    if (topLevelMenuIndex == 0)
    {
        menu.addItem (juce::PopupMenu::Item ("New").setID (newSession));
        menu.addItem (juce::PopupMenu::Item ("Open...").setID (openSession));

        juce::PopupMenu recentMenu;
        const auto recent = files.getRecentFiles();
        for (int i = 0; i < recent.size(); ++i)
            recentMenu.addItem (firstRecent + i, recent[i]);
        menu.addSubMenu ("Open Recent", recentMenu, ! recent.isEmpty());

        menu.addSeparator();
        juce::PopupMenu::Item save ("Save");
        save.shortcutKeyDescription = "Ctrl+S";
        menu.addItem (save.setID (saveSession));
        menu.addItem (juce::PopupMenu::Item ("Save As...").setID (saveSessionAs));
        menu.addItem (juce::PopupMenu::Item ("Revert to Saved")
                          .setID (revertSession)
                          .setEnabled (! document.getFilePath().empty() && document.hasUnsavedChanges()));
        menu.addSeparator();
        menu.addItem (juce::PopupMenu::Item ("Quit").setID (quit));
    }
    else if (topLevelMenuIndex == 1)
    {
        juce::PopupMenu::Item undoItem ("Undo " + juce::String (document.getUndoDescription()));
        undoItem.shortcutKeyDescription = "Ctrl+Z";
        menu.addItem (undoItem.setID (undo).setEnabled (document.canUndo()));
        juce::PopupMenu::Item redoItem ("Redo " + juce::String (document.getRedoDescription()));
        redoItem.shortcutKeyDescription = "Ctrl+Shift+Z";
        menu.addItem (redoItem.setID (redo).setEnabled (document.canRedo()));
    }
    else if (topLevelMenuIndex == 2)
    {
        for (int i = 0; i < console->getNumPages(); ++i)
            menu.addItem (juce::PopupMenu::Item (console->getPageTitle (i))
                              .setID (firstPage + i)
                              .setTicked (console->getCurrentPage() == i));
    }
    return menu;
}

void MainWindow::menuItemSelected (int menuItemID, int)
{
    auto& document = model.getDocument();
    switch (menuItemID)
    {
        case newSession:    files.newSession(); break;
        case openSession:   files.open(); break;
        case saveSession:   files.save(); break;
        case saveSessionAs: files.saveAs(); break;
        case revertSession: files.revert(); break;
        case quit:          juce::JUCEApplication::getInstance()->systemRequestedQuit(); break;
        case undo:          document.undo(); break;
        case redo:          document.redo(); break;
        default:
            if (menuItemID >= firstPage)
                console->showPage (menuItemID - firstPage);
            else if (menuItemID >= firstRecent)
                files.openFile (juce::File (files.getRecentFiles()[menuItemID - firstRecent]));
            break;
    }
}

} // namespace foldback
