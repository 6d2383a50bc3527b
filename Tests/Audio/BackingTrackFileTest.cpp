#include "Audio/BackingTrackFile.h"
#include "Audio/DiskStreamer.h"
#include "TrackTestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr double twoPi = 6.283185307179586;

    std::vector<float> readAll (BackingTrackFile& file, int channel = 0)
    {
        const auto length = static_cast<int> (file.getSessionLength());
        std::vector<std::vector<float>> data (2, std::vector<float> (static_cast<std::size_t> (length)));
        float* channels[] = { data[0].data(), data[1].data() };
        // Odd-sized reads, so that every read restarts the resampler at a new phase.
        for (int done = 0; done < length;)
        {
            const int n = std::min (1237, length - done);
            float* at[] = { channels[0] + done, channels[1] + done };
            REQUIRE (file.readSessionFrames (done, n, at));
            done += n;
        }
        return data[static_cast<std::size_t> (channel)];
    }

    /** Writes 16-bit stereo through the writer's integer path: its float path scales by
        0x7fffffff and truncates, which loses a step on positive samples. */
    void writeSixteenBitFile (const std::string& path, juce::AudioFormat& format, std::int64_t numFrames,
                              const std::function<int (std::int64_t, int)>& value)
    {
        const juce::File file (path);
        file.deleteFile();
        auto out = std::make_unique<juce::FileOutputStream> (file);
        std::unique_ptr<juce::AudioFormatWriter> writer (format.createWriterFor (out.get(), 48000.0, 2, 16, {}, 0));
        REQUIRE (writer != nullptr);
        out.release();

        std::vector<int> left (static_cast<std::size_t> (numFrames)), right (left.size());
        for (std::int64_t i = 0; i < numFrames; ++i)
        {
            left[static_cast<std::size_t> (i)] = value (i, 0) * 65536; // left-justified in 32 bits
            right[static_cast<std::size_t> (i)] = value (i, 1) * 65536;
        }
        const int* channels[] = { left.data(), right.data(), nullptr };
        REQUIRE (writer->write (channels, static_cast<int> (numFrames)));
    }


}

TEST_CASE ("A missing, corrupt, truncated or unsupported file is offline with a message naming it", "[tracks]")
{
    TemporaryFolder folder;
    DiskStreamer streamer;

    const auto missing = folder.path ("missing.wav");

    const auto corrupt = folder.path ("corrupt.wav");
    {
        std::ofstream out (corrupt, std::ios::binary);
        std::mt19937 rng (5);
        for (int i = 0; i < 50000; ++i)
            out.put (static_cast<char> (rng() & 0xff));
    }

    const auto truncated = folder.path ("truncated.wav");
    writeCounterWav (truncated, 48000.0, 2, 48000);
    const auto fullSize = std::filesystem::file_size (truncated);
    const auto headerSize = fullSize - 48000 * 2 * sizeof (float);
    std::filesystem::resize_file (truncated, fullSize / 2);
    const auto framesLeft = (fullSize / 2 - headerSize) / (2 * sizeof (float));

    const auto unsupported = folder.path ("notes.txt");
    std::ofstream (unsupported) << "not audio";

    const auto good = folder.path ("good.wav");
    writeCounterWav (good, 48000.0, 1, 4800);

    struct Expectation { std::string path, reason; };
    const std::vector<Expectation> bad {
        { missing, "file not found" },
        { corrupt, "not a readable WAV file" },
        { truncated, "truncated: the header promises 48000 frames, the file holds " + std::to_string (framesLeft) + " frames" },
        { unsupported, "not a supported audio format" },
        { folder.folder.getFullPathName().toStdString(), "is a folder" },
    };

    for (const auto& expected : bad)
    {
        std::vector<double> progress;
        const auto opened = streamer.open (expected.path, 48000.0, 0, 1.0f, [&] (double p) { progress.push_back (p); });

        INFO (opened.message);
        CHECK_FALSE (opened.online);
        CHECK (opened.message.rfind (expected.path + ": ", 0) == 0);
        CHECK (opened.message.find (expected.reason) != std::string::npos);
        REQUIRE (opened.stream != nullptr);
        CHECK (opened.stream->getLengthFrames() == 0);
        CHECK_FALSE (streamer.getStatus (*opened.stream).online);
        REQUIRE_FALSE (progress.empty());
        CHECK (progress.back() == 1.0);

        // An offline track is a silent source, not a broken one.
        const auto out = renderStream (*opened.stream, 0, 960);
        CHECK (out[0] == std::vector<float> (960, 0.0f));
        CHECK (opened.stream->readUnderrunCount() == 0);
    }

    // The rest of the session still loads.
    const auto opened = streamer.open (good, 48000.0, 0, 1.0f);
    CHECK (opened.online);
    CHECK (opened.message.empty());
    CHECK (opened.stream->getLengthFrames() == 4800);
    CHECK (streamer.getStatus (*opened.stream).online);
}

