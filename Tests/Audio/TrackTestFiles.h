#pragma once

// Audio files for the backing-track tests, generated in a temporary folder that is
// removed afterwards: no audio is stored in git.

#include "Audio/AudioFileIO.h"
#include "Audio/BackingTrackFile.h"
#include "Engine/TrackStream.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace foldback::test
{

/** A fresh folder under the system's temporary folder, deleted with everything in it. */
struct TemporaryFolder
{
    TemporaryFolder()
        : folder (juce::File::getSpecialLocation (juce::File::tempDirectory)
                      .getChildFile ("foldback-tracks-" + juce::Uuid().toString())) // unique across processes
    {
        folder.createDirectory();
    }

    ~TemporaryFolder() { folder.deleteRecursively(); }

    std::string path (const std::string& name) const { return folder.getChildFile (name).getFullPathName().toStdString(); }

    juce::File folder;
};

/** Sample of `frame` in channel `channel`: every frame of a counter file names itself.
    (frame + 1) * 2^-24 is exact in a float, never zero, and below 1 for 16.7 M frames. */
inline float counterValue (std::int64_t frame, int channel)
{
    const auto v = static_cast<float> (frame + 1) * (1.0f / 16777216.0f);
    return channel == 0 ? v : -v;
}

/** Writes a file with `format`, `bits` per sample, from fn (frame, channel). */
inline void writeAudioFile (const std::string& path, juce::AudioFormat& format, double rate, int numChannels,
                            int bits, std::int64_t numFrames, const std::function<float (std::int64_t, int)>& fn,
                            int quality = 0)
{
    const juce::File file (path);
    file.deleteFile();
    auto out = std::make_unique<juce::FileOutputStream> (file);
    REQUIRE (out->openedOk());

    std::unique_ptr<juce::AudioFormatWriter> writer (
        format.createWriterFor (out.get(), rate, static_cast<unsigned int> (numChannels), bits, {}, quality));
    REQUIRE (writer != nullptr);
    out.release(); // the writer owns the stream now

    juce::AudioBuffer<float> buffer (numChannels, 8192);
    for (std::int64_t done = 0; done < numFrames;)
    {
        const int n = static_cast<int> (std::min<std::int64_t> (8192, numFrames - done));
        for (int c = 0; c < numChannels; ++c)
            for (int i = 0; i < n; ++i)
                buffer.setSample (c, i, fn (done + i, c));
        REQUIRE (writer->writeFromAudioSampleBuffer (buffer, 0, n));
        done += n;
    }
}

/** A 32-bit float WAV whose every sample is counterValue(). */
inline void writeCounterWav (const std::string& path, double rate, int numChannels, std::int64_t numFrames)
{
    juce::WavAudioFormat wav;
    writeAudioFile (path, wav, rate, numChannels, 32, numFrames, counterValue);
}

inline TimelineSegment rollingSegment (std::int64_t position, bool relocated = false)
{
    TimelineSegment s;
    s.position = position;
    s.rolling = true;
    s.relocated = relocated;
    return s;
}

/** What the audio thread hears from one stream: frames [from, from + numFrames) of the
    timeline, rendered in segments of `segmentFrames`. */
inline std::vector<std::vector<float>> renderStream (TrackStream& stream, std::int64_t from, int numFrames,
                                                     int segmentFrames = 480, int numChannels = 2)
{
    std::vector<std::vector<float>> out (static_cast<std::size_t> (numChannels),
                                         std::vector<float> (static_cast<std::size_t> (numFrames)));
    for (int done = 0; done < numFrames; done += segmentFrames)
    {
        const int n = std::min (segmentFrames, numFrames - done);
        std::vector<float*> channels;
        for (auto& c : out)
            channels.push_back (c.data() + done);
        stream.renderSegment (rollingSegment (from + done, done == 0), channels.data(), numChannels, n);
    }
    return out;
}

/** How a test opens a track: at `sessionRate`, converting into `cacheFolders`. */
inline TrackOpenOptions playingAt (double sessionRate, std::vector<std::string> cacheFolders)
{
    TrackOpenOptions how;
    how.sessionSampleRate = sessionRate;
    how.cacheFolders = std::move (cacheFolders);
    return how;
}

/** A 32-bit float WAV of a sine on every channel. */
inline void writeToneWav (const std::string& path, double rate, int numChannels, double seconds, double amplitude,
                          double frequency = 440.0)
{
    AudioData audio;
    audio.sampleRate = rate;
    audio.channels.assign (static_cast<std::size_t> (numChannels), std::vector<float> (static_cast<std::size_t> (rate * seconds)));
    for (auto& channel : audio.channels)
        for (std::size_t n = 0; n < channel.size(); ++n)
            channel[n] = static_cast<float> (amplitude * std::sin (6.283185307179586 * frequency * static_cast<double> (n) / rate));
    writeFloatWav (path, audio);
}

} // namespace foldback::test
