#pragma once

#include "AuditList.h"
#include "ConsoleModel.h"
#include "RemoteMixCard.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <string>
#include <vector>

namespace foldback
{

class RemoteControl;

/** The REMOTES page: the switch that turns remote control on (off until the engineer
    turns it on), where it listens, each performer's link and QR code with what they may
    change, and the audit list of who changed what, with revert.

    `remotes` may be null (tests without networking): the page then says so.
    componentID "remotesPanel". Message thread only. */
class RemotesPanel : public juce::Component,
                     private ConsoleModel::Listener,
                     private juce::Timer
{
public:
    RemotesPanel (ConsoleModel& model, RemoteControl* remotes);
    ~RemotesPanel() override;

    RemoteMixCard* findCard (const std::string& mixId) const;
    AuditList& getAuditList() noexcept { return audit; }
    juce::ToggleButton& getEnableSwitch() noexcept { return enableSwitch; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override;
    void timerCallback() override { refreshStatus(); }
    void rebuildCards();
    void refreshStatus();

    ConsoleModel& model;
    RemoteControl* remotes;
    juce::Label title, status, engineerToken;
    juce::ToggleButton enableSwitch { "Remote control on" };
    juce::Viewport cardViewport;
    juce::Component cardHolder;
    std::vector<std::unique_ptr<RemoteMixCard>> cards;
    std::vector<std::string> cardMixes;
    AuditList audit;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (RemotesPanel)
};

} // namespace foldback
