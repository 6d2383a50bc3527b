#include "Audio/DiskStreamer.h"
#include "Engine/Engine.h"
#include "TrackTestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr auto patience = std::chrono::seconds (20); // a loaded build machine, never a real wait

    /** The timeline sample each output frame plays, as the transport moves: from `from`,
        wrapping from loopEnd to loopStart when the loop is on. */
    std::vector<std::int64_t> playOrder (std::int64_t from, int numFrames, const LoopRange& loop)
    {
        std::vector<std::int64_t> order;
        for (auto position = from; static_cast<int> (order.size()) < numFrames;)
        {
            order.push_back (position);
            const bool wasBeforeEnd = position < loop.end;
            ++position;
            if (loop.isActive() && wasBeforeEnd && position == loop.end)
                position = loop.start;
        }
        return order;
    }

    /** Renders through the real engine as `foldback render` does: before each block, waits
        until the tracks hold the frames it will play. Returns the mix's left channel. */
    std::vector<float> renderOffline (DiskStreamer& streamer, const std::shared_ptr<TrackStream>& stream,
                                      std::int64_t from, const LoopRange& loop, int numFrames, int blockSize)
    {
        Engine engine;
        engine.prepare (48000.0);

        auto plan = std::make_unique<Plan> (48000.0, Engine::maxFramesPerSegment);
        PlanSource source;
        source.kind = SourceKind::backingTrack;
        source.numChannels = stream->getNumChannels();
        source.timeline = stream;
        plan->sources.push_back (source);
        PlanMix mix;
        PlanSend send;
        send.targetLeft.store (1.0f);
        send.targetRight.store (1.0f);
        mix.sends.push_back (send);
        mix.deviceOutputChannels = { 0, 1 };
        plan->mixes.push_back (mix);
        plan->finalise();
        engine.plans().publish (std::move (plan));

        using Type = EngineCommand::Type;
        streamer.setLoop (loop.enabled, loop.start, loop.end);
        engine.pushCommand (EngineCommand::make (Type::setLoop, loop.start, loop.enabled, loop.end));
        streamer.prepareToPlayFrom (from);
        engine.pushCommand (EngineCommand::make (Type::locate, from));
        engine.pushCommand (EngineCommand::make (Type::play, 0));

        std::vector<float> left (static_cast<std::size_t> (numFrames)), right (left.size());
        auto position = from;
        for (int done = 0; done < numFrames; done += blockSize)
        {
            const int n = std::min (blockSize, numFrames - done);
            REQUIRE (streamer.waitUntilReady (position, n, patience));
            float* outputs[] = { left.data() + done, right.data() + done };
            engine.processBlock (nullptr, 0, outputs, 2, n);
            position = engine.getTransport().readPositionForDisplay();
        }
        return left;
    }
}

TEST_CASE ("A track plays its file's samples exactly at its offset on the timeline", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("counter.wav");
    writeCounterWav (path, 48000.0, 1, 48000 * 3);

    const auto offset = GENERATE (std::int64_t { 0 }, std::int64_t { 12345 }, std::int64_t { -20000 });
    const std::int64_t from = -30000;
    const int frames = 48000 * 3 + 50000;

    DiskStreamer streamer ({ 0.5, 1024 }); // a ring much shorter than the file: it streams
    streamer.prepareToPlayFrom (from);
    const auto opened = streamer.open (path, 48000.0, offset, 1.0f);
    REQUIRE (opened.online);
    streamer.start();

    const auto out = renderOffline (streamer, opened.stream, from, {}, frames, 512);

    for (int i = 0; i < frames; ++i)
    {
        const auto frame = from + i - offset;
        const bool inFile = frame >= 0 && frame < 48000 * 3;
        INFO ("timeline sample " << from + i << ", offset " << offset);
        REQUIRE (out[static_cast<std::size_t> (i)] == (inFile ? counterValue (frame, 0) : 0.0f));
    }
    CHECK (streamer.readTotalUnderruns() == 0);
}

TEST_CASE ("A locate into the middle of a long file plays the right samples", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("long.wav");
    const double rate = 8000.0;
    const std::int64_t length = 8000 * 180; // three minutes
    writeCounterWav (path, rate, 2, length);

    DiskStreamer streamer ({ 1.0, 1024 });
    const auto opened = streamer.open (path, rate, 0, 0.25f);
    REQUIRE (opened.online);
    streamer.start();
    auto& stream = *opened.stream;

    renderStream (stream, 0, 4000);

    const std::int64_t target = 8000 * 121 + 333;
    streamer.prepareToPlayFrom (target);
    REQUIRE (streamer.waitUntilReady (target, 3000, patience));

    const auto out = renderStream (stream, target, 3000, 100);
    for (int i = 0; i < 3000; ++i)
    {
        REQUIRE (out[0][static_cast<std::size_t> (i)] == 0.25f * counterValue (target + i, 0));
        REQUIRE (out[1][static_cast<std::size_t> (i)] == 0.25f * counterValue (target + i, 1));
    }
    CHECK (stream.readUnderrunCount() == 0);
}

