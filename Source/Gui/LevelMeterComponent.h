#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <array>
#include <functional>

namespace foldback
{

class MeterClock;

/** A vertical LED-style level meter: RMS as a solid column, the peak as a bright bar, and
    a peak hold that stays for two seconds; green up to -12 dBFS, amber to -3, red above.
    A stereo source or mix shows two columns side by side, left and right.

    It reads its level through a function each frame of the console's MeterClock (only
    while it is showing), so the audio thread is never disturbed: the function reads the
    engine's atomics, never locks. Repaints only the rows where what it shows has moved by a visible step
    (an LED segment, or a pixel of the hold bar).
    Message thread only. */
class LevelMeterComponent : public juce::Component
{
public:
    static constexpr float minDb = -60.0f;
    static constexpr float maxDb = 6.0f;
    static constexpr float amberDb = -12.0f;
    static constexpr float redDb = -3.0f;

    using Reader = std::function<MeterReading()>;

    LevelMeterComponent();
    ~LevelMeterComponent() override;

    /** Where the meter reads its level from; it reads once at once and then on each frame
        of `clock` while showing (no clock: only when refresh() is called, as in tests). */
    void setReader (Reader newReader, MeterClock* clock);

    /** Reads once now (the clock does this; tests and screenshots call it). */
    void refresh();

    /** The dB value the peak hold shows (the louder channel's), or minDb when silent. */
    float getPeakHoldDb() const noexcept { return juce::jmax (channels[0].peakHoldDb, channels[1].peakHoldDb); }
    /** One column's peak hold: channel 0 is left (a mono meter's only column), 1 right. */
    float getChannelPeakHoldDb (int channel) const noexcept { return channels[static_cast<std::size_t> (channel & 1)].peakHoldDb; }
    /** 1, or 2 for a stereo source or mix. */
    int getNumColumns() const noexcept { return numColumns; }
    /** How many times refresh() asked for a repaint (tests: only when something moved). */
    int getNumRepaintsAsked() const noexcept { return repaintsAsked; }
    /** The rows of the meter its last repaint asked for (tests: only what changed). */
    const juce::RectangleList<int>& getLastRepaintArea() const noexcept { return lastRepaintArea; }

    /** Maps a dB value to the meter's height fraction [0, 1]. */
    static float dbToProportion (float db) noexcept;

    void paint (juce::Graphics&) override;

private:
    struct Column
    {
        float peakDb = minDb, rmsDb = minDb, peakHoldDb = minDb;
        double peakHoldUntilMs = 0.0;
        int paintedPeak = -1, paintedRms = -1; ///< lit segments
        int paintedHold = -1;                  ///< the hold bar's row
    };

    void paintColumn (juce::Graphics&, const Column&, juce::Rectangle<float> area) const;
    static int litSegments (float db, float height) noexcept;

    Reader reader;
    MeterClock* clock = nullptr;
    std::array<Column, 2> channels;
    int numColumns = 1;
    bool present = false;
    int repaintsAsked = 0;
    juce::RectangleList<int> lastRepaintArea;
};

} // namespace foldback
