#pragma once

#include "ConsoleModel.h"
#include "SetupInputRow.h"
#include "SetupMixRow.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace foldback
{

/** The SETUP page: where the engineer builds the session. Along the top the talkback mic,
    the LISTEN outputs and the remotes' address and ports; below, the inputs (left) and the
    performers' mixes (right), each a list with an Add button, that scrolls on its own at
    64 inputs and 16 mixes. Every change is one edit of the document (InputEdits.h,
    MixEdits.h, RoutingEdits.h): validated, undoable, audited, and a refused one says why
    in the status bar.

    componentID "setupPanel"; "setup:talkback", "setup:listen", "setup:remoteAddress",
    "setup:httpPort", "setup:oscPort", "setup:addInput", "setup:addMix", and the rows
    (SetupInputRow, SetupMixRow). Message thread only. */
class SetupPanel : public juce::Component,
                   private ConsoleModel::Listener,
                   private juce::AsyncUpdater
{
public:
    explicit SetupPanel (ConsoleModel& model);
    ~SetupPanel() override;

    /** Rebuilds the rows now if inputs or mixes were added, removed or reordered (tests). */
    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    SetupInputRow* findInputRow (const std::string& inputId) const;
    SetupMixRow* findMixRow (const std::string& mixId) const;
    juce::TextButton& getAddInputButton() noexcept { return addInput; }
    juce::TextButton& getAddMixButton() noexcept   { return addMix; }
    juce::ComboBox& getTalkbackChoice() noexcept   { return talkback; }
    juce::ComboBox& getListenChoice() noexcept     { return listen; }
    juce::Label& getRemoteAddressField() noexcept  { return remoteAddress; }
    juce::Label& getHttpPortField() noexcept       { return httpPort; }
    juce::Label& getOscPortField() noexcept        { return oscPort; }
    juce::Viewport& getInputScroller() noexcept    { return inputScroller; }
    juce::Viewport& getMixScroller() noexcept      { return mixScroller; }

    void paint (juce::Graphics&) override;
    void resized() override;
    void visibilityChanged() override;

private:
    /** What this page shows of a session, to skip refreshing for a fader move. */
    struct SetupView
    {
        std::vector<LiveInput> inputs;
        std::vector<std::tuple<std::string, std::vector<int>, double>> mixes; ///< name, outputs, ceiling
        std::vector<int> talkback, listen;
        RemoteSettings remote;

        static SetupView of (const Session&);
        bool operator== (const SetupView&) const = default;
    };

    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuildRows(); }
    void rebuildRows();
    void refreshAll();
    void refreshRouting();
    void layOutRows();
    void addNewInput();
    void addNewMix();
    void applyPorts();

    ConsoleModel& model;
    juce::Label title, talkbackCaption, listenCaption, addressCaption, httpCaption, oscCaption, inputsTitle, mixesTitle;
    juce::ComboBox talkback, listen;
    juce::Label remoteAddress, httpPort, oscPort;
    juce::TextButton addInput { "+ Add input" }, addMix { "+ Add mix" };
    juce::Viewport inputScroller, mixScroller;
    juce::Component inputHolder, mixHolder;
    std::vector<std::unique_ptr<SetupInputRow>> inputRows;
    std::vector<std::unique_ptr<SetupMixRow>> mixRows;
    std::vector<std::string> builtInputs, builtMixes;
    SetupView shown;
    bool stale = true;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (SetupPanel)
};

} // namespace foldback
