// Conversion of a backing track to the session's rate: the quality it promises (no
// aliasing when downsampling, no images when upsampling, no delay), measured.

#include "Audio/AudioFileIO.h"
#include "Audio/SoundFile.h"
#include "Audio/TrackConversion.h"
#include "TrackTestFiles.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr double twoPi = 6.283185307179586;

    AudioData sine (double rate, double frequency, double amplitude, int frames)
    {
        AudioData audio;
        audio.sampleRate = rate;
        audio.channels.assign (1, std::vector<float> (static_cast<std::size_t> (frames)));
        for (int n = 0; n < frames; ++n)
            audio.channels[0][static_cast<std::size_t> (n)] = static_cast<float> (amplitude * std::sin (twoPi * frequency * n / rate));
        return audio;
    }

    AudioData convert (const TemporaryFolder& folder, const AudioData& input, double sessionRate, const std::string& name)
    {
        const auto source = folder.path (name + ".wav");
        const auto converted = folder.path (name + "-converted.wav");
        writeFloatWav (source, input);

        std::string error;
        auto file = SoundFile::open (source, error);
        REQUIRE (file != nullptr);
        REQUIRE (convertToSessionRate (*file, converted, sessionRate) == "");
        return readAudioFile (converted, 600.0);
    }

    double rmsDb (const std::vector<float>& x, std::size_t from, std::size_t to)
    {
        double sum = 0.0;
        for (std::size_t n = from; n < to; ++n)
            sum += static_cast<double> (x[n]) * x[n];
        return 10.0 * std::log10 (std::max (sum / static_cast<double> (to - from), 1e-300));
    }

    /** The error against the ideal sine at the output rate, relative to that sine, in dB:
        every image, alias and distortion the conversion adds. */
    double errorDb (const std::vector<float>& x, double rate, double frequency, double amplitude, std::size_t from, std::size_t to)
    {
        double error = 0.0, signal = 0.0;
        for (std::size_t n = from; n < to; ++n)
        {
            const double ideal = amplitude * std::sin (twoPi * frequency * static_cast<double> (n) / rate);
            error += (x[n] - ideal) * (x[n] - ideal);
            signal += ideal * ideal;
        }
        return 10.0 * std::log10 (std::max (error, 1e-300) / signal);
    }
}

TEST_CASE ("Converting 96 kHz to 48 kHz keeps a 20 kHz tone and removes a 28 kHz one instead of aliasing it to 20 kHz", "[tracks][conversion]")
{
    TemporaryFolder folder;
    const int frames = 96000 * 2;

    // Steady state: a quarter of a second from either end, where the file starts and stops.
    const std::size_t from = 12000, to = 96000 - 12000;

    // 28 kHz is above the 48 kHz session's Nyquist frequency (24 kHz): a converter that
    // does not lower its cut-off folds it to 48 - 28 = 20 kHz, in the middle of the band.
    const auto alias = convert (folder, sine (96000.0, 28000.0, 0.5, frames), 48000.0, "alias");
    REQUIRE (alias.sampleRate == 48000.0);
    REQUIRE (alias.numFrames() == 96000);
    const double aliasDb = rmsDb (alias.channels[0], from, to) - 20.0 * std::log10 (0.5 / std::sqrt (2.0));
    WARN ("96 -> 48 kHz, 28 kHz tone: what is left of it, relative to the input: " << aliasDb << " dB");
    CHECK (aliasDb < -120.0);

    // 20 kHz is inside the band and must come through whole, at its level and phase.
    const auto kept = convert (folder, sine (96000.0, 20000.0, 0.5, frames), 48000.0, "kept");
    const double keptErrorDb = errorDb (kept.channels[0], 48000.0, 20000.0, 0.5, from, to);
    const double keptLevelDb = rmsDb (kept.channels[0], from, to) - 20.0 * std::log10 (0.5 / std::sqrt (2.0));
    WARN ("96 -> 48 kHz, 20 kHz tone: level " << keptLevelDb << " dB, error against the ideal tone " << keptErrorDb << " dB");
    CHECK (std::abs (keptLevelDb) < 0.01);
    CHECK (keptErrorDb < -100.0);
}

TEST_CASE ("Converting 44.1 kHz to 48 kHz adds no image of a 1 kHz tone and no delay", "[tracks][conversion]")
{
    TemporaryFolder folder;

    // Upsampling leaves images at 44.1 +- 1 kHz unless filtered; at 48 kHz the one at
    // 43.1 kHz folds to 4.9 kHz. Everything that is not the ideal 1 kHz tone at the
    // session's rate, placed where the file put it, counts against the conversion.
    const auto out = convert (folder, sine (44100.0, 1000.0, 0.5, 44100 * 2), 48000.0, "tone");
    REQUIRE (out.sampleRate == 48000.0);
    CHECK (out.numFrames() == 96000);
    const double toneErrorDb = errorDb (out.channels[0], 48000.0, 1000.0, 0.5, 12000, 84000);
    WARN ("44.1 -> 48 kHz, 1 kHz tone: error against the ideal tone (images, aliases, delay) " << toneErrorDb << " dB");
    CHECK (toneErrorDb < -120.0);

    // An impulse one second into the file is one second into the session, to the frame.
    AudioData click;
    click.sampleRate = 44100.0;
    click.channels.assign (1, std::vector<float> (44100 * 2, 0.0f));
    click.channels[0][44100] = 1.0f;
    const auto moved = convert (folder, click, 48000.0, "impulse");
    const auto peak = std::max_element (moved.channels[0].begin(), moved.channels[0].end(),
                                        [] (float a, float b) { return std::abs (a) < std::abs (b); });
    CHECK (peak - moved.channels[0].begin() == 48000);
}

TEST_CASE ("A conversion writes its file whole or not at all, and can be cancelled", "[tracks][conversion]")
{
    TemporaryFolder folder;
    const auto source = folder.path ("long.wav");
    writeFloatWav (source, sine (44100.0, 440.0, 0.5, 44100 * 4));
    const auto target = folder.path ("long-converted.wav");

    std::string error;
    auto file = SoundFile::open (source, error);
    REQUIRE (file != nullptr);

    int calls = 0;
    std::vector<double> progress;
    const auto result = convertToSessionRate (*file, target, 48000.0, [&] (double p) { progress.push_back (p); },
                                              [&] { return ++calls > 1; });
    CHECK (result == "cancelled");
    CHECK_FALSE (std::filesystem::exists (target));
    CHECK (std::distance (std::filesystem::directory_iterator (folder.folder.getFullPathName().toStdString()),
                          std::filesystem::directory_iterator()) == 1); // no temporary file left behind

    progress.clear();
    REQUIRE (convertToSessionRate (*file, target, 48000.0, [&] (double p) { progress.push_back (p); }) == "");
    CHECK (std::filesystem::exists (target));
    REQUIRE (progress.size() >= 2);
    CHECK (std::is_sorted (progress.begin(), progress.end()));
    CHECK (progress.back() == 1.0);
}

TEST_CASE ("A sound converted whole keeps its onset on its frame", "[tracks][conversion]")
{
    // A custom click at 44.1 kHz in a 48 kHz session: its attack must not move.
    std::vector<float> click (4410, 0.0f);
    click[441] = 1.0f;
    const auto out = resampleWhole (click, 44100.0, 48000.0);
    CHECK (out.size() == 4800);
    const auto peak = std::max_element (out.begin(), out.end(), [] (float a, float b) { return std::abs (a) < std::abs (b); });
    CHECK (peak - out.begin() == 480);
}
