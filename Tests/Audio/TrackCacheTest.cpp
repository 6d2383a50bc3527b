// The cache of converted backing tracks: reused while the source is unchanged, rebuilt
// when the source changes or the entry is gone or damaged, and never a dead end.

#include "Audio/AudioFileIO.h"
#include "Audio/BackingTrackFile.h"
#include "Audio/TrackCache.h"
#include "TrackTestFiles.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace foldback;
using namespace foldback::test;

namespace
{
    float peakOf (BackingTrackFile& file)
    {
        std::vector<std::vector<float>> out (2, std::vector<float> (static_cast<std::size_t> (file.getSessionLength())));
        float* channels[] = { out[0].data(), out[1].data() };
        REQUIRE (file.readSessionFrames (0, static_cast<int> (file.getSessionLength()), channels));
        float peak = 0.0f;
        for (const float x : out[0])
            peak = std::max (peak, std::abs (x));
        return peak;
    }

    std::vector<std::string> entriesIn (const std::string& folder)
    {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator (folder))
            names.push_back (entry.path().filename().string());
        return names;
    }
}

TEST_CASE ("A converted track's cache entry is reused while the source is unchanged and rebuilt when the source changes", "[tracks][cache]")
{
    TemporaryFolder folder;
    const auto source = folder.path ("song.wav");
    const auto cache = folder.path ("session/.foldback-cache");
    writeToneWav (source, 44100.0, 2, 1.0, 0.5);

    std::string firstEntry;
    {
        BackingTrackFile first (source, playingAt (48000.0, { cache }));
        INFO (first.getMessage());
        REQUIRE (first.isOnline());
        REQUIRE (first.isConverted());
        CHECK (first.getInfo().convertedNow);
        CHECK (first.getSessionLength() == 48000);
        firstEntry = first.getInfo().cachePath;
        CHECK (std::filesystem::path (firstEntry).parent_path() == cache);
        CHECK (std::filesystem::path (firstEntry).filename().string().rfind ("song-", 0) == 0);
    }

    {
        BackingTrackFile again (source, playingAt (48000.0, { cache }));
        REQUIRE (again.isOnline());
        CHECK_FALSE (again.getInfo().convertedNow);
        CHECK (again.getInfo().cachePath == firstEntry);
        CHECK (peakOf (again) == Approx (0.5).epsilon (0.01));
    }

    SECTION ("an edited source is converted again, and its old entry deleted")
    {
        writeToneWav (source, 44100.0, 2, 1.0, 0.25);
        // A rewrite within the file system's time resolution still changes the size or the
        // inode most of the time; the modification time is set apart to make sure.
        std::filesystem::last_write_time (source, std::filesystem::last_write_time (source) + std::chrono::seconds (2));

        BackingTrackFile edited (source, playingAt (48000.0, { cache }));
        REQUIRE (edited.isOnline());
        CHECK (edited.getInfo().convertedNow);
        CHECK (edited.getInfo().cachePath != firstEntry);
        CHECK (peakOf (edited) == Approx (0.25).epsilon (0.01));
        CHECK (entriesIn (cache) == std::vector<std::string> { std::filesystem::path (edited.getInfo().cachePath).filename().string() });
    }

    SECTION ("a deleted entry is converted again")
    {
        std::filesystem::remove (firstEntry);
        BackingTrackFile rebuilt (source, playingAt (48000.0, { cache }));
        REQUIRE (rebuilt.isOnline());
        CHECK (rebuilt.getInfo().convertedNow);
        CHECK (rebuilt.getInfo().cachePath == firstEntry);
        CHECK (std::filesystem::exists (firstEntry));
    }

    SECTION ("a damaged entry is converted again")
    {
        std::filesystem::resize_file (firstEntry, std::filesystem::file_size (firstEntry) / 2);
        BackingTrackFile rebuilt (source, playingAt (48000.0, { cache }));
        REQUIRE (rebuilt.isOnline());
        CHECK (rebuilt.getInfo().convertedNow);
        CHECK (rebuilt.getSessionLength() == 48000);
    }

    SECTION ("another session rate is another entry")
    {
        BackingTrackFile other (source, playingAt (96000.0, { cache }));
        REQUIRE (other.isOnline());
        CHECK (other.getInfo().convertedNow);
        CHECK (other.getSessionLength() == 96000);
        CHECK (entriesIn (cache).size() == 2);
    }
}

TEST_CASE ("Where the first cache folder cannot be made, the next is used, and with none the track says why it is offline", "[tracks][cache]")
{
    TemporaryFolder folder;
    const auto source = folder.path ("song.wav");
    writeToneWav (source, 44100.0, 2, 1.0, 0.5);

    // A file where a folder of the path should be: no user, root included, can make it.
    std::ofstream (folder.path ("blocked")) << "a file, not a folder";
    const auto blocked = folder.path ("blocked/.foldback-cache");
    const auto fallback = folder.path ("user-cache");

    BackingTrackFile track (source, playingAt (48000.0, { blocked, fallback }));
    INFO (track.getMessage());
    REQUIRE (track.isOnline());
    CHECK (std::filesystem::path (track.getInfo().cachePath).parent_path() == fallback);

    BackingTrackFile nowhere (folder.path ("song.wav"), playingAt (48000.0, { blocked }));
    CHECK_FALSE (nowhere.isOnline());
    CHECK (nowhere.getMessage().find ("needs converting to 48000 Hz, but no cache folder can be written") != std::string::npos);
    CHECK (nowhere.getMessage().find (blocked) != std::string::npos);

    // A file at the session's rate needs no cache at all.
    writeToneWav (folder.path ("native.wav"), 48000.0, 2, 1.0, 0.5);
    BackingTrackFile native (folder.path ("native.wav"), playingAt (48000.0, {}));
    CHECK (native.isOnline());
    CHECK_FALSE (native.isConverted());
}
