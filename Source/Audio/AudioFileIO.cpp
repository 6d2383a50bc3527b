#include "AudioFileIO.h"

#include "FloatWavFileWriter.h"
#include "RegularFileInputStream.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <cstdio>
#include <limits>
#include <stdexcept>

namespace foldback
{

AudioData readAudioFile (const std::string& path, double maxSeconds)
{
    const auto fail = [&path] (const std::string& reason) { return std::runtime_error (path + ": " + reason); };
    const juce::File file (juce::File::getCurrentWorkingDirectory().getChildFile (path));

    std::string problem;
    auto stream = RegularFileInputStream::open (file.getFullPathName().toStdString(), problem);
    if (stream == nullptr)
        throw fail (problem);
    const auto fileBytes = stream->getIdentityAtOpen().size;

    juce::AudioFormatManager formats;
    formats.registerBasicFormats();
    auto* format = formats.findFormatForFileExtension (file.getFileExtension());
    if (format == nullptr)
        throw fail ("not a WAV, AIFF, FLAC or Ogg Vorbis file");

    std::unique_ptr<juce::AudioFormatReader> reader (format->createReaderFor (stream.release(), true));
    if (reader == nullptr)
        throw fail ("not a readable " + format->getFormatName().toStdString() + " (corrupt, or an unsupported encoding)");

    const auto frames = reader->lengthInSamples;
    const int numChannels = static_cast<int> (reader->numChannels);
    if (! (reader->sampleRate >= 1000.0 && reader->sampleRate <= 768000.0))
        throw fail ("has an unusable sample rate (" + std::to_string (reader->sampleRate) + " Hz)");
    if (numChannels < 1 || numChannels > maxAudioFileChannels)
        throw fail ("has " + std::to_string (numChannels) + " channels; at most " + std::to_string (maxAudioFileChannels) + " are read");
    if (frames <= 0)
        throw fail ("the file is empty");

    // Every claim is checked before a sample is allocated.
    if (static_cast<double> (frames) > maxSeconds * reader->sampleRate)
    {
        char text[96];
        std::snprintf (text, sizeof (text), "is %.1f s long; at most %g s is read", static_cast<double> (frames) / reader->sampleRate, maxSeconds);
        throw fail (text);
    }

    const bool uncompressed = format->getFormatName() == "WAV file" || format->getFormatName() == "AIFF file";
    const auto bytesPerFrame = static_cast<juce::int64> (numChannels) * std::max (1, static_cast<int> (reader->bitsPerSample) / 8);
    if (uncompressed && frames > fileBytes / bytesPerFrame)
        throw fail ("truncated or a false header: it promises " + std::to_string (frames) + " frames, the file holds at most "
                    + std::to_string (fileBytes / bytesPerFrame));

    if (frames > static_cast<juce::int64> (std::numeric_limits<int>::max()))
        throw fail ("too long to read into memory");

    const int length = static_cast<int> (frames);
    juce::AudioBuffer<float> buffer (numChannels, length);
    if (! reader->read (&buffer, 0, length, 0, true, true))
        throw fail ("read error");

    AudioData data;
    data.sampleRate = reader->sampleRate;
    for (int c = 0; c < numChannels; ++c)
        data.channels.emplace_back (buffer.getReadPointer (c), buffer.getReadPointer (c) + length);
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
