#include "AudioFileIO.h"

#include "FloatWavFileWriter.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <stdexcept>

namespace foldback
{

AudioData readAudioFile (const std::string& path)
{
    const juce::File file (juce::File::getCurrentWorkingDirectory().getChildFile (path));
    if (! file.existsAsFile())
        throw std::runtime_error (path + ": file not found");

    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    std::unique_ptr<juce::AudioFormatReader> reader (formats.createReaderFor (file));
    if (reader == nullptr)
        throw std::runtime_error (path + ": not a readable WAV, AIFF, FLAC or Ogg Vorbis file");

    if (reader->lengthInSamples > static_cast<juce::int64> (std::numeric_limits<int>::max()))
        throw std::runtime_error (path + ": too long to read into memory");

    const int frames = static_cast<int> (reader->lengthInSamples);
    const int numChannels = static_cast<int> (reader->numChannels);
    juce::AudioBuffer<float> buffer (numChannels, frames);
    if (! reader->read (&buffer, 0, frames, 0, true, true))
        throw std::runtime_error (path + ": read error");

    AudioData data;
    data.sampleRate = reader->sampleRate;
    for (int c = 0; c < numChannels; ++c)
        data.channels.emplace_back (buffer.getReadPointer (c), buffer.getReadPointer (c) + frames);
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