TEST_CASE ("Opening a track reports progress from 0 to 1 as its ring pre-fills", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("long.wav");
    writeCounterWav (path, 48000.0, 2, 48000 * 3);

    DiskStreamer streamer ({ 1.0, 4096 });
    std::vector<double> progress;
    const auto opened = streamer.open (path, 48000.0, 0, 1.0f, [&] (double p) { progress.push_back (p); });

    REQUIRE (opened.online);
    REQUIRE (progress.size() > 5);
    CHECK (progress.front() == 0.0);
    CHECK (progress.back() == 1.0);
    CHECK (std::is_sorted (progress.begin(), progress.end()));

    // Pre-filled without a disk thread: the start plays at once.
    const auto out = renderStream (*opened.stream, 0, 4800);
    for (int i = 0; i < 4800; ++i)
        REQUIRE (out[1][static_cast<std::size_t> (i)] == counterValue (i, 1));
    CHECK (opened.stream->readUnderrunCount() == 0);
}

TEST_CASE ("A file with more than two channels plays its first two and says so", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("quad.wav");
    juce::WavAudioFormat wav;
    writeAudioFile (path, wav, 48000.0, 4, 32, 1000,
                    [] (std::int64_t frame, int channel) { return counterValue (frame, 0) * static_cast<float> (channel + 1); });

    BackingTrackFile file (path, playingAt (48000.0, { folder.path ("cache") }));
    REQUIRE (file.isOnline());
    CHECK (file.getNumChannels() == 2);
    CHECK (file.getMessage() == path + ": 4 channels; playing the first two");
    CHECK (readAll (file, 0)[999] == counterValue (999, 0));
    CHECK (readAll (file, 1)[999] == 2.0f * counterValue (999, 0));
}

