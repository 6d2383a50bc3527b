#include "BackingTrackFile.h"

#include "RegularFileInputStream.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <algorithm>
#include <cmath>

namespace foldback
{

namespace
{
    // JUCE's WindowedSincInterpolator keeps 200 input frames and is centred 100 frames
    // behind the newest one (see Interpolators::WindowedSincTraits).
    constexpr int sincMemory = 200;
    constexpr int sincLatency = 100;

    juce::String describe (std::int64_t frames)
    {
        return juce::String (frames) + (frames == 1 ? " frame" : " frames");
    }
}

struct BackingTrackFile::Resampler
{
    Resampler()
    {
        // JUCE's windowed-sinc kernel sums to 0.99, not 1, at every phase: it would play
        // every resampled track 0.09 dB quiet. Measured here rather than assumed.
        std::array<float, sincMemory + 2> ones;
        ones.fill (1.0f);
        float throwaway = 0.0f, sum = 0.0f;
        auto& interpolator = interpolators[0];
        const int used = interpolator.process (sincMemory + 0.5, ones.data(), &throwaway, 1);
        interpolator.process (0.5, ones.data() + used, &sum, 1);
        gainCorrection = sum > 0.5f && sum < 2.0f ? 1.0f / sum : 1.0f;
    }

    std::array<juce::WindowedSincInterpolator, 2> interpolators;
    juce::AudioBuffer<float> input;
    float gainCorrection = 1.0f;
};

BackingTrackFile::BackingTrackFile (const std::string& filePath, double sessionSampleRate, juce::AudioFormatManager& formats)
    : path (filePath)
{
    if (const auto problem = open (sessionSampleRate, formats); ! problem.empty())
    {
        reader.reset();
        fileStream = nullptr;
        numChannels = 0;
        sessionLength = 0;
        message = path + ": " + problem;
        return;
    }

    online = true;

    if (reader->numChannels > 2)
        message = path + ": " + std::to_string (reader->numChannels) + " channels; playing the first two";

    if (isResampled())
        resampler = std::make_unique<Resampler>();
}

std::string BackingTrackFile::open (double sessionSampleRate, juce::AudioFormatManager& formats)
{
    const juce::File file (juce::File::getCurrentWorkingDirectory().getChildFile (juce::String (path)));

    juce::AudioFormat* format = formats.findFormatForFileExtension (file.getFileExtension());

    // Opened by us, not by JUCE: only a regular file, and a failed open (a missing file, a
    // FIFO, no file descriptors left) is a reason rather than a null stream.
    std::string problem;
    auto stream = RegularFileInputStream::open (file.getFullPathName().toStdString(), problem);
    if (stream == nullptr)
        return problem == "is a folder, not a file" ? "is a folder, not an audio file" : problem;

    if (format == nullptr)
        return "not a supported audio format (WAV, AIFF, FLAC, Ogg Vorbis)";

    fileStream = stream.get();
    reader.reset (format->createReaderFor (stream.release(), true));
    if (reader == nullptr)
    {
        fileStream = nullptr;
        return ("not a readable " + format->getFormatName() + " (corrupt, or an unsupported encoding)").toStdString();
    }

    if (reader->numChannels == 0 || reader->lengthInSamples <= 0)
        return "contains no audio";

    if (! (reader->sampleRate >= 1000.0 && reader->sampleRate <= 768000.0))
        return "has an unusable sample rate (" + std::to_string (reader->sampleRate) + " Hz)";

    if (! (sessionSampleRate > 0.0))
        return "the session's sample rate is not set";

    numChannels = std::min (2, static_cast<int> (reader->numChannels));
    fileRate = reader->sampleRate;
    fileLength = reader->lengthInSamples;
    ratio = fileRate == sessionSampleRate ? 1.0 : fileRate / sessionSampleRate;

    // Session frame n plays file time n * ratio; the file lasts while that is before its end.
    sessionLength = ratio == 1.0 ? fileLength
                                 : static_cast<std::int64_t> (std::ceil (static_cast<double> (fileLength) / ratio - 1.0e-9));

    return checkReadable (file, *format);
}

BackingTrackFile::~BackingTrackFile() = default;

std::string BackingTrackFile::checkReadable (const juce::File& file, juce::AudioFormat& format)
{
    // An uncompressed file cut short still parses, and JUCE reads its missing tail as
    // silence: compare what the header promises with what the file holds.
    std::unique_ptr<juce::MemoryMappedAudioFormatReader> mapped (format.createMemoryMappedReader (file));

    if (mapped != nullptr && mapped->mapEntireFile()
        && mapped->getMappedSection().getEnd() < mapped->lengthInSamples)
        return ("truncated: the header promises " + describe (mapped->lengthInSamples)
                + ", the file holds " + describe (mapped->getMappedSection().getEnd())).toStdString();

    // A compressed file cut short fails when its end is decoded.
    const int tail = static_cast<int> (std::min<std::int64_t> (fileLength, 1024));
    juce::AudioBuffer<float> scratch (numChannels, tail);
    if (! reader->read (scratch.getArrayOfWritePointers(), numChannels, fileLength - tail, tail))
        return "the audio data cannot be decoded (corrupt or truncated)";

    return {};
}

bool BackingTrackFile::readFileFrames (std::int64_t start, int numFrames, float* const* channels)
{
    for (int c = 0; c < numChannels; ++c)
        std::fill (channels[c], channels[c] + numFrames, 0.0f);

    const auto first = std::max<std::int64_t> (start, 0);
    const auto last = std::min<std::int64_t> (start + numFrames, fileLength);

    if (first >= last)
        return true;

    std::array<float*, 2> dest {};
    for (int c = 0; c < numChannels; ++c)
        dest[static_cast<std::size_t> (c)] = channels[c] + (first - start);

    return reader->read (dest.data(), numChannels, first, static_cast<int> (last - first));
}

bool BackingTrackFile::readSessionFrames (std::int64_t start, int numFrames, float* const* channels)
{
    if (! online || numFrames <= 0)
    {
        for (int c = 0; c < numChannels; ++c)
            std::fill (channels[c], channels[c] + std::max (0, numFrames), 0.0f);
        return online;
    }

    // Checked before and after the read: a block read while the file was as opened is the
    // file's audio; one read across a change may be another file's bytes (noise).
    if (fileStream->hasChangedSinceOpen())
        return failBecauseChanged (numFrames, channels);

    if (! isResampled())
    {
        const bool ok = readFileFrames (start, numFrames, channels);
        return fileStream->hasChangedSinceOpen() ? failBecauseChanged (numFrames, channels) : ok;
    }

    // Output frame j is the file at time t0 + j * ratio. The interpolator's first output is
    // a throwaway whose step (sincMemory + phase) makes the next output pull in a full
    // window of history and land exactly on t0: it then sits 100 frames behind the newest
    // of the sincMemory frames it has read, which start 99 frames before floor (t0).
    const double t0 = static_cast<double> (start) * ratio;
    const double base = std::floor (t0);
    const double phase = t0 - base;
    const auto firstInput = static_cast<std::int64_t> (base) - sincLatency;
    const int numInput = 1 + sincMemory + static_cast<int> (std::ceil (phase + (numFrames - 1) * ratio)) + 2;

    auto& input = resampler->input;
    if (input.getNumSamples() < numInput || input.getNumChannels() < numChannels)
        input.setSize (numChannels, numInput, false, false, true);

    const bool ok = readFileFrames (firstInput, numInput, input.getArrayOfWritePointers());

    for (int c = 0; c < numChannels; ++c)
    {
        auto& interpolator = resampler->interpolators[static_cast<std::size_t> (c)];
        const float* in = input.getReadPointer (c);
        float throwaway = 0.0f;

        interpolator.reset();
        const int used = interpolator.process (sincMemory + phase, in, &throwaway, 1);
        interpolator.process (ratio, in + used, channels[c], numFrames);
        juce::FloatVectorOperations::multiply (channels[c], resampler->gainCorrection, numFrames);
    }

    if (fileStream->hasChangedSinceOpen())
        return failBecauseChanged (numFrames, channels);

    if (! ok)
        for (int c = 0; c < numChannels; ++c)
            std::fill (channels[c], channels[c] + numFrames, 0.0f);

    return ok;
}

bool BackingTrackFile::failBecauseChanged (int numFrames, float* const* channels)
{
    changedOnDisk = true;
    for (int c = 0; c < numChannels; ++c)
        std::fill (channels[c], channels[c] + numFrames, 0.0f);
    return false;
}

} // namespace foldback
