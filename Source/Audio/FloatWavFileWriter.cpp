#include "FloatWavFileWriter.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <stdexcept>

namespace foldback
{

FloatWavFileWriter::FloatWavFileWriter (const std::string& targetPath, double sampleRate, int channels)
    : path (targetPath), numChannels (channels)
{
    const juce::File target (juce::File::getCurrentWorkingDirectory().getChildFile (path));
    const juce::File temporary = target.getSiblingFile ("." + target.getFileName() + ".partial");
    temporaryPath = temporary.getFullPathName().toStdString();
    temporary.deleteFile();

    auto stream = std::make_unique<juce::FileOutputStream> (temporary);
    if (! stream->openedOk())
        throw std::runtime_error (path + ": cannot write (" + stream->getStatus().getErrorMessage().toStdString() + ")");

    juce::WavAudioFormat wav;
    writer.reset (wav.createWriterFor (stream.get(), sampleRate, static_cast<unsigned int> (numChannels), 32, {}, 0));
    if (writer == nullptr)
    {
        stream.reset();
        temporary.deleteFile();
        throw std::runtime_error (path + ": cannot create a 32-bit float WAV writer");
    }
    stream.release(); // the writer owns it now
}

FloatWavFileWriter::~FloatWavFileWriter()
{
    if (writer != nullptr)
    {
        writer.reset();
        juce::File (temporaryPath).deleteFile(); // abandoned: never leave a partial file
    }
}

void FloatWavFileWriter::write (const float* const* channels, int numFrames)
{
    if (writer == nullptr || ! writer->writeFromFloatArrays (channels, numChannels, numFrames))
        throw std::runtime_error (path + ": write error (disk full?)");
}

void FloatWavFileWriter::finish()
{
    if (writer == nullptr)
        return;

    writer.reset(); // flushes and closes, writing the final header

    const juce::File temporary (temporaryPath);
    if (! temporary.moveFileTo (juce::File::getCurrentWorkingDirectory().getChildFile (path)))
    {
        temporary.deleteFile();
        throw std::runtime_error (path + ": cannot move the finished file into place");
    }
}

} // namespace foldback
