// Backing-track files that misbehave the way files do in a studio: a FIFO where a WAV
// should be, no file descriptors left, a file rewritten or cut short while it plays.

#include "Audio/DiskStreamer.h"
#include "Support/FifoWatchdog.h"
#include "Support/NoFileDescriptorsLeft.h"
#include "TrackTestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr float level = 0.25f;          // the track: a constant, so a fade is easy to see
    constexpr int sessionRate = 48000;
    constexpr auto patience = std::chrono::seconds (20);

    /** Plays `seconds` of a track the way the engine does, in 480-frame segments, each
        after the disk thread has the frames (as `render` waits). At `atSeconds` it calls
        `midway` (which changes the file) and then gives the disk thread the time a real
        audio thread would (it reads seconds ahead of the play head; this loop plays far
        faster than real time): until the track says it is offline, within `patience`.
        Returns what was heard. */
    std::vector<float> playThrough (DiskStreamer& streamer, TrackStream& stream, double seconds, double atSeconds,
                                    const std::function<void()>& midway)
    {
        const auto total = static_cast<int> (seconds * sessionRate);
        const auto at = static_cast<int> (atSeconds * sessionRate);
        std::vector<float> left (static_cast<std::size_t> (total)), right (left.size());

        for (int done = 0; done < total; done += 480)
        {
            if (done == at)
            {
                midway();
                const auto deadline = std::chrono::steady_clock::now() + patience;
                while (streamer.getStatus (stream).online && std::chrono::steady_clock::now() < deadline)
                    std::this_thread::sleep_for (std::chrono::milliseconds (5));
            }
            streamer.waitUntilReady (done, 480, patience);
            float* channels[] = { left.data() + done, right.data() + done };
            stream.renderSegment (rollingSegment (done, done == 0), channels, 2, std::min (480, total - done));
        }
        return left;
    }

    /** A stem bounced an hour ago, as it is in a studio. File times tick coarsely (a few
        milliseconds), so a file rewritten within a tick of being written would keep its
        time and size: no reader could tell. */
    void writeLevelStem (const std::string& path)
    {
        juce::WavAudioFormat wav;
        writeAudioFile (path, wav, sessionRate, 1, 32, 10 * sessionRate, [] (std::int64_t, int) { return level; });
        std::filesystem::last_write_time (path, std::filesystem::last_write_time (path) - std::chrono::hours (1));
    }

    /** A level stem, opened and streaming from its start. */
    struct StreamingStem
    {
        StreamingStem()
        {
            writeLevelStem (path);
            opened = streamer.open (path, sessionRate, 0, 1.0f);
            REQUIRE (opened.online);
            streamer.start();
        }

        TemporaryFolder folder;
        const std::string path = folder.path ("stem.wav");
        DiskStreamer streamer;
        DiskStreamer::OpenedTrack opened;
    };

    /** Writes full-scale noise over the audio in place (as a DAW bouncing to the same name
        does), keeping the header and the length. */
    void overwriteWithNoise (const std::string& path)
    {
        std::fstream file (path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp (200);
        std::mt19937 rng (7);
        std::uniform_real_distribution<float> noise (-1.0f, 1.0f);
        for (int i = 0; i < 9 * sessionRate; ++i)
        {
            const float s = noise (rng);
            file.write (reinterpret_cast<const char*> (&s), sizeof s);
        }
    }

    /** Where the sound ends: the index after the last non-zero sample. */
    std::size_t endOfSound (const std::vector<float>& heard)
    {
        const auto last = std::find_if (heard.rbegin(), heard.rend(), [] (float s) { return s != 0.0f; });
        return static_cast<std::size_t> (heard.rend() - last);
    }

    /** The track is heard as itself, then fades out over 20 ms, then is silent. */
    void checkFadedOutCleanly (const std::vector<float>& heard)
    {
        const auto end = endOfSound (heard);
        const auto fade = static_cast<std::size_t> (0.02 * sessionRate);
        INFO ("the sound ends at frame " << end);
        REQUIRE (end > fade);

        CHECK (std::all_of (heard.begin(), heard.end(), [] (float s) { return std::abs (s) <= level; }));   // never noise
        CHECK (std::all_of (heard.begin(), heard.begin() + static_cast<std::ptrdiff_t> (end - fade),
                            [] (float s) { return s == level; }));
        for (std::size_t i = end - fade + 1; i < end; ++i)
            REQUIRE (heard[i] < heard[i - 1]);       // a steady fade, no step
        CHECK (heard[end - 1] <= level / static_cast<float> (fade) + 1.0e-6f);
    }
}

