#include "Engine/TrackStream.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace foldback;

namespace
{
    // Every frame of the "file" is its own index plus one (channel 1: negated), so a
    // played sample names the frame it came from and silence (0) is never a valid frame.
    float frameValue (std::int64_t frame, int channel)
    {
        const auto v = static_cast<float> (frame + 1);
        return channel == 0 ? v : -v;
    }

    bool fill (TrackStream& stream, std::int64_t block, std::span<const std::int64_t> keep = {})
    {
        const int slot = stream.beginFill (block, keep);
        if (slot < 0)
            return false;

        for (int c = 0; c < stream.getNumChannels(); ++c)
        {
            float* dest = stream.getFillBuffer (slot, c);
            for (int i = 0; i < stream.getBlockFrames(); ++i)
                dest[i] = frameValue (block * stream.getBlockFrames() + i, c);
        }
        stream.endFill (slot);
        return true;
    }

    void fillAll (TrackStream& stream)
    {
        for (std::int64_t b = 0; b < stream.getNumBlocks(); ++b)
            REQUIRE (fill (stream, b));
    }

    TimelineSegment rollingAt (std::int64_t position)
    {
        TimelineSegment s;
        s.position = position;
        s.rolling = true;
        return s;
    }

    /** Plays [from, from + frames) of the timeline in segments of random sizes. */
    std::vector<std::vector<float>> play (TrackStream& stream, std::int64_t from, int frames, int numChannels, unsigned seed)
    {
        std::vector<std::vector<float>> out (static_cast<std::size_t> (numChannels),
                                             std::vector<float> (static_cast<std::size_t> (frames), 99.0f));
        std::mt19937 rng (seed);
        std::uniform_int_distribution<int> size (1, 600);

        for (int done = 0; done < frames;)
        {
            const int n = std::min (size (rng), frames - done);
            std::vector<float*> channels;
            for (auto& c : out)
                channels.push_back (c.data() + done);
            stream.renderSegment (rollingAt (from + done), channels.data(), numChannels, n);
            done += n;
        }
        return out;
    }

    TrackStream::Layout layout (int channels, std::int64_t length, std::int64_t offset, int blockFrames = 256, int slots = 16)
    {
        TrackStream::Layout l;
        l.numChannels = channels;
        l.lengthFrames = length;
        l.offset = offset;
        l.blockFrames = blockFrames;
        l.numSlots = slots;
        return l;
    }
}

TEST_CASE ("A track stream plays the file's frames exactly at its offset on the timeline", "[tracks]")
{
    const auto offset = GENERATE (std::int64_t { 0 }, std::int64_t { 1000 }, std::int64_t { -700 });
    TrackStream stream (layout (2, 3000, offset));
    stream.setGain (0.5f);
    fillAll (stream);

    const std::int64_t from = -1500;
    const int frames = 6000;
    const auto out = play (stream, from, frames, 2, 7);

    for (int i = 0; i < frames; ++i)
    {
        const auto frame = from + i - offset;
        const bool inFile = frame >= 0 && frame < 3000;
        INFO ("timeline sample " << from + i);
        REQUIRE (out[0][static_cast<std::size_t> (i)] == (inFile ? 0.5f * frameValue (frame, 0) : 0.0f));
        REQUIRE (out[1][static_cast<std::size_t> (i)] == (inFile ? 0.5f * frameValue (frame, 1) : 0.0f));
    }
    CHECK (stream.readUnderrunCount() == 0);
    CHECK (stream.readMissingFrames() == 0);
}

TEST_CASE ("A stopped or counting-in transport plays silence and counts no underrun", "[tracks]")
{
    TrackStream stream (layout (1, 3000, 0));
    fillAll (stream);

    std::vector<float> out (256, 1.0f);
    float* channels[] = { out.data() };

    TimelineSegment stopped;
    stopped.position = 100;
    stream.renderSegment (stopped, channels, 1, 256);
    CHECK (out == std::vector<float> (256, 0.0f));

    TimelineSegment countingIn = stopped;
    countingIn.countingIn = true;
    std::fill (out.begin(), out.end(), 1.0f);
    stream.renderSegment (countingIn, channels, 1, 256);
    CHECK (out == std::vector<float> (256, 0.0f));

    CHECK (stream.readUnderrunCount() == 0);
    CHECK (stream.readPlayHead() == 100);
}