TEST_CASE ("A loop plays the right samples across the wrap with no underrun once prefilled", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("loop.wav");
    writeCounterWav (path, 48000.0, 1, 48000 * 4);

    SECTION ("a loop that fits in the ring needs no disk once it is in")
    {
        DiskStreamer streamer ({ 1.0, 1024 });
        const LoopRange loop { true, 30000, 45000 };
        const std::int64_t from = 27000;
        streamer.setLoop (loop.enabled, loop.start, loop.end);
        streamer.prepareToPlayFrom (from);
        const auto opened = streamer.open (path, 48000.0, 0, 1.0f);
        streamer.start();
        REQUIRE (streamer.waitUntilReady (from, static_cast<int> (loop.end - from), patience));

        // Stop the disk thread: every frame from here on must come from the ring.
        streamer.stop();

        const int frames = 15000 * 12;
        const auto order = playOrder (from, frames, loop);
        std::vector<float> out (static_cast<std::size_t> (frames));
        for (int done = 0; done < frames;)
        {
            // Segments end at the wrap, as the engine splits them.
            const auto position = order[static_cast<std::size_t> (done)];
            const int n = static_cast<int> (std::min<std::int64_t> ({ 256, frames - done, loop.end - position }));
            float* channels[] = { out.data() + done };
            opened.stream->renderSegment (rollingSegment (position, position == loop.start), channels, 1, n);
            done += n;
        }

        for (int i = 0; i < frames; ++i)
            REQUIRE (out[static_cast<std::size_t> (i)] == counterValue (order[static_cast<std::size_t> (i)], 0));
        CHECK (opened.stream->readUnderrunCount() == 0);
    }

    SECTION ("a loop longer than the ring streams ahead across the wrap")
    {
        DiskStreamer streamer ({ 0.5, 1024 });
        const LoopRange loop { true, 10000, 10000 + 48000 * 2 };
        const std::int64_t from = 5000;
        streamer.prepareToPlayFrom (from);
        const auto opened = streamer.open (path, 48000.0, 0, 1.0f);
        streamer.start();

        const int frames = 48000 * 5;
        const auto out = renderOffline (streamer, opened.stream, from, loop, frames, 333);
        const auto order = playOrder (from, frames, loop);
        for (int i = 0; i < frames; ++i)
            REQUIRE (out[static_cast<std::size_t> (i)] == counterValue (order[static_cast<std::size_t> (i)], 0));
        CHECK (streamer.readTotalUnderruns() == 0);
    }
}

TEST_CASE ("A slow disk causes counted underruns and silence, and never holds up the audio thread", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("slow.wav");
    const std::int64_t length = 48000 * 20;
    writeCounterWav (path, 48000.0, 1, length);

    DiskStreamer streamer ({ 0.5, 1024 });
    const auto opened = streamer.open (path, 48000.0, 0, 1.0f);
    REQUIRE (opened.online);
    auto& stream = *opened.stream;
    streamer.setReadDelayForTesting (std::chrono::milliseconds (30));
    streamer.start();

    // A locate the disk thread was not told about: nothing can hold those frames yet, so
    // the first segment is silence and one underrun, not a wait.
    const std::int64_t target = 48000 * 10;
    std::vector<float> first (480, 1.0f);
    float* firstChannels[] = { first.data() };
    stream.renderSegment (rollingSegment (target, true), firstChannels, 1, 480);
    CHECK (first == std::vector<float> (480, 0.0f));
    CHECK (stream.readUnderrunCount() == 1);
    CHECK (stream.readMissingFrames() == 480);

    // Playing on faster than the slowed disk reads: whatever the timing, every frame is
    // either the right sample or silence, and the silent ones are exactly those counted.
    const int frames = 48000 * 4;
    std::vector<float> out (static_cast<std::size_t> (frames));
    std::uint64_t segmentsWithSilence = 0;
    for (int done = 0; done < frames; done += 480)
    {
        const auto before = stream.readUnderrunCount();
        float* channels[] = { out.data() + done };
        stream.renderSegment (rollingSegment (target + 480 + done), channels, 1, 480);
        const bool anySilent = std::any_of (out.begin() + done, out.begin() + done + 480, [] (float x) { return x == 0.0f; });
        segmentsWithSilence += anySilent ? 1 : 0;
        REQUIRE (stream.readUnderrunCount() == before + (anySilent ? 1 : 0));
        std::this_thread::sleep_for (std::chrono::microseconds (200));
    }

    std::uint64_t silent = 0;
    for (int i = 0; i < frames; ++i)
    {
        const float x = out[static_cast<std::size_t> (i)];
        if (x == 0.0f)
            ++silent;
        else
            REQUIRE (x == counterValue (target + 480 + i, 0));
    }
    CHECK (segmentsWithSilence > 0);
    CHECK (stream.readMissingFrames() == 480 + silent);
    CHECK (streamer.readTotalUnderruns() == stream.readUnderrunCount());

    // A normal disk again, and a prepared locate: no more underruns.
    streamer.setReadDelayForTesting (std::chrono::microseconds (0));
    const auto underrunsBefore = stream.readUnderrunCount();
    const std::int64_t next = 48000 * 2;
    streamer.prepareToPlayFrom (next);
    REQUIRE (streamer.waitUntilReady (next, 4800, patience));
    const auto after = renderStream (stream, next, 4800, 480, 1);
    for (int i = 0; i < 4800; ++i)
        REQUIRE (after[0][static_cast<std::size_t> (i)] == counterValue (next + i, 0));
    CHECK (stream.readUnderrunCount() == underrunsBefore);
}