TEST_CASE ("A backing track rewritten in place while it plays fades out and goes offline, never playing noise", "[tracks][files]")
{
    StreamingStem stem;
    const auto& path = stem.path;
    auto& streamer = stem.streamer;
    auto& opened = stem.opened;

    // One second in, the file is written over.
    const auto heard = playThrough (streamer, *opened.stream, 9.0, 1.0, [&] { overwriteWithNoise (path); });

    checkFadedOutCleanly (heard);
    CHECK (endOfSound (heard) > static_cast<std::size_t> (sessionRate));   // what the ring held played out
    CHECK (opened.stream->readUnderrunCount() == 0);
    const auto status = streamer.getStatus (*opened.stream);
    CHECK_FALSE (status.online);
    CHECK (status.message.rfind (path + ": changed on disk since it was loaded; plays to ", 0) == 0);
}

TEST_CASE ("A backing track rewritten while its ring is full goes offline before play reads on, and fades where the ring ends", "[tracks][files]")
{
    // Parked at the start, the ring holds the first four seconds and the disk thread has
    // nothing to read: the change must be seen without a read, or play (here far faster
    // than real time) would reach the ring's end before anything noticed.
    StreamingStem stem;
    const auto& path = stem.path;
    auto& streamer = stem.streamer;
    auto& opened = stem.opened;

    const auto heard = playThrough (streamer, *opened.stream, 9.0, 0.0, [&] { overwriteWithNoise (path); });

    const auto status = streamer.getStatus (*opened.stream);
    CHECK_FALSE (status.online);
    CHECK (status.message.rfind (path + ": changed on disk since it was loaded; plays to 4.01 s", 0) == 0);
    checkFadedOutCleanly (heard);
    const auto ringEnd = opened.stream->readPlayableEnd();
    CHECK (endOfSound (heard) == static_cast<std::size_t> (ringEnd));
    CHECK (ringEnd >= static_cast<std::int64_t> (4 * sessionRate));   // all the ring held played
    CHECK (opened.stream->readUnderrunCount() == 0);
}

TEST_CASE ("A backing track cut short while it plays fades out where its audio ends instead of stopping dead", "[tracks][files]")
{
    StreamingStem stem;
    const auto& path = stem.path;
    auto& streamer = stem.streamer;
    auto& opened = stem.opened;

    const auto heard = playThrough (streamer, *opened.stream, 9.0, 1.0,
                                    [&] { std::filesystem::resize_file (path, std::filesystem::file_size (path) / 2); });

    INFO (streamer.getStatus (*opened.stream).message << "; underruns " << opened.stream->readUnderrunCount());
    checkFadedOutCleanly (heard);
    CHECK_FALSE (streamer.getStatus (*opened.stream).online);
    CHECK (streamer.getStatus (*opened.stream).message.find ("changed on disk since it was loaded") != std::string::npos);
}

TEST_CASE ("A FIFO as a backing track is offline at once, never opened for a read that waits", "[tracks][files]")
{
    TemporaryFolder folder;
    const auto fifo = folder.path ("track.wav");
    makeFifo (fifo);

    DiskStreamer streamer;
    DiskStreamer::OpenedTrack opened;
    CHECK (returnsWithoutAWriter (fifo, [&] { opened = streamer.open (fifo, sessionRate, 0, 1.0f); }));
    CHECK_FALSE (opened.online);
    CHECK (opened.message == fifo + ": is a FIFO (named pipe), not a regular file");
}

TEST_CASE ("A backing track that cannot be opened for want of file descriptors is offline with the reason", "[tracks][files]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("stem.wav");
    writeCounterWav (path, sessionRate, 2, 4800);
    DiskStreamer streamer;

    const auto opened = [&]
    {
        const NoFileDescriptorsLeft none;
        return streamer.open (path, sessionRate, 0, 1.0f);
    }();

    CHECK_FALSE (opened.online);
    CHECK (opened.message == path + ": cannot be opened: too many open files (this process's limit; raise it with ulimit -n)");
    CHECK (streamer.open (path, sessionRate, 0, 1.0f).online);   // and plays once descriptors are back
}
