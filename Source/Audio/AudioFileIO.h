#pragma once

#include <string>
#include <vector>

namespace foldback
{

/** Audio held in memory: one vector per channel. */
struct AudioData
{
    double sampleRate = 0.0;
    std::vector<std::vector<float>> channels;

    int numChannels() const noexcept { return static_cast<int> (channels.size()); }
    std::size_t numFrames() const noexcept { return channels.empty() ? 0 : channels.front().size(); }
};

/** Reads a whole audio file (WAV, AIFF, FLAC, Ogg Vorbis). Throws std::runtime_error with a
    message that names the file and the reason. Not for the audio thread. */
AudioData readAudioFile (const std::string& path);

/** Writes 32-bit float WAV (through FloatWavFileWriter). Throws std::runtime_error naming
    the file. Not for the audio thread. */
void writeFloatWav (const std::string& path, const AudioData& audio);

} // namespace foldback
