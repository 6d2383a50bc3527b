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

/** Reads a whole audio file (any format SoundFile reads) of at most `maxSeconds`.

    Only a regular file is opened (never a FIFO or device: nothing blocks), and every limit
    is checked against what the header claims before anything is allocated: its length,
    its channels (at most maxAudioFileChannels), and, for uncompressed audio, that the file
    holds as many bytes as the header promises, so a lying header costs nothing.
    Compressed files are decoded at their own rate, whole.

    Throws std::runtime_error with a message that names the file and the reason. Not for
    the audio thread. */
AudioData readAudioFile (const std::string& path, double maxSeconds);

/** More channels than any file Foldback reads needs (7.1.4 is 12). */
inline constexpr int maxAudioFileChannels = 64;

/** Writes 32-bit float WAV (through FloatWavFileWriter). Throws std::runtime_error naming
    the file. Not for the audio thread. */
void writeFloatWav (const std::string& path, const AudioData& audio);

} // namespace foldback
