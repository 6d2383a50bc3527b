#pragma once

#include "EngineCommand.h"
#include "RelaxedAtomic.h"
#include "TimelineSource.h"

#include <cstdint>

namespace foldback
{

/** The one sample-counting timeline that backing tracks and the click both follow.
    Bar 1 beat 1 is sample 0. A roll may start with a count-in, during which the timeline
    waits and only the click sounds; a loop wraps the timeline at its end, exactly.

    handle(), framesUntilBoundary(), advance(): audio thread only, wait-free.
    read*ForDisplay(): any thread. */
class Transport
{
public:
    /** Audio thread: applies a transport command. Returns false for other commands. */
    bool handle (const EngineCommand& command) noexcept;

    /** Audio thread: how many of the next `wanted` frames share one contiguous timeline
        (the segment ends where a count-in ends or a loop wraps). Always at least 1. */
    int framesUntilBoundary (int wanted) const noexcept;

    /** Audio thread: the segment starting now. */
    TimelineSegment currentSegment() const noexcept;

    /** Audio thread: moves on by a segment of `frames` frames. */
    void advance (int frames) noexcept;

    /** Audio thread, at the start of a device block: the timeline belongs to another
        transport (JACK's) for this block: stand or roll at `timelinePosition`. While
        following, there is no count-in and no loop of our own (the other transport's loop
        reaches us as a locate), and play, stop and locate commands are ignored; a position
        other than where the last block left off counts as a locate. */
    void follow (bool rolling, std::int64_t timelinePosition) noexcept;

    /** Audio thread: back to our own clock, stopped where the followed transport left us. */
    void stopFollowing() noexcept;

    bool isFollowing() const noexcept { return following; }

    /** While no audio callback runs (Engine::prepare): the device now runs at `newRate`
        instead of `oldRate`. Every position (the play head, the loop, the count-in) keeps
        its time in seconds, so a JACK server that comes back at another rate resumes the
        song where it was, not at the same sample count. */
    void changeSampleRate (double oldRate, double newRate) noexcept;

    std::int64_t readPositionForDisplay() const noexcept { return displayPosition.load(); }
    bool readRollingForDisplay() const noexcept          { return displayRolling.load(); }
    bool readCountingInForDisplay() const noexcept       { return displayCountingIn.load(); }

private:
    void publishDisplay() noexcept;

    std::int64_t position = 0;
    bool playing = false;
    std::int64_t countInLength = 0;
    std::int64_t countInElapsed = 0;
    bool looping = false;
    std::int64_t loopStart = 0;
    std::int64_t loopEnd = 0;
    bool relocated = true;
    bool following = false;

    RelaxedAtomic<std::int64_t> displayPosition { 0 };
    RelaxedAtomic<bool> displayRolling { false };
    RelaxedAtomic<bool> displayCountingIn { false };
};

} // namespace foldback
