#pragma once

#include "ClickPanel.h"
#include "ConsoleFieldKeys.h"
#include "ConsoleModel.h"
#include "DevicePanel.h"
#include "FoldbackLookAndFeel.h"
#include "MixMatrix.h"
#include "MixView.h"
#include "RemotesPanel.h"
#include "SetupPanel.h"
#include "SoloPanel.h"
#include "StatusBar.h"
#include "TalkbackPanel.h"
#include "TrackRow.h"
#include "TracksPanel.h"
#include "TransportBar.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <vector>

namespace foldback
{

class LiveAudio;

/** The engineer's console: the transport and talkback along the top, the pages down the
    left (one per performer's mix, then the matrix, click, tracks, devices, remotes
    and setup), the chosen
    page in the middle, the status bar along the bottom.

    Audio files dropped anywhere become backing tracks. Keys: space play/stop, T talkback (held), 1-9 a performer's mix, Ctrl+Z / Ctrl+Shift+Z
    undo / redo, Ctrl+S save (through onSave), Ctrl+Shift+S save as (onSaveAs), Ctrl+O open
    (onOpen), Ctrl+N new (onNew). Space plays and stops from inside a text field too, and
    Return or Escape gives the keyboard back to the console (ConsoleFieldKeys).

    Every page is a child at all times (hidden unless chosen), so the component tree shows
    one MixView per mix. componentID "console". Message thread only. */
class MainComponent : public juce::Component,
                      public juce::FileDragAndDropTarget,
                      private ConsoleModel::Listener,
                      private juce::AsyncUpdater
{
public:
    /** `audio` may be null (tests): the device page then only shows the session's settings. */
    MainComponent (ConsoleModel& model, LiveAudio* audio);
    ~MainComponent() override;

    /** The pages, in the order of the buttons on the left. */
    int getNumPages() const noexcept { return static_cast<int> (pages.size()); }
    juce::Component& getPage (int index) const { return *pages[static_cast<std::size_t> (index)].component; }
    juce::String getPageTitle (int index) const { return pages[static_cast<std::size_t> (index)].title; }
    int getCurrentPage() const noexcept { return currentPage; }
    void showPage (int index);

    /** The view of a mix, or nullptr. */
    MixView* findMixView (const std::string& mixId) const;

    TransportBar& getTransportBar() noexcept   { return transport; }
    TalkbackPanel& getTalkbackPanel() noexcept { return talkback; }
    SoloPanel& getSoloPanel() noexcept         { return solo; }
    StatusBar& getStatusBar() noexcept         { return status; }
    DevicePanel& getDevicePanel() noexcept     { return *devices; }
    RemotesPanel& getRemotesPanel() noexcept   { return *remotes; }
    SetupPanel& getSetupPanel() noexcept       { return *setup; }
    MixMatrix& getMatrix() noexcept            { return *matrix; }
    ConsoleFieldKeys& getFieldKeys() noexcept  { return fieldKeys; }

    /** The side bar: the performers' page buttons scroll here when there are too many to fit;
        the other pages' buttons stay below, always whole. */
    juce::Viewport& getMixButtonScroller() noexcept { return mixButtonScroller; }
    juce::TextButton& getPageButton (int index) const { return *pages[static_cast<std::size_t> (index)].button; }
    /** The viewport a tall page scrolls in (click, tracks), or nullptr. */
    juce::Viewport* getPageScroller (int index) const { return pages[static_cast<std::size_t> (index)].scroller.get(); }

    /** Rebuilds the pages now if the mixes changed (tests, screenshots). */
    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    /** Tooltips on (the default) or off (screenshots, where the pointer rests by chance). */
    void setShowsTooltips (bool shouldShow);

    std::function<void()> onSave, onSaveAs, onOpen, onNew;

    /** Audio files dropped anywhere go to the tracks page. */
    bool isInterestedInFileDrag (const juce::StringArray& files) override { return tracks->isInterestedInFileDrag (files); }
    void filesDropped (const juce::StringArray& files, int x, int y) override;

    bool keyPressed (const juce::KeyPress&) override;
    bool keyStateChanged (bool isKeyDown) override;
    void paint (juce::Graphics&) override;
    void resized() override;

private:
    struct Page
    {
        juce::String title;
        juce::Component* component = nullptr;
        std::unique_ptr<juce::TextButton> button;
        std::unique_ptr<juce::Viewport> scroller;  ///< pages taller than the window (click, tracks)
        std::function<int()> contentHeight;        ///< the height such a page needs
        juce::Component& frame() const { return scroller != nullptr ? *scroller : *component; }
    };

    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuildPages(); }
    void rebuildPages();

    ConsoleModel& model;
    FoldbackLookAndFeel lookAndFeel;
    TransportBar transport;
    TalkbackPanel talkback;
    SoloPanel solo;
    StatusBar status;
    std::vector<std::unique_ptr<MixView>> mixViews;
    std::unique_ptr<MixMatrix> matrix;
    std::unique_ptr<ClickPanel> click;
    std::unique_ptr<TracksPanel> tracks;
    std::unique_ptr<DevicePanel> devices;
    std::unique_ptr<RemotesPanel> remotes;
    std::unique_ptr<SetupPanel> setup;
    std::vector<Page> pages;
    juce::Viewport mixButtonScroller;
    juce::Component mixButtonHolder;
    std::vector<std::string> builtMixes;
    juce::String currentPageTitle;
    int currentPage = 0;
    bool talkKeyDown = false;
    std::unique_ptr<juce::TooltipWindow> tooltips;
    ConsoleFieldKeys fieldKeys { *this, [this] (const juce::KeyPress& key) { return keyPressed (key); } };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MainComponent)
};

} // namespace foldback