TEST_CASE ("An hour-long track plays in the same bounded memory as a short one", "[tracks]")
{
    TemporaryFolder folder;
    const double rate = 8000.0;

    // A real hour of 16-bit mono WAV without writing an hour: a header, a sparse file
    // extended to full length (it reads as silence), and a marker near the end.
    const auto hourPath = folder.path ("hour.wav");
    const std::int64_t hourFrames = 8000LL * 3600;
    const std::int64_t headerBytes = 44;
    {
        std::ofstream wav (hourPath, std::ios::binary);
        auto put = [&wav] (std::uint32_t v, int bytes)
        {
            for (int i = 0; i < bytes; ++i)
                wav.put (static_cast<char> ((v >> (8 * i)) & 0xff));
        };
        const auto dataBytes = static_cast<std::uint32_t> (hourFrames * 2);
        wav << "RIFF";
        put (36 + dataBytes, 4);
        wav << "WAVEfmt ";
        put (16, 4);     // fmt chunk size
        put (1, 2);      // PCM
        put (1, 2);      // mono
        put (8000, 4);   // frames per second
        put (16000, 4);  // bytes per second
        put (2, 2);      // bytes per frame
        put (16, 2);     // bits per sample
        wav << "data";
        put (dataBytes, 4);
    }
    REQUIRE (static_cast<std::int64_t> (std::filesystem::file_size (hourPath)) == headerBytes);
    std::filesystem::resize_file (hourPath, static_cast<std::uintmax_t> (headerBytes + hourFrames * 2));

    const std::int64_t markerAt = hourFrames - 8000 + 77;
    {
        std::fstream wav (hourPath, std::ios::in | std::ios::out | std::ios::binary);
        wav.seekp (headerBytes + markerAt * 2);
        for (int v = 1; v <= 1000; ++v)
        {
            wav.put (static_cast<char> (v & 0xff));
            wav.put (static_cast<char> (v >> 8));
        }
    }

    const auto shortPath = folder.path ("short.wav");
    writeCounterWav (shortPath, rate, 1, 8000 * 10);

    DiskStreamer streamer ({ 1.0, 1024 });
    const auto hour = streamer.open (hourPath, rate, 0, 1.0f);
    const auto ten = streamer.open (shortPath, rate, 0, 1.0f);
    REQUIRE (hour.online);
    REQUIRE (ten.online);
    CHECK (hour.stream->getLengthFrames() == hourFrames);
    CHECK (hour.stream->getBytesAllocated() == ten.stream->getBytesAllocated());
    CHECK (hour.stream->getBytesAllocated() < std::size_t { 64 } * 1024);

    streamer.start();
    const auto target = markerAt - 500;
    streamer.prepareToPlayFrom (target);
    REQUIRE (streamer.waitUntilReady (target, 2000, patience));
    const auto out = renderStream (*hour.stream, target, 2000, 160, 1);
    for (int i = 0; i < 2000; ++i)
    {
        const int v = i >= 500 && i < 1500 ? i - 499 : 0;
        REQUIRE (out[0][static_cast<std::size_t> (i)] == static_cast<float> (v) / 32768.0f);
    }
    CHECK (hour.stream->readUnderrunCount() == 0);
}
