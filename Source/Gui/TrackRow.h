#pragma once

#include "ConsoleModel.h"
#include "SourceColourButton.h"
#include "TrackOverview.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>

namespace foldback
{

/** One backing track in the tracks panel: its name, file and what the file is (format,
    rate, channels, length), online (and whether a converted copy at the session's rate
    plays) or offline with the reason (from SessionPlayer::getTrackStatuses()), a waveform
    overview, its colour, gain, timeline offset, and a remove button. Edits go through the
    document.

    componentID "track:<track id>" (its colour swatch "track:<track id>:colour"); controls
    named "colour", "gain", "offset", "remove", "status".
    Message thread only. */
class TrackRow : public juce::Component
{
public:
    static constexpr int preferredHeight = 108;

    TrackRow (ConsoleModel& model, std::string trackId);

    const std::string& getTrackId() const noexcept { return trackId; }
    juce::String getStatusText() const { return status.getText(); }
    juce::String getFileText() const { return file.getText(); }
    const TrackOverview& getOverview() const noexcept { return overview; }
    SourceColourButton& getColourButton() noexcept    { return colour; }

    void refreshFromSession();

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    std::string resolvedTrackPath (const BackingTrack& track) const;

    ConsoleModel& model;
    const std::string trackId;
    juce::Label name, file, status, offsetTitle, offset;
    WheelSafeSlider gain { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    SourceColourButton colour;
    juce::TextButton remove { "Remove" };
    TrackOverview overview;
    bool online = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TrackRow)
};

} // namespace foldback