TEST_CASE ("Frames missing from the ring play as silence and count one underrun per segment", "[tracks]")
{
    TrackStream stream (layout (1, 256 * 8, 0));
    REQUIRE (fill (stream, 0));
    REQUIRE (fill (stream, 2)); // block 1 is missing

    std::vector<float> out (3 * 256, 99.0f);
    float* channels[] = { out.data() };
    stream.renderSegment (rollingAt (0), channels, 1, 3 * 256);

    for (int i = 0; i < 3 * 256; ++i)
    {
        const bool missing = i >= 256 && i < 512;
        REQUIRE (out[static_cast<std::size_t> (i)] == (missing ? 0.0f : frameValue (i, 0)));
    }
    CHECK (stream.readUnderrunCount() == 1);
    CHECK (stream.readMissingFrames() == 256);

    float* again[] = { out.data() };
    stream.renderSegment (rollingAt (300), again, 1, 10);
    CHECK (stream.readUnderrunCount() == 2);
    CHECK (stream.readMissingFrames() == 266);
}

TEST_CASE ("A mono track fills both channels of a stereo source", "[tracks]")
{
    TrackStream stream (layout (1, 1000, 0));
    fillAll (stream);
    const auto out = play (stream, 0, 1000, 2, 3);
    CHECK (out[0] == out[1]);
    CHECK (out[0][999] == frameValue (999, 0));
}

TEST_CASE ("The producer never evicts a block that is still wanted", "[tracks]")
{
    TrackStream stream (layout (1, 256 * 100, 0, 256, 4));
    for (std::int64_t b = 0; b < 4; ++b)
        REQUIRE (fill (stream, b));

    const std::vector<std::int64_t> keepAll { 0, 1, 2, 3 };
    CHECK (stream.beginFill (9, keepAll) == -1);

    const std::vector<std::int64_t> keepSome { 0, 1, 3 };
    REQUIRE (fill (stream, 9, keepSome));
    CHECK (stream.isBlockReady (9));
    CHECK_FALSE (stream.isBlockReady (2));
    for (std::int64_t b : keepSome)
        CHECK (stream.isBlockReady (b));
}

TEST_CASE ("Blocks ahead follow the play order through a loop", "[tracks]")
{
    // Blocks of 100 frames; the file covers timeline [1000, 3000): blocks 0..19.
    TrackStream stream (layout (1, 2000, 1000, 100, 64));
    std::vector<std::int64_t> blocks;

    SECTION ("without a loop, from before the file's start")
    {
        stream.collectBlocksAhead (0, {}, 1550, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 0, 1, 2, 3, 4, 5 });
    }

    SECTION ("a loop inside the file, entered from before it")
    {
        stream.collectBlocksAhead (1250, { true, 1800, 2050 }, 1 << 30, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 2, 3, 4, 5, 6, 7, 8, 9, 10 });
    }

    SECTION ("inside a loop: to its end, then from its start")
    {
        stream.collectBlocksAhead (1950, { true, 1300, 2050 }, 1 << 30, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 9, 10, 3, 4, 5, 6, 7, 8 });
    }

    SECTION ("limited by frames across the wrap")
    {
        stream.collectBlocksAhead (1950, { true, 1300, 2050 }, 250, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 9, 10, 3, 4 });
    }

    SECTION ("at the loop end the play head does not wrap")
    {
        stream.collectBlocksAhead (2050, { true, 1300, 2050 }, 300, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 10, 11, 12, 13 });
    }

    SECTION ("limited by block count, without duplicates")
    {
        blocks = { 4 };
        stream.collectBlocksAhead (1250, {}, 1 << 30, 5, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 4, 2, 3, 5, 6 });
    }

    SECTION ("a loop after the file's end needs nothing more")
    {
        stream.collectBlocksAhead (2850, { true, 5000, 6000 }, 1 << 30, 64, blocks);
        CHECK (blocks == std::vector<std::int64_t> { 18, 19 });
    }
}

TEST_CASE ("A prefetch hint stays until the audio thread renders from there", "[tracks]")
{
    TrackStream stream (layout (1, 1000, 0));
    CHECK_FALSE (stream.readPrefetchHint().has_value());

    stream.setPrefetchHint (500);
    REQUIRE (stream.readPrefetchHint() == std::optional<std::int64_t> (500));

    std::vector<float> out (64);
    float* channels[] = { out.data() };
    stream.renderSegment (rollingAt (0), channels, 1, 64);
    CHECK (stream.readPrefetchHint() == std::optional<std::int64_t> (500));

    TimelineSegment arrived;
    arrived.position = 500;
    stream.renderSegment (arrived, channels, 1, 64);
    CHECK_FALSE (stream.readPrefetchHint().has_value());
    CHECK (stream.readPlayHead() == 500);
}

