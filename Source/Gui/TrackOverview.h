#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** A backing track's waveform at a glance, as it plays: the peak level of each of a few
    hundred stretches of the file that streams (the track itself, or its converted copy at
    the session's rate), so the engineer sees where the track has audio, where it is
    silent and how hot it is.

    The peaks are read once, on a background thread, and kept for the process by file
    (path and identity), so rebuilding the Tracks page or editing the session never reads
    a file again, and a file that changed on disk is read afresh. Nothing runs while the
    peaks are known, and nothing repaints but when they arrive.

    componentID "overview". Message thread only. */
class TrackOverview : public juce::Component
{
public:
    static constexpr int numColumns = 400;

    TrackOverview();
    ~TrackOverview() override;

    /** The file to show (empty: none). Starts reading it when it is not known yet. */
    void setFile (const std::string& path);

    /** Whether the peaks are there to draw (tests wait for it). */
    bool hasPeaks() const noexcept { return peaks != nullptr; }

    /** [0, 1] per column, the louder channel; empty until hasPeaks(). */
    const std::vector<float>& getPeaks() const noexcept;

    void paint (juce::Graphics&) override;

private:
    struct Reader;
    std::string path, readerKey;
    std::unique_ptr<Reader> reader;
    std::shared_ptr<const std::vector<float>> peaks;
    std::shared_ptr<bool> alive = std::make_shared<bool> (true);

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TrackOverview)
};

} // namespace foldback
