#pragma once

#include "ConsoleModel.h"
#include "QrCodeComponent.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <memory>
#include <string>

namespace foldback
{

class RemoteControl;

/** One performer's remote on the REMOTES page: their link as text and QR code, what they
    may change (the engineer's permissions, saved with the session), their layer of offsets
    over the engineer's mix, and a button to clear it.

    componentID "remoteMix:<mix id>". Message thread only. */
class RemoteMixCard : public juce::Component
{
public:
    RemoteMixCard (ConsoleModel& model, RemoteControl* remotes, std::string mixId);

    /** Reads the session (and the link) again. */
    void refresh();

    const QrCodeComponent& getQrCode() const noexcept { return qrCode; }
    juce::String getLinkText() const { return link.getText(); }

    static constexpr int preferredHeight = 220;

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    ConsoleModel& model;
    RemoteControl* remotes;
    const std::string mixId;

    juce::Label name, layer;
    juce::TextEditor link;
    QrCodeComponent qrCode;
    std::array<std::unique_ptr<juce::ToggleButton>, 5> allowButtons;
    juce::TextButton resetButton { "Reset performer layer" };

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (RemoteMixCard)
};

} // namespace foldback
