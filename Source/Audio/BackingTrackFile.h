#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace juce
{
    class AudioFormat;
    class AudioFormatManager;
    class AudioFormatReader;
    class File;
}

namespace foldback
{

/** One backing-track file on disk (WAV, AIFF, FLAC, Ogg Vorbis), read as frames at the
    session's sample rate: when the file's rate differs, JUCE's WindowedSincInterpolator
    (200-tap windowed sinc, the best 7.0.5 has, with its 0.99 kernel gain corrected to 1)
    resamples it. See docs/backing-tracks.md for the quality and its one limit (no lowered
    cut-off when downsampling).

    Every output frame n is the file interpolated at file time n * fileRate / sessionRate,
    whatever stretch it is read in: each read starts the interpolator afresh with 100 frames
    of history and the exact fractional phase, so a block read after a locate is the same as
    the same block read in sequence, and an offline render equals live playback.

    Opening never throws and never blocks: a missing, unreadable, unsupported, empty or
    truncated file, a FIFO or device, or one that cannot be opened (no file descriptors
    left) is offline, with getMessage() naming the file and the reason. A file with more than two
    channels plays its first two, and getMessage() says so.

    Thread: construct on the message thread; afterwards readSessionFrames() belongs to one
    thread at a time (the opener's, then the disk thread's). The getters are const. */
class RegularFileInputStream;

class BackingTrackFile
{
public:
    BackingTrackFile (const std::string& path, double sessionSampleRate, juce::AudioFormatManager& formats);
    ~BackingTrackFile();

    BackingTrackFile (const BackingTrackFile&) = delete;
    BackingTrackFile& operator= (const BackingTrackFile&) = delete;

    bool isOnline() const noexcept                   { return online; }

    /** "path: reason" when offline; a note such as dropped channels when online; else empty. */
    const std::string& getMessage() const noexcept   { return message; }
    const std::string& getPath() const noexcept      { return path; }

    int getNumChannels() const noexcept              { return numChannels; }   ///< 1 or 2; 0 offline
    double getFileSampleRate() const noexcept        { return fileRate; }
    std::int64_t getFileLength() const noexcept      { return fileLength; }    ///< in the file's frames
    std::int64_t getSessionLength() const noexcept   { return sessionLength; } ///< in session frames
    bool isResampled() const noexcept                { return ratio != 1.0; }

    /** The reading thread: writes session frames [start, start + numFrames) into
        `channels` (getNumChannels() pointers); silence outside the file. Returns false, with
        silence written, if the file could not be read, or if it changed on disk (written,
        truncated or replaced) since it was opened, before or during this read: a file
        rewritten under a reader is no longer the audio it was opened as, and reading on
        would play another file's bytes as noise. Allocates nothing after the first read of
        the largest size. */
    bool readSessionFrames (std::int64_t start, int numFrames, float* const* channels);

    /** The reading thread: whether a read failed because the file changed on disk. */
    bool hasChangedOnDisk() const noexcept           { return changedOnDisk; }

private:
    bool readFileFrames (std::int64_t start, int numFrames, float* const* channels);
    std::string open (double sessionSampleRate, juce::AudioFormatManager& formats);
    std::string checkReadable (const juce::File& file, juce::AudioFormat& format);
    bool failBecauseChanged (int numFrames, float* const* channels);

    std::string path, message;
    bool online = false;
    int numChannels = 0;
    double fileRate = 0.0, ratio = 1.0;
    std::int64_t fileLength = 0, sessionLength = 0;
    std::unique_ptr<juce::AudioFormatReader> reader;
    RegularFileInputStream* fileStream = nullptr;   // owned by `reader`
    bool changedOnDisk = false;

    struct Resampler;
    std::unique_ptr<Resampler> resampler;
};

} // namespace foldback
