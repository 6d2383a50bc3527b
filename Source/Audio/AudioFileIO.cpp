#include "AudioFileIO.h"

#include "FloatWavFileWriter.h"
#include "SoundFile.h"

#include <cstdio>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace foldback
{

AudioData readAudioFile (const std::string& path, double maxSeconds)
{
    const auto fail = [&path] (const std::string& reason) { return std::runtime_error (path + ": " + reason); };

    std::string problem;
    auto file = SoundFile::open (std::filesystem::absolute (path).string(), problem);
    if (file == nullptr)
        throw fail (problem);

    const double rate = file->getSampleRate();
    const int numChannels = file->getNumChannels();
    if (! (rate >= 1000.0 && rate <= 768000.0))
        throw fail ("has an unusable sample rate (" + std::to_string (rate) + " Hz)");
    if (numChannels < 1 || numChannels > maxAudioFileChannels)
        throw fail ("has " + std::to_string (numChannels) + " channels; at most " + std::to_string (maxAudioFileChannels) + " are read");
    if (file->getNumFrames() <= 0)
        throw fail ("the file is empty");

    // Every claim is checked before a sample is allocated: what the header promises as
    // well as what the file holds.
    const auto promised = file->getPromisedFrames();
    if (static_cast<double> (promised) > maxSeconds * rate)
    {
        char text[96];
        std::snprintf (text, sizeof (text), "is %.1f s long; at most %g s is read", static_cast<double> (promised) / rate, maxSeconds);
        throw fail (text);
    }

    const auto frames = file->getNumFrames();
    if (promised > frames)
        throw fail ("truncated or a false header: it promises " + std::to_string (promised) + " frames, the file holds "
                    + std::to_string (frames));

    if (frames > static_cast<std::int64_t> (std::numeric_limits<int>::max()))
        throw fail ("too long to read into memory");

    AudioData data;
    data.sampleRate = rate;
    data.channels.assign (static_cast<std::size_t> (numChannels), std::vector<float> (static_cast<std::size_t> (frames)));
    std::vector<float*> pointers;
    for (auto& channel : data.channels)
        pointers.push_back (channel.data());

    if (! file->read (0, static_cast<int> (frames), pointers.data(), numChannels))
        throw fail ("the audio data cannot be decoded (corrupt or truncated)");
    return data;
}

void writeFloatWav (const std::string& path, const AudioData& audio)
{
    FloatWavFileWriter writer (path, audio.sampleRate, audio.numChannels());
    std::vector<const float*> pointers;
    for (const auto& channel : audio.channels)
        pointers.push_back (channel.data());
    writer.write (pointers.data(), static_cast<int> (audio.numFrames()));
    writer.finish();
}

} // namespace foldback
