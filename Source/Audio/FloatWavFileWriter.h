#pragma once

#include <memory>
#include <string>

namespace juce { class AudioFormatWriter; }

namespace foldback
{

/** Streams 32-bit float WAV to a temporary file beside the target and renames it into
    place on finish(), so nobody ever sees half a file and a failed render leaves no
    corrupt WAV behind. Throws std::runtime_error naming the file. Not for the audio thread. */
class FloatWavFileWriter
{
public:
    FloatWavFileWriter (const std::string& path, double sampleRate, int numChannels);
    ~FloatWavFileWriter();

    void write (const float* const* channels, int numFrames);
    void finish();

private:
    std::string path, temporaryPath;
    int numChannels;
    std::unique_ptr<juce::AudioFormatWriter> writer;
};

} // namespace foldback
