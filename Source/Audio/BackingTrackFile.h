#pragma once

#include "Session/RegularFile.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace foldback
{

class SoundFile;

/** How a backing track is opened: at which rate it plays, where conversions are kept. */
struct TrackOpenOptions
{
    double sessionSampleRate = 0.0;
    std::vector<std::string> cacheFolders;     ///< TrackCache's folders, in order; none: nothing can be converted
    std::function<void (double)> progress;     ///< 0..1 while a conversion runs
    std::function<bool()> shouldCancel;        ///< asked between chunks of a conversion
};

/** What a backing track's file is and how it plays: what `check` lists and the console's
    Tracks page shows. */
struct TrackFileInfo
{
    std::string description;          ///< "MP3 (MPEG Layer III), 44100 Hz, stereo, 3:02.5"; empty if unreadable
    double fileSampleRate = 0.0;
    int fileChannels = 0;             ///< in the file (a track plays the first two)
    std::int64_t fileFrames = 0;      ///< at the file's rate
    std::int64_t sessionFrames = 0;   ///< at the session's rate, as it plays
    std::string cachePath;            ///< the converted copy that streams; empty when the file streams as it is
    bool convertedNow = false;        ///< the copy was built at this open rather than reused
    double conversionSeconds = 0.0;   ///< wall time of that build

    bool isConverted() const noexcept { return ! cachePath.empty(); }
};

/** One backing-track file on disk, read as frames at the session's sample rate.

    Decoded by libsndfile (SoundFile: WAV, RF64, W64, AIFF, AIFF-C, AU, CAF, FLAC, Ogg
    Vorbis, Opus, MP3). A file in an uncompressed encoding or FLAC at the session's rate
    streams as it is. Any other file (another rate, or MP3, Vorbis, Opus) is converted once
    into a TrackCache entry at the session's rate (libsoxr, very high quality, linear phase,
    no aliasing), and the entry streams instead: no decoding or resampling while playing,
    and reading from any frame gives exactly what reading in sequence does, so an offline
    render equals live playback. See docs/backing-tracks.md.

    Opening never throws and never blocks on a FIFO or device: a missing, unreadable,
    unsupported, empty or truncated file, or one that cannot be opened (no file descriptors
    left), or a conversion that fails, is offline, with getMessage() naming the file and
    the reason. A file with more than two channels plays its first two, and getMessage()
    says so.

    Thread: construct on any non-audio thread (a conversion can take seconds: the console
    does it on an import thread); afterwards readSessionFrames() belongs to one thread at a
    time (the opener's, then the disk thread's). The getters are const. */
class BackingTrackFile
{
public:
    BackingTrackFile (const std::string& path, const TrackOpenOptions& options);
    ~BackingTrackFile();

    BackingTrackFile (const BackingTrackFile&) = delete;
    BackingTrackFile& operator= (const BackingTrackFile&) = delete;

    bool isOnline() const noexcept                   { return online; }

    /** "path: reason" when offline; a note such as dropped channels when online; else empty. */
    const std::string& getMessage() const noexcept   { return message; }
    const std::string& getPath() const noexcept      { return path; }

    const TrackFileInfo& getInfo() const noexcept    { return info; }

    int getNumChannels() const noexcept              { return numChannels; }   ///< 1 or 2; 0 offline
    double getFileSampleRate() const noexcept        { return info.fileSampleRate; }
    std::int64_t getFileLength() const noexcept      { return info.fileFrames; }    ///< in the source file's frames
    std::int64_t getSessionLength() const noexcept   { return info.sessionFrames; } ///< in session frames

    /** Whether a cache entry at the session's rate streams instead of the file. */
    bool isConverted() const noexcept                { return info.isConverted(); }

    /** The reading thread: writes session frames [start, start + numFrames) into
        `channels` (getNumChannels() pointers); silence outside the file. Returns false, with
        silence written, if the file could not be read, or if it (or, for a converted track,
        its source or its cache entry) changed on disk since it was opened, before or during
        this read: a file rewritten under a reader is no longer the audio it was opened as,
        and reading on would play another file's bytes as noise. Allocates nothing after
        the first read of the largest size. */
    bool readSessionFrames (std::int64_t start, int numFrames, float* const* channels);

    /** The reading thread, between reads: looks at the file on disk (two or three stat
        calls) and returns whether it changed since it was opened. A change seen here or by
        a read is final: hasChangedOnDisk() says so from then on and every read fails, even
        if the file is put back. */
    bool checkForChangeOnDisk();

    /** The reading thread: whether a read or checkForChangeOnDisk() found the file changed
        on disk. */
    bool hasChangedOnDisk() const noexcept           { return changedOnDisk; }

private:
    std::string open (const TrackOpenOptions& options);
    bool hasChangedSinceOpen() const;
    bool failBecauseChanged (int numFrames, float* const* channels);

    std::string path, resolvedPath, message;
    TrackFileInfo info;
    bool online = false;
    int numChannels = 0;
    std::unique_ptr<SoundFile> stream;   // the file, or its cache entry
    FileIdentity sourceIdentity;         // the source of a converted track, as converted
    bool changedOnDisk = false;
};

} // namespace foldback
