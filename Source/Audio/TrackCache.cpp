#include "TrackCache.h"

#include "SoundFile.h"
#include "TrackConversion.h"
#include "Session/UserFolders.h"

#include <sndfile.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace foldback
{

namespace fs = std::filesystem;

namespace
{
    /** FNV-1a, 64-bit: a stable name for a key, the same in every build and on every machine
        (std::hash promises neither). Not a security measure: a collision costs a rebuild. */
    struct Fnv1a
    {
        std::uint64_t value = 14695981039346656037ull;

        Fnv1a& add (const std::string& text)
        {
            for (const unsigned char c : text)
            {
                value ^= c;
                value *= 1099511628211ull;
            }
            value ^= 0xff; // a separator, so ("ab", "c") and ("a", "bc") differ
            value *= 1099511628211ull;
            return *this;
        }

        Fnv1a& add (std::int64_t number) { return add (std::to_string (number)); }

        std::string hex() const
        {
            char text[17];
            std::snprintf (text, sizeof (text), "%016llx", static_cast<unsigned long long> (value));
            return text;
        }
    };

    /** Letters, digits, '-' and '_' of the file's stem, so an entry says what it is. */
    std::string readableStem (const std::string& path)
    {
        std::string stem;
        for (const char c : fs::path (path).stem().string())
            if (stem.size() < 40)
                stem += (std::isalnum (static_cast<unsigned char> (c)) || c == '-' || c == '_') ? c : '_';
        return stem.empty() ? "track" : stem;
    }

    bool isUsableEntry (const std::string& path, double sessionRate, int channels)
    {
        std::string error;
        const auto entry = SoundFile::open (path, error);
        return entry != nullptr && entry->getSampleRate() == sessionRate && entry->getNumChannels() == channels
               && entry->getNumFrames() > 0 && entry->getPromisedFrames() == entry->getNumFrames() && entry->seeksExactly();
    }

    void deleteOlderEntries (const fs::path& folder, const std::string& sourcePrefix, const std::string& keep)
    {
        std::error_code error;
        for (fs::directory_iterator it (folder, error), end; ! error && it != end; it.increment (error))
        {
            const auto name = it->path().filename().string();
            if (name.rfind (sourcePrefix, 0) == 0 && name != keep)
                fs::remove (it->path(), error);
        }
    }
}

TrackCache::TrackCache (std::vector<std::string> folderList) : folders (std::move (folderList)) {}

std::string TrackCache::folderBeside (const std::string& sessionDirectory)
{
    return (fs::path (sessionDirectory.empty() ? "." : sessionDirectory) / ".foldback-cache").string();
}

std::string TrackCache::userFolder()
{
    const auto folder = userCacheFolder();
    return folder.empty() ? std::string() : (fs::path (folder) / "tracks").string();
}

std::vector<std::string> TrackCache::foldersFor (const std::string& sessionDirectory)
{
    std::vector<std::string> list { folderBeside (sessionDirectory) };
    if (auto user = userFolder(); ! user.empty())
        list.push_back (std::move (user));
    return list;
}

TrackCache::Entry TrackCache::obtain (const std::string& sourcePath, SoundFile& source, double sessionRate,
                                      const std::function<void (double)>& progress, const std::function<bool()>& shouldCancel) const
{
    std::error_code ignored;
    auto absolute = fs::absolute (sourcePath, ignored);
    const auto canonical = fs::weakly_canonical (absolute, ignored);

    const auto& id = source.getIdentityAtOpen();
    const int channels = std::min (2, source.getNumChannels());
    const auto rate = static_cast<std::int64_t> (sessionRate);

    // One entry per source and rate: converting the source again replaces the entry for
    // that rate, while a session at another rate keeps its own.
    const auto sourcePrefix = readableStem (sourcePath) + "-" + Fnv1a().add (canonical.string()).hex().substr (0, 12) + "-"
                              + std::to_string (rate) + "-";
    const auto version = Fnv1a()
                             .add (static_cast<std::int64_t> (id.device)).add (static_cast<std::int64_t> (id.inode))
                             .add (id.size).add (id.modifiedSeconds).add (id.modifiedNanoseconds)
                             .add (rate).add (channels).add (trackConverterVersion).add (sf_version_string())
                             .hex().substr (0, 12);
    const auto name = sourcePrefix + version + ".wav";

    for (const auto& folder : folders)
        if (const auto path = (fs::path (folder) / name).string(); isUsableEntry (path, sessionRate, channels))
            return { path, false, 0.0, {} };

    std::string reasons;
    for (const auto& folder : folders)
    {
        std::error_code error;
        fs::create_directories (folder, error);
        if (error)
        {
            reasons += (reasons.empty() ? "" : "; ") + folder + ": " + error.message();
            continue;
        }

        const auto path = (fs::path (folder) / name).string();
        const auto started = std::chrono::steady_clock::now();
        const auto problem = convertToSessionRate (source, path, sessionRate, progress, shouldCancel);
        if (! problem.empty())
        {
            // A decoding failure is the file's, not the folder's: trying another folder
            // would only decode it again.
            if (problem.rfind ("cannot write", 0) != 0 && problem.rfind ("writing", 0) != 0 && problem.rfind ("cannot put", 0) != 0)
                return { {}, false, 0.0, problem };
            reasons += (reasons.empty() ? "" : "; ") + problem;
            continue;
        }

        deleteOlderEntries (folder, sourcePrefix, name);
        const double seconds = std::chrono::duration<double> (std::chrono::steady_clock::now() - started).count();
        return { path, true, seconds, {} };
    }

    return { {}, false, 0.0, "needs converting to " + std::to_string (rate) + " Hz, but no cache folder can be written ("
                                 + (reasons.empty() ? std::string ("none is set") : reasons) + ")" };
}

} // namespace foldback
