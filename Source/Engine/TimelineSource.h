#pragma once

#include <cstdint>

namespace foldback
{

/** The beat grid another timebase master (JACK's) publishes for one cycle: where in its bar
    the cycle's first frame is, and the tempo for the cycle. JACK gives one bar, beat, tick
    and tempo per cycle, so within a cycle the grid runs on at that tempo; the next cycle's
    anchor puts it back on whatever the master says. Plain data; queries are wait-free. */
struct BeatGrid
{
    std::int64_t anchor = 0;       ///< timeline sample where beatInBar holds (the cycle's first frame)
    std::int64_t barIndex = 0;     ///< the master's bar number - 1
    double beatInBar = 0.0;        ///< (beat - 1) + tick / ticksPerBeat
    int beatsPerBar = 4;
    double framesPerBeat = 24000.0;

    /** A step of the grid (1/subdivisions of a beat) counted from this bar's first beat. */
    std::int64_t sampleOfStep (std::int64_t step, int subdivisions) const noexcept;

    /** The first step whose sample is at or after `sample`. */
    std::int64_t firstStepAtOrAfter (std::int64_t sample, int subdivisions) const noexcept;

    /** Steps counted from the master's bar 1 (assuming this bar's meter throughout): the same
        onset has the same number in consecutive cycles. */
    std::int64_t absoluteStep (std::int64_t step, int subdivisions) const noexcept
    {
        return barIndex * beatsPerBar * subdivisions + step;
    }
};

/** Where the transport is for one stretch of frames, handed to every timeline source.
    Within one segment the timeline is contiguous: the engine splits blocks at loop wraps,
    at the end of a count-in and at queued commands. */
struct TimelineSegment
{
    std::int64_t position = 0;      ///< timeline sample of the first frame (0 = bar 1 beat 1)
    bool rolling = false;           ///< the timeline advances (false: stopped or counting in)
    bool countingIn = false;        ///< a count-in is sounding; the timeline waits at `position`
    std::int64_t countInElapsed = 0; ///< samples of count-in already played before this segment
    std::int64_t countInLength = 0;  ///< the whole count-in, in samples
    bool relocated = false;         ///< the play head jumped just before this segment
    const BeatGrid* grid = nullptr; ///< another timebase master's grid for this block, else the tempo map's
};

/** A source whose audio follows the transport: a backing track or the click.
    Owned through the Plan by shared pointer, so it is destroyed on the message thread. */
class TimelineSource
{
public:
    virtual ~TimelineSource() = default;

    /** Audio thread: writes numFrames frames of each channel for the segment, every
        sample finite (the engine does not check again). Wait-free, no allocation, no I/O. */
    virtual void renderSegment (const TimelineSegment& segment, float* const* channels,
                                int numChannels, int numFrames) noexcept = 0;

    /** Audio thread (JACK's sync callback, in the process thread) or any thread: whether a
        roll from `timelinePosition` would play without a gap (a backing track: its ring holds
        the frames from there). Wait-free, no allocation, never waits. */
    virtual bool isReadyToPlayFrom (std::int64_t timelinePosition) const noexcept { (void) timelinePosition; return true; }

    /** Audio thread, when a new plan replaces this source with another for the same id:
        take over whatever is still sounding (a click's ringing tail). Wait-free. */
    virtual void continueFromSource (const TimelineSource& previous) noexcept { (void) previous; }
};

} // namespace foldback
