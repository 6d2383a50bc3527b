#pragma once

#include <functional>
#include <string>
#include <vector>

namespace foldback
{

class SoundFile;

/** Session-rate copies of the backing tracks that cannot stream as they are: a file at
    another sample rate, or in an encoding that cannot be read from any frame exactly (MP3,
    Ogg Vorbis, Opus, ADPCM). Each is converted once (convertToSessionRate) and the disk
    thread streams the copy: no resampling or decoding while the session plays.

    An entry is named after the source file's path, its identity (device, inode, size,
    modification time), the session rate and the converter's version, so it is reused while
    the source file is unchanged and rebuilt when it changes; the entries for older versions
    of the same source at the same rate are then deleted. A deleted or damaged entry is rebuilt. Entries are
    written whole and renamed into place, so two builders never corrupt one.

    The cache lives beside the session (folderBeside: `.foldback-cache/` in the session's
    folder), so it moves with the session; where that folder cannot be written, in the
    user's cache (userFolder). Any thread but the audio thread. */
class TrackCache
{
public:
    struct Entry
    {
        std::string path;        ///< the session-rate file to stream; empty on failure
        bool built = false;      ///< converted now, rather than reused
        double buildSeconds = 0; ///< wall time of the conversion, when built
        std::string error;       ///< why there is no entry (no path in it)
    };

    /** Folders to try, in order: an entry is looked for in each and built in the first that
        can be written. */
    explicit TrackCache (std::vector<std::string> folders);

    /** The entry for `source` (opened from `sourcePath`) at `sessionRate`: found, or built
        with progress (0..1) and cancellation as convertToSessionRate does. */
    Entry obtain (const std::string& sourcePath, SoundFile& source, double sessionRate,
                  const std::function<void (double)>& progress = {},
                  const std::function<bool()>& shouldCancel = {}) const;

    const std::vector<std::string>& getFolders() const noexcept { return folders; }

    /** `.foldback-cache` inside the session's folder (the working folder if empty). */
    static std::string folderBeside (const std::string& sessionDirectory);

    /** $XDG_CACHE_HOME/foldback/tracks, else ~/.cache/foldback/tracks; empty with neither. */
    static std::string userFolder();

    /** The folders a session in `sessionDirectory` uses: beside it, then the user's. */
    static std::vector<std::string> foldersFor (const std::string& sessionDirectory);

private:
    std::vector<std::string> folders;
};

} // namespace foldback