TEST_CASE ("Ring memory depends on the ring size, never on the file's length", "[tracks]")
{
    TrackStream shortTrack (layout (2, 48000LL * 10, 0, 4096, 48));
    TrackStream longTrack (layout (2, 48000LL * 3600 * 3, 0, 4096, 48));
    CHECK (shortTrack.getBytesAllocated() == longTrack.getBytesAllocated());
    CHECK (longTrack.getBytesAllocated() < std::size_t { 2 } * 1024 * 1024);
    CHECK (longTrack.getBytesAllocated() >= std::size_t { 48 } * 4096 * 2 * sizeof (float));
}

TEST_CASE ("Blocks refilled while the audio thread plays are never read half-written", "[tracks]")
{
    // A producer keeps evicting and refilling blocks; every frame the consumer plays must be
    // either the right frame or silence (an underrun), never a mix of old and new data.
    constexpr int blockFrames = 64;
    constexpr std::int64_t numBlocks = 8;
    TrackStream stream (layout (2, blockFrames * numBlocks, 0, blockFrames, 3));
    std::atomic<bool> done { false };

    std::thread producer ([&]
    {
        std::mt19937 rng (11);
        std::uniform_int_distribution<std::int64_t> pick (0, numBlocks - 1);
        while (! done.load())
        {
            const auto block = pick (rng);
            if (! stream.isBlockResident (block))
                fill (stream, block);
        }
    });

    std::uint64_t wrong = 0, played = 0;
    std::vector<float> left (blockFrames * numBlocks), right (blockFrames * numBlocks);
    // At least 3000 passes, and on until the producer has been scheduled and something has
    // played (a loaded machine may not run it at first); bounded, never timed.
    for (int pass = 0; pass < 3000 || (played == 0 && pass < 1000000); ++pass)
    {
        if (played == 0)
            std::this_thread::yield();
        float* channels[] = { left.data(), right.data() };
        stream.renderSegment (rollingAt (0), channels, 2, static_cast<int> (left.size()));
        for (std::size_t i = 0; i < left.size(); ++i)
        {
            if (left[i] == 0.0f && right[i] == 0.0f)
                continue;
            ++played;
            const auto frame = static_cast<std::int64_t> (i);
            if (left[i] != frameValue (frame, 0) || right[i] != frameValue (frame, 1))
                ++wrong;
        }
    }
    done.store (true);
    producer.join();

    CHECK (wrong == 0);
    CHECK (played > 0);
}

TEST_CASE ("A playable end fades the track out before it, the same at any block size, and then plays silence without underruns",
           "[tracks]")
{
    constexpr std::int64_t end = 3000;
    constexpr int fade = 480;

    auto playWithEnd = [=] (unsigned seed)
    {
        auto l = layout (1, 8192, 0, 256, 32);
        l.fadeOutFrames = fade;
        TrackStream stream (l);
        fillAll (stream);
        stream.endPlayableAt (end);
        stream.endPlayableAt (end + 1000);   // only ever earlier
        auto out = play (stream, 0, 6000, 1, seed);
        CHECK (stream.readUnderrunCount() == 0);
        CHECK (stream.readPlayableEnd() == end);
        return out[0];
    };

    const auto out = playWithEnd (1);
    for (std::int64_t p = 0; p < end - fade; ++p)
        REQUIRE (out[static_cast<std::size_t> (p)] == frameValue (p, 0));
    for (std::int64_t p = end - fade; p < end; ++p)
        REQUIRE (out[static_cast<std::size_t> (p)]
                 == frameValue (p, 0) * (static_cast<float> (end - p) / static_cast<float> (fade)));
    for (std::int64_t p = end; p < 6000; ++p)
        REQUIRE (out[static_cast<std::size_t> (p)] == 0.0f);

    CHECK (playWithEnd (2) == out);
    CHECK (playWithEnd (3) == out);
}

TEST_CASE ("An abandoned fill leaves its slot empty and its block unplayable", "[tracks]")
{
    TrackStream stream (layout (1, 1024, 0));
    const int slot = stream.beginFill (0, {});
    REQUIRE (slot >= 0);
    stream.abandonFill (slot);
    CHECK_FALSE (stream.isBlockResident (0));
    CHECK_FALSE (stream.isBlockReady (0));
    CHECK (stream.beginFill (0, {}) == slot);
}
