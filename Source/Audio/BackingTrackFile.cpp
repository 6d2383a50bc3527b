#include "BackingTrackFile.h"

#include "SoundFile.h"
#include "TrackCache.h"

#include <algorithm>
#include <filesystem>

namespace foldback
{

namespace
{
    std::string describeFrames (std::int64_t frames)
    {
        return std::to_string (frames) + (frames == 1 ? " frame" : " frames");
    }
}

BackingTrackFile::BackingTrackFile (const std::string& filePath, const TrackOpenOptions& options)
    : path (filePath)
{
    if (const auto problem = open (options); ! problem.empty())
    {
        stream.reset();
        info.cachePath.clear();
        numChannels = 0;
        info.sessionFrames = 0;
        message = path + ": " + problem;
        return;
    }

    online = true;
}

BackingTrackFile::~BackingTrackFile() = default;

std::string BackingTrackFile::open (const TrackOpenOptions& options)
{
    resolvedPath = std::filesystem::absolute (path).string();
    const auto& resolved = resolvedPath;

    // Opened by us: only a regular file, and a failed open (a missing file, a FIFO, no
    // file descriptors left) is a reason rather than a null handle.
    std::string problem;
    auto source = SoundFile::open (resolved, problem);
    if (source == nullptr)
        return problem == "is a folder, not a file" ? "is a folder, not an audio file" : problem;

    info.description = source->describe();
    info.fileChannels = source->getNumChannels();

    if (source->getNumChannels() == 0 || source->getNumFrames() <= 0)
        return "contains no audio";

    if (! (source->getSampleRate() >= 1000.0 && source->getSampleRate() <= 768000.0))
        return "has an unusable sample rate (" + std::to_string (source->getSampleRate()) + " Hz)";

    if (source->getPromisedFrames() > source->getNumFrames())
        return "truncated: the header promises " + describeFrames (source->getPromisedFrames()) + ", the file holds "
               + describeFrames (source->getNumFrames());

    const double sessionRate = options.sessionSampleRate;
    if (! (sessionRate > 0.0))
        return "the session's sample rate is not set";

    numChannels = std::min (2, source->getNumChannels());
    info.fileSampleRate = source->getSampleRate();
    info.fileFrames = source->getNumFrames();
    const double fileRate = info.fileSampleRate;
    const auto fileLength = info.fileFrames;

    if (source->getNumChannels() > 2)
        message = path + ": " + std::to_string (source->getNumChannels()) + " channels; playing the first two";

    if (fileRate == sessionRate && source->seeksExactly())
    {
        // A file cut short fails when its end is read, not in the middle of a take.
        const int tail = static_cast<int> (std::min<std::int64_t> (fileLength, 1024));
        std::vector<std::vector<float>> scratch (2, std::vector<float> (static_cast<std::size_t> (tail)));
        float* channels[] = { scratch[0].data(), scratch[1].data() };
        if (! source->read (fileLength - tail, tail, channels, numChannels))
            return "the audio data cannot be decoded (corrupt or truncated)";

        info.sessionFrames = fileLength;
        stream = std::move (source);
        return {};
    }

    // Another rate, or an encoding that cannot be read exactly from any frame: stream a
    // copy converted once at the session's rate.
    const TrackCache cache (options.cacheFolders);
    const auto entry = cache.obtain (resolved, *source, sessionRate, options.progress, options.shouldCancel);
    if (entry.path.empty())
        return entry.error;

    sourceIdentity = source->getIdentityAtOpen();
    auto converted = SoundFile::open (entry.path, problem);
    if (converted == nullptr)
        return "its converted copy " + entry.path + " cannot be read: " + problem;

    info.cachePath = entry.path;
    info.convertedNow = entry.built;
    info.conversionSeconds = entry.buildSeconds;
    info.sessionFrames = converted->getNumFrames();
    stream = std::move (converted);
    return {};
}

bool BackingTrackFile::hasChangedSinceOpen() const
{
    if (stream->hasChangedSinceOpen())
        return true;
    if (! info.isConverted())
        return false;

    FileIdentity now;
    return ! readPathIdentity (resolvedPath, now) || now != sourceIdentity;
}

bool BackingTrackFile::checkForChangeOnDisk()
{
    if (online && ! changedOnDisk && hasChangedSinceOpen())
        changedOnDisk = true;
    return changedOnDisk;
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
    if (changedOnDisk || hasChangedSinceOpen())
        return failBecauseChanged (numFrames, channels);

    const bool ok = stream->read (start, numFrames, channels, numChannels);

    if (hasChangedSinceOpen())
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
