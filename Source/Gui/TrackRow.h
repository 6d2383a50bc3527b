#pragma once

#include "ConsoleModel.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One backing track in the tracks panel: its name, file, online or offline state with
    the reason (from SessionPlayer::getTrackStatuses()), gain, timeline offset, and a
    remove button. Edits go through the document.

    componentID "track:<track id>"; controls "gain", "offset", "remove", "status".
    Message thread only. */
class TrackRow : public juce::Component
{
public:
    static constexpr int preferredHeight = 74;

    TrackRow (ConsoleModel& model, std::string trackId);

    const std::string& getTrackId() const noexcept { return trackId; }
    juce::String getStatusText() const { return status.getText(); }

    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    ConsoleModel& model;
    const std::string trackId;
    juce::Label name, file, status, offsetTitle, offset;
    WheelSafeSlider gain { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    juce::TextButton remove { "Remove" };
    bool online = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TrackRow)
};

} // namespace foldback
