#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace foldback
{

/** A vertical LED-style level meter: RMS as a solid column, the peak as a bright bar, and
    a peak hold that stays for two seconds; green up to -12 dBFS, amber to -3, red above.

    It reads its level through a function on a timer (40 frames a second), so the audio
    thread is never disturbed: the function reads the engine's atomics, never locks.
    Repaints only when what it shows has changed. Message thread only. */
class LevelMeterComponent : public juce::Component,
                            private juce::Timer
{
public:
    static constexpr float minDb = -60.0f;
    static constexpr float maxDb = 6.0f;
    static constexpr float amberDb = -12.0f;
    static constexpr float redDb = -3.0f;
    static constexpr int framesPerSecond = 40;

    using Reader = std::function<MeterReading()>;

    LevelMeterComponent();

    /** Where the meter reads its level from; it starts reading at once. */
    void setReader (Reader newReader);

    /** Reads once now (the timer does this on its own; tests and screenshots call it). */
    void refresh();

    /** The dB value the peak hold shows, or minDb when silent. */
    float getPeakHoldDb() const noexcept { return peakHoldDb; }

    /** Maps a dB value to the meter's height fraction [0, 1]. */
    static float dbToProportion (float db) noexcept;

    void paint (juce::Graphics&) override;

private:
    void timerCallback() override { refresh(); }

    Reader reader;
    float peakDb = minDb, rmsDb = minDb, peakHoldDb = minDb;
    double peakHoldUntilMs = 0.0;
    bool present = false;
    int paintedPeak = -1, paintedRms = -1, paintedHold = -1;
};

} // namespace foldback
