#pragma once

#include "ChannelStrip.h"
#include "ConsoleModel.h"
#include "MixMasterStrip.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** One performer's cue mix: a ChannelStrip per source of the session (inputs, tracks,
    click, talkback), the master section, "copy this mix to" and Listen. NARROW switches
    every mix page to narrow strips (ConsoleModel::setNarrowStrips): 24 or more across
    1600 px instead of about 9.

    Strips are rebuilt when the session's sources change (asynchronously, so a control is
    never deleted inside its own callback); values follow every session change at once.

    componentID "mix:<mix id>". Message thread only. */
class MixView : public juce::Component,
                private ConsoleModel::Listener,
                private juce::AsyncUpdater
{
public:
    MixView (ConsoleModel& model, std::string mixId);
    ~MixView() override;

    const std::string& getMixId() const noexcept { return mixId; }

    /** The strip for a source, or nullptr. */
    ChannelStrip* findStrip (const std::string& sourceId) const;
    int getNumStrips() const noexcept { return static_cast<int> (strips.size()); }
    MixMasterStrip& getMasterStrip() noexcept { return *masterStrip; }
    juce::TextButton& getListenButton() noexcept { return listenButton; }
    juce::TextButton& getNarrowButton() noexcept { return narrowButton; }
    juce::Viewport& getStripViewport() noexcept { return stripViewport; }

    /** Rebuilds now if a rebuild is pending (tests, screenshots). */
    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuildStrips(); }
    void rebuildStrips();
    void refreshHeader();
    void layOutStrips();
    void showCopyMenu();

    ConsoleModel& model;
    const std::string mixId;

    juce::Label nameLabel, detailLabel;
    juce::TextButton copyButton { "Copy mix to..." }, listenButton { "LISTEN" }, narrowButton { "NARROW" };
    juce::Viewport stripViewport;
    juce::Component stripHolder;
    std::vector<std::unique_ptr<ChannelStrip>> strips;
    std::vector<std::string> stripSources;
    std::unique_ptr<MixMasterStrip> masterStrip;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (MixView)
};

} // namespace foldback
