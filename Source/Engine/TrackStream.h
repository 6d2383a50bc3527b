#pragma once

#include "TimelineSource.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace foldback
{

/** A loop on the timeline as the disk side sees it: [start, end) when enabled. */
struct LoopRange
{
    bool enabled = false;
    std::int64_t start = 0;
    std::int64_t end = 0;

    bool isActive() const noexcept { return enabled && end > start; }
};

/** A backing track streamed from disk: a TimelineSource of 1 or 2 channels that plays a
    file placed on the timeline, from a fixed set of preallocated blocks that a disk thread
    keeps filled ahead of the play head.

    The file, at the session's sample rate, is cut into blocks of getBlockFrames() frames;
    block b holds the file's frames [b * blockFrames, (b + 1) * blockFrames). The ring is
    getNumSlots() slots, each holding one block, addressed by block number rather than by
    play order: a loop that wraps, or a locate back to where the play head just was, finds
    the blocks it needs already there, and nothing the producer predicted wrongly ever has
    to be flushed in order. Memory is numSlots x blockFrames x channels floats, fixed at
    construction, whatever the length of the file.

    Each slot has one atomic state word (block number and empty/filling/ready/reading).
    The audio thread pins a ready slot with one compare-exchange while it copies from it;
    the disk thread only ever takes a slot that is empty or ready, with a compare-exchange
    too, so neither side waits for the other and no sample is read while it is written.

    Threads: renderSegment() is the audio thread's (the one consumer). beginFill(),
    getFillBuffer(), endFill() are the one producer's: the disk thread, or whoever opens the
    track before handing it to the disk thread. Everything else is safe from any thread. */
class TrackStream final : public TimelineSource
{
public:
    struct Layout
    {
        int numChannels = 1;             ///< 1 or 2
        std::int64_t lengthFrames = 0;   ///< the file's length at the session rate; 0 plays silence
        std::int64_t offset = 0;         ///< timeline sample of the file's first frame (may be negative)
        int blockFrames = 4096;
        int numSlots = 48;               ///< 0 allocates nothing (an offline track)
        std::int64_t initialPlayHead = 0;
        int fadeOutFrames = 960;         ///< the fade before a playable end (endPlayableAt)
    };

    /** Message thread: allocates every buffer the stream will ever use. */
    explicit TrackStream (const Layout& layout);

    TrackStream (const TrackStream&) = delete;
    TrackStream& operator= (const TrackStream&) = delete;

    //==============================================================================
    /** Audio thread only; wait-free, no allocation, no locks, never waits.
        Writes the file's frames for the segment's timeline positions (times the gain), and
        silence while stopped or counting in, and before the file's start or after its end.
        Frames the ring does not hold are silence and count one underrun for the segment.
        Publishes the play head, which is where the disk thread refills from. */
    void renderSegment (const TimelineSegment& segment, float* const* channels,
                        int numChannels, int numFrames) noexcept override;

    /** Any thread, the audio thread included; wait-free, no allocation: whether the ring
        holds every block of the file among the next half ring of frames from
        `timelinePosition` (what the disk thread fills first from a parked play head), so a
        roll from there plays without an underrun. True for a track with nothing to play
        there. */
    bool isReadyToPlayFrom (std::int64_t timelinePosition) const noexcept override;

    //==============================================================================
    int getNumChannels() const noexcept           { return layout.numChannels; }
    std::int64_t getLengthFrames() const noexcept { return layout.lengthFrames; }
    std::int64_t getOffset() const noexcept       { return layout.offset; }
    int getBlockFrames() const noexcept           { return layout.blockFrames; }
    int getNumSlots() const noexcept              { return layout.numSlots; }

    /** Any thread: the bytes of audio and slot state this stream allocated, once, at
        construction. Depends on the slot count, block size and channels only. */
    std::size_t getBytesAllocated() const noexcept;

    /** Any thread. A linear trim applied as is (no ramp: the mix sends ramp fader moves). */
    void setGain (float newGain) noexcept        { gain.store (newGain, std::memory_order_relaxed); }
    float getGain() const noexcept                { return gain.load (std::memory_order_relaxed); }

    /** Any thread: segments that lacked frames the file has, since construction. */
    std::uint64_t readUnderrunCount() const noexcept { return underruns.load (std::memory_order_relaxed); }

    /** Any thread: frames played as silence because the ring did not hold them. */
    std::uint64_t readMissingFrames() const noexcept { return missingFrames.load (std::memory_order_relaxed); }

    /** Any thread: the timeline position of the last segment the audio thread rendered. */
    std::int64_t readPlayHead() const noexcept   { return playHead.load (std::memory_order_relaxed); }

    //==============================================================================
    /** Any thread except the audio thread: ask the producer to fill from `timelinePosition`
        as well as from the play head, until the audio thread renders a segment starting
        there (the locate has landed) or another hint replaces this one. */
    void setPrefetchHint (std::int64_t timelinePosition) noexcept;

    /** Any thread: the pending hint, if the audio thread has not arrived at it yet. */
    std::optional<std::int64_t> readPrefetchHint() const noexcept;

    /** Disk or message thread, never the audio thread (it may grow `blocks`): appends to
        `blocks`, in the order they will play from `timelinePosition`
        (following the loop if it is active), the numbers of the blocks that hold the file's
        frames among the next `maxFrames` timeline frames, skipping blocks already in the
        list and stopping when it has `maxBlocks` entries. Silence before or after the file
        needs no blocks. */
    void collectBlocksAhead (std::int64_t timelinePosition, const LoopRange& loop, std::int64_t maxFrames,
                             std::size_t maxBlocks, std::vector<std::int64_t>& blocks) const;

    /** Any thread: whether `block` can be played now. */
    bool isBlockReady (std::int64_t block) const noexcept;

    /** Producer: whether `block` is ready, being filled or being played. */
    bool isBlockResident (std::int64_t block) const noexcept;

    /** The number of blocks the file spans. */
    std::int64_t getNumBlocks() const noexcept;

    //==============================================================================
    /** Producer: claims a slot for `block`: an empty one, else one whose block is not in
        `keepSorted` (ascending). Returns -1 if every slot is wanted or being played. */
    int beginFill (std::int64_t block, std::span<const std::int64_t> keepSorted) noexcept;

    /** Producer: where to write channel `channel` of the block claimed in `slot`
        (getBlockFrames() floats). */
    float* getFillBuffer (int slot, int channel) noexcept;

    /** Producer: publishes the block written into `slot`; the audio thread may play it now. */
    void endFill (int slot) noexcept;

    /** Producer: gives back a slot claimed by beginFill() without publishing it (its read
        failed): the slot is empty again and its block is not played. */
    void abandonFill (int slot) noexcept;

    //==============================================================================
    /** Any thread but the audio thread; wait-free. The file's frames from `fileFrame` on
        must never be played (the file changed under the stream, so what would be read
        there is not this track's audio). The audio thread fades the track out over the
        fadeOutFrames before that frame, from its file position alone (so the fade is the
        same whatever the block size), and plays silence from it on, counting no underruns.
        Only ever moves the end earlier. */
    void endPlayableAt (std::int64_t fileFrame) noexcept;

    /** Any thread: the end set by endPlayableAt(), or the file's length. */
    std::int64_t readPlayableEnd() const noexcept { return playableEnd.load (std::memory_order_acquire); }

private:
    enum State : std::uint64_t { empty = 0, filling = 1, ready = 2, reading = 3 };

    static std::uint64_t encode (std::int64_t block, State state) noexcept
    {
        return (static_cast<std::uint64_t> (block) << 2) | state;
    }

    float* slotData (int slot, int channel) noexcept;
    int pinReadySlot (std::int64_t block) noexcept;
    bool copyFromBlock (std::int64_t block, int firstFrame, int count, float* const* channels,
                        int numChannels, int destOffset, float g) noexcept;
    void applyEndFade (std::int64_t segmentStart, std::int64_t first, std::int64_t last, std::int64_t endOnTimeline,
                       float* const* channels, int numChannels) const noexcept;
    void noteArrival (std::int64_t position) noexcept;

    const Layout layout;
    std::vector<float> samples;                        // numSlots x numChannels x blockFrames
    std::vector<std::atomic<std::uint64_t>> slotStates;

    std::atomic<float> gain { 1.0f };
    std::atomic<std::uint64_t> underruns { 0 };
    std::atomic<std::uint64_t> missingFrames { 0 };
    std::atomic<std::int64_t> playHead { 0 };
    std::atomic<std::int64_t> playableEnd { 0 };          // file frame; the length until endPlayableAt()

    std::atomic<std::int64_t> hintPosition { 0 };
    std::atomic<std::uint64_t> hintSerial { 0 };       // bumped by whoever sets a hint
    std::atomic<std::uint64_t> hintArrivedSerial { 0 }; // written by the audio thread only

    int lastSlot = -1;                                 // audio thread's: where the last block was
};

} // namespace foldback
