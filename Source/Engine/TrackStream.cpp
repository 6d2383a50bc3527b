#include "TrackStream.h"

#include "FiniteCopy.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace foldback
{

namespace
{
    // "Plays on for ever" without overflowing when positions are added to it.
    constexpr std::int64_t unbounded = std::numeric_limits<std::int64_t>::max() / 4;
}

TrackStream::TrackStream (const Layout& l)
    : layout ([&l]
      {
          Layout checked = l;
          checked.numChannels = std::clamp (checked.numChannels, 1, 2);
          checked.blockFrames = std::max (1, checked.blockFrames);
          checked.numSlots = std::max (0, checked.numSlots);
          checked.lengthFrames = checked.numSlots > 0 ? std::max<std::int64_t> (0, checked.lengthFrames) : 0;
          return checked;
      }()),
      samples (static_cast<std::size_t> (layout.numSlots) * static_cast<std::size_t> (layout.numChannels)
                   * static_cast<std::size_t> (layout.blockFrames), 0.0f),
      slotStates (static_cast<std::size_t> (layout.numSlots))
{
    for (auto& state : slotStates)
        state.store (empty, std::memory_order_relaxed);

    playHead.store (layout.initialPlayHead, std::memory_order_relaxed);
    playableEnd.store (layout.lengthFrames, std::memory_order_relaxed);
}

std::size_t TrackStream::getBytesAllocated() const noexcept
{
    return samples.capacity() * sizeof (float) + slotStates.capacity() * sizeof (std::atomic<std::uint64_t>);
}

std::int64_t TrackStream::getNumBlocks() const noexcept
{
    return (layout.lengthFrames + layout.blockFrames - 1) / layout.blockFrames;
}

//==============================================================================
void TrackStream::renderSegment (const TimelineSegment& segment, float* const* channels,
                                 int numChannels, int numFrames) noexcept
{
    if (numFrames <= 0)
        return;

    for (int c = 0; c < numChannels; ++c)
        if (channels[c] != nullptr)
            std::memset (channels[c], 0, sizeof (float) * static_cast<std::size_t> (numFrames));

    // Published even while stopped: the disk thread keeps the blocks at a parked play head.
    playHead.store (segment.position, std::memory_order_relaxed);
    noteArrival (segment.position);

    if (! segment.rolling)
        return;

    // The file's end, or earlier where the file stopped being playable.
    const auto fileEnd = layout.offset + std::min (layout.lengthFrames, playableEnd.load (std::memory_order_acquire));
    const auto first = std::max (segment.position, layout.offset);
    const auto last = std::min (segment.position + numFrames, fileEnd);
    const float g = gain.load (std::memory_order_relaxed);
    std::int64_t missing = 0;

    for (auto position = first; position < last;)
    {
        const auto frame = position - layout.offset;
        const auto block = frame / layout.blockFrames;
        const auto within = static_cast<int> (frame - block * layout.blockFrames);
        const auto count = static_cast<int> (std::min<std::int64_t> (last - position, layout.blockFrames - within));

        if (! copyFromBlock (block, within, count, channels, numChannels,
                             static_cast<int> (position - segment.position), g))
            missing += count;

        position += count;
    }

    if (fileEnd < layout.offset + layout.lengthFrames && first < last)
        applyEndFade (segment.position, first, last, fileEnd, channels, numChannels);

    if (missing > 0)
    {
        underruns.fetch_add (1, std::memory_order_relaxed);
        missingFrames.fetch_add (static_cast<std::uint64_t> (missing), std::memory_order_relaxed);
    }
}

bool TrackStream::copyFromBlock (std::int64_t block, int firstFrame, int count, float* const* channels,
                                 int numChannels, int destOffset, float g) noexcept
{
    const int slot = pinReadySlot (block);
    if (slot < 0)
        return false;

    for (int c = 0; c < numChannels; ++c)
    {
        if (channels[c] == nullptr)
            continue;

        // A mono file feeds both channels of a stereo source.
        const float* src = slotData (slot, std::min (c, layout.numChannels - 1)) + firstFrame;
        float* dest = channels[c] + destOffset;

        // Sanitised here, in the one pass over the data: a file can hold NaN or infinity,
        // and the engine trusts timeline sources to render finite samples.
        kernels::copyFiniteScaled (dest, src, count, g);
    }

    // Release: our reads of the slot happen before the producer may refill it.
    slotStates[static_cast<std::size_t> (slot)].store (encode (block, ready), std::memory_order_release);
    return true;
}

void TrackStream::applyEndFade (std::int64_t segmentStart, std::int64_t first, std::int64_t last, std::int64_t endOnTimeline,
                                float* const* channels, int numChannels) const noexcept
{
    const auto fade = std::max (1, layout.fadeOutFrames);
    const auto fadeStart = std::max (first, endOnTimeline - fade);

    // Gain (end - p) / fade at timeline frame p: a function of the position alone.
    for (int c = 0; c < numChannels; ++c)
    {
        if (channels[c] == nullptr)
            continue;

        for (auto p = fadeStart; p < last; ++p)
            channels[c][p - segmentStart] *= static_cast<float> (endOnTimeline - p) / static_cast<float> (fade);
    }
}

int TrackStream::pinReadySlot (std::int64_t block) noexcept
{
    const auto wanted = encode (block, ready);

    // One attempt per slot, never a retry loop: a slot the producer has just taken is a miss.
    auto tryPin = [this, wanted, block] (int slot)
    {
        auto expected = wanted;
        return slotStates[static_cast<std::size_t> (slot)].compare_exchange_strong (
            expected, encode (block, reading), std::memory_order_acquire, std::memory_order_relaxed);
    };

    // Consecutive segments almost always play from the block the last one played from.
    if (lastSlot >= 0 && tryPin (lastSlot))
        return lastSlot;

    for (int slot = 0; slot < layout.numSlots; ++slot)
    {
        if (slot != lastSlot
            && slotStates[static_cast<std::size_t> (slot)].load (std::memory_order_relaxed) == wanted
            && tryPin (slot))
        {
            lastSlot = slot;
            return slot;
        }
    }

    return -1;
}

void TrackStream::noteArrival (std::int64_t position) noexcept
{
    const auto serial = hintSerial.load (std::memory_order_acquire);

    if (serial != hintArrivedSerial.load (std::memory_order_relaxed)
        && hintPosition.load (std::memory_order_relaxed) == position)
        hintArrivedSerial.store (serial, std::memory_order_release);
}

//==============================================================================
void TrackStream::setPrefetchHint (std::int64_t timelinePosition) noexcept
{
    hintPosition.store (timelinePosition, std::memory_order_relaxed);
    hintSerial.fetch_add (1, std::memory_order_release);
}

std::optional<std::int64_t> TrackStream::readPrefetchHint() const noexcept
{
    if (hintSerial.load (std::memory_order_acquire) == hintArrivedSerial.load (std::memory_order_acquire))
        return std::nullopt;

    return hintPosition.load (std::memory_order_relaxed);
}

void TrackStream::collectBlocksAhead (std::int64_t timelinePosition, const LoopRange& loop, std::int64_t maxFrames,
                                      std::size_t maxBlocks, std::vector<std::int64_t>& blocks) const
{
    if (layout.lengthFrames <= 0)
        return;

    auto addBlocksFor = [&] (std::int64_t playStart, std::int64_t playEnd)
    {
        const auto firstFrame = std::max (playStart, layout.offset) - layout.offset;
        const auto endFrame = std::min (playEnd, layout.offset + layout.lengthFrames) - layout.offset;

        for (auto block = firstFrame / layout.blockFrames;
             firstFrame < endFrame && block <= (endFrame - 1) / layout.blockFrames && blocks.size() < maxBlocks;
             ++block)
        {
            if (std::find (blocks.begin(), blocks.end(), block) == blocks.end())
                blocks.push_back (block);
        }
    };

    auto position = timelinePosition;
    auto framesLeft = std::clamp<std::int64_t> (maxFrames, 0, unbounded);

    // As the transport plays: on to the loop end and back to the loop start (a play head
    // at or past the loop end does not wrap). Two stretches cover every block a loop uses.
    for (int stretch = 0; stretch < 2 && framesLeft > 0 && blocks.size() < maxBlocks; ++stretch)
    {
        const bool wraps = loop.isActive() && position < loop.end;
        const auto stretchEnd = wraps ? loop.end : unbounded;
        const auto playEnd = stretchEnd - position <= framesLeft ? stretchEnd : position + framesLeft;

        addBlocksFor (position, playEnd);
        framesLeft -= playEnd - position;

        if (! wraps)
            break;

        position = loop.start;
    }
}

//==============================================================================
bool TrackStream::isReadyToPlayFrom (std::int64_t timelinePosition) const noexcept
{
    if (layout.numSlots <= 1 || layout.lengthFrames <= 0)
        return true;

    // Half a ring, as DiskStreamer::waitUntilReady asks: the disk thread fills the whole ring
    // ahead of a parked play head, so this much is there well before the rest.
    const auto span = static_cast<std::int64_t> ((layout.numSlots - 1) / 2) * layout.blockFrames;
    const auto fileEnd = std::min (layout.lengthFrames, playableEnd.load (std::memory_order_acquire));
    const auto first = std::max<std::int64_t> (0, timelinePosition - layout.offset);
    const auto last = std::min (fileEnd, timelinePosition - layout.offset + span);

    for (auto block = first / layout.blockFrames; first < last && block * layout.blockFrames < last; ++block)
        if (! isBlockReady (block))
            return false;
    return true;
}

bool TrackStream::isBlockReady (std::int64_t block) const noexcept
{
    for (const auto& state : slotStates)
    {
        const auto value = state.load (std::memory_order_acquire);
        if (value == encode (block, ready) || value == encode (block, reading))
            return true;
    }
    return false;
}

bool TrackStream::isBlockResident (std::int64_t block) const noexcept
{
    for (const auto& state : slotStates)
    {
        const auto value = state.load (std::memory_order_acquire);
        if ((value & 3u) != empty && (value >> 2) == static_cast<std::uint64_t> (block))
            return true;
    }
    return false;
}

int TrackStream::beginFill (std::int64_t block, std::span<const std::int64_t> keepSorted) noexcept
{
    for (int slot = 0; slot < layout.numSlots; ++slot)
    {
        auto expected = std::uint64_t { empty };
        if (slotStates[static_cast<std::size_t> (slot)].compare_exchange_strong (
                expected, encode (block, filling), std::memory_order_acquire, std::memory_order_relaxed))
            return slot;
    }

    for (int slot = 0; slot < layout.numSlots; ++slot)
    {
        auto& state = slotStates[static_cast<std::size_t> (slot)];
        auto expected = state.load (std::memory_order_relaxed);

        if ((expected & 3u) != ready
            || std::binary_search (keepSorted.begin(), keepSorted.end(), static_cast<std::int64_t> (expected >> 2)))
            continue;

        // Acquire: the audio thread's last reads of this slot happen before our writes.
        if (state.compare_exchange_strong (expected, encode (block, filling),
                                           std::memory_order_acquire, std::memory_order_relaxed))
            return slot;
    }

    return -1;
}

float* TrackStream::getFillBuffer (int slot, int channel) noexcept
{
    return slotData (slot, channel);
}

float* TrackStream::slotData (int slot, int channel) noexcept
{
    const auto index = (static_cast<std::size_t> (slot) * static_cast<std::size_t> (layout.numChannels)
                        + static_cast<std::size_t> (channel)) * static_cast<std::size_t> (layout.blockFrames);
    return samples.data() + index;
}

void TrackStream::endFill (int slot) noexcept
{
    auto& state = slotStates[static_cast<std::size_t> (slot)];
    const auto block = static_cast<std::int64_t> (state.load (std::memory_order_relaxed) >> 2);
    state.store (encode (block, ready), std::memory_order_release);
}

void TrackStream::abandonFill (int slot) noexcept
{
    slotStates[static_cast<std::size_t> (slot)].store (empty, std::memory_order_release);
}

void TrackStream::endPlayableAt (std::int64_t fileFrame) noexcept
{
    const auto wanted = std::max<std::int64_t> (0, fileFrame);
    auto current = playableEnd.load (std::memory_order_relaxed);

    while (wanted < current && ! playableEnd.compare_exchange_weak (current, wanted, std::memory_order_release,
                                                                     std::memory_order_relaxed))
    {
    }
}

} // namespace foldback