TEST_CASE ("Resampling a 44.1 kHz file into a 48 kHz session gives the right length and frequency", "[tracks]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("sine.wav");

    struct Case { double fileRate, sessionRate; };
    const auto c = GENERATE (Case { 44100.0, 48000.0 }, Case { 48000.0, 44100.0 }, Case { 32000.0, 48000.0 });
    const double frequency = 1000.0;
    juce::WavAudioFormat wav;
    writeAudioFile (path, wav, c.fileRate, 1, 32, static_cast<std::int64_t> (c.fileRate), [&] (std::int64_t n, int)
    {
        return static_cast<float> (0.5 * std::sin (twoPi * frequency * static_cast<double> (n) / c.fileRate));
    });

    BackingTrackFile file (path, playingAt (c.sessionRate, { folder.path ("cache") }));
    REQUIRE (file.isOnline());
    CHECK (file.isConverted());
    // One second of file is one second of session, to the frame.
    CHECK (file.getSessionLength() == static_cast<std::int64_t> (c.sessionRate));

    // Each frame is the sine at its own session time: right frequency, no added delay.
    // 2000 frames from either end are left out, where the file starts and stops abruptly
    // and the converter's long linear-phase filter rings.
    const auto out = readAll (file);
    double worst = 0.0;
    for (std::size_t n = 2000; n + 2000 < out.size(); ++n)
    {
        const double ideal = 0.5 * std::sin (twoPi * frequency * static_cast<double> (n) / c.sessionRate);
        worst = std::max (worst, std::abs (out[n] - ideal));
    }
    INFO ("file " << c.fileRate << " Hz, session " << c.sessionRate << " Hz");
    CHECK (worst < 1.0e-4);

    int risingZeroCrossings = 0;
    int expectedCrossings = 0;
    for (std::size_t n = 2001; n + 2000 < out.size(); ++n)
    {
        if (out[n - 1] < 0.0f && out[n] >= 0.0f)
            ++risingZeroCrossings;
        const auto ideal = [&] (std::size_t k) { return std::sin (twoPi * frequency * static_cast<double> (k) / c.sessionRate); };
        if (ideal (n - 1) < 0.0 && ideal (n) >= 0.0)
            ++expectedCrossings;
    }
    CHECK (expectedCrossings > 900);
    CHECK (risingZeroCrossings == expectedCrossings);
}

TEST_CASE ("FLAC, Ogg Vorbis and AIFF files load and play", "[tracks]")
{
    TemporaryFolder folder;
    const std::int64_t frames = 20000;

    SECTION ("lossless formats play every sample exactly")
    {
        // A 16-bit counter per channel: exact through any lossless 16-bit format.
        auto value = [] (std::int64_t frame, int channel)
        {
            return static_cast<int> ((frame * (channel == 0 ? 3 : 7)) % 60000) - 30000;
        };

        juce::FlacAudioFormat flac;
        juce::AiffAudioFormat aiff;
        const std::vector<std::pair<juce::AudioFormat*, std::string>> cases { { &flac, "track.flac" }, { &aiff, "track.aiff" } };

        for (const auto& [format, name] : cases)
        {
            const auto path = folder.path (name);
            writeSixteenBitFile (path, *format, frames, value);
            BackingTrackFile file (path, playingAt (48000.0, { folder.path ("cache") }));
            INFO (name << ": " << file.getMessage());
            REQUIRE (file.isOnline());
            REQUIRE (file.getSessionLength() == frames);
            const auto left = readAll (file, 0);
            const auto right = readAll (file, 1);
            for (std::int64_t i = 0; i < frames; ++i)
            {
                REQUIRE (left[static_cast<std::size_t> (i)] == static_cast<float> (value (i, 0)) / 32768.0f);
                REQUIRE (right[static_cast<std::size_t> (i)] == static_cast<float> (value (i, 1)) / 32768.0f);
            }
        }
    }

    SECTION ("Ogg Vorbis plays its tone at its level")
    {
        const auto path = folder.path ("track.ogg");
        juce::OggVorbisAudioFormat ogg;
        writeAudioFile (path, ogg, 48000.0, 1, 32, frames, [] (std::int64_t n, int)
        {
            return static_cast<float> (0.5 * std::sin (twoPi * 440.0 * static_cast<double> (n) / 48000.0));
        }, 5);

        BackingTrackFile file (path, playingAt (48000.0, { folder.path ("cache") }));
        INFO (file.getMessage());
        REQUIRE (file.isOnline());
        CHECK (file.getSessionLength() == frames);
        const auto out = readAll (file);
        double sumSquares = 0.0;
        for (std::size_t n = 2000; n < 18000; ++n)
            sumSquares += static_cast<double> (out[n]) * out[n];
        const double rms = std::sqrt (sumSquares / 16000.0);
        CHECK (rms == Approx (0.5 / std::sqrt (2.0)).epsilon (0.05)); // lossy: within 5 %
    }
}
