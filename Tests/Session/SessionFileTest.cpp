#include <catch2/catch.hpp>

#include "Session/SessionFile.h"
#include "SessionTestData.h"
#include "Support/FifoWatchdog.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace foldback;
namespace fs = std::filesystem;

namespace
{
    /** A fresh directory under the system temp directory, removed afterwards. */
    struct TempDirectory
    {
        fs::path path;

        TempDirectory()
        {
            std::string pattern = (fs::temp_directory_path() / "foldback-session-test-XXXXXX").string();
            REQUIRE (::mkdtemp (pattern.data()) != nullptr);
            path = pattern;
        }

        ~TempDirectory()
        {
            setImmutable (path, false);
            fs::permissions (path, fs::perms::owner_all);
            std::error_code ignored;
            fs::remove_all (path, ignored);
        }

        std::string file (const std::string& name) const { return (path / name).string(); }

        std::set<std::string> listing() const
        {
            std::set<std::string> names;

            for (const auto& entry : fs::directory_iterator (path))
                names.insert (entry.path().filename().string());

            return names;
        }

        /** chattr +i / -i: the only way to make a directory unwritable for root. */
        static bool setImmutable (const fs::path& directory, bool immutable)
        {
            const int fd = ::open (directory.c_str(), O_RDONLY | O_DIRECTORY);

            if (fd < 0)
                return false;

            int flags = 0;
            bool done = ::ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;

            if (done)
            {
                flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
                done = ::ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
            }

            ::close (fd);
            return done;
        }
    };

    std::string contentsOf (const std::string& path)
    {
        std::ifstream file (path, std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        return text.str();
    }

    Session otherSession()
    {
        auto session = testdata::sessionWithEveryFieldSet();
        session.name = "Another session";
        session.mixes[0].masterDb = -9.0;
        return session;
    }

    /** A session whose file may be shared: no remote tokens (those make it owner-only). */
    Session withoutTokens (Session session)
    {
        session.remote.engineerToken.clear();
        for (auto& mix : session.mixes)
            mix.remote.token.clear();
        return session;
    }

    void requireSaved (const Session& session, const std::string& path)
    {
        std::string error;
        const bool saved = saveSessionFile (session, path, error);
        INFO (error);
        REQUIRE (saved);
        CHECK (error.empty());
    }
}

TEST_CASE ("A session survives a save and load unchanged", "[session]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");
    const auto session = testdata::sessionWithEveryFieldSet();

    requireSaved (session, path);
    const auto loaded = loadSessionFile (path);

    REQUIRE (loaded.session.has_value());
    CHECK (*loaded.session == session);
    CHECK (contentsOf (path) == sessionToJson (session));
    CHECK (directory.listing() == std::set<std::string> { "band.json" });
}

TEST_CASE ("Saving over a session replaces it, keeps its permissions and leaves no temporary file", "[session]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");

    requireSaved (withoutTokens (testdata::sessionWithEveryFieldSet()), path);
    fs::permissions (path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    requireSaved (withoutTokens (otherSession()), path);

    CHECK (contentsOf (path) == sessionToJson (withoutTokens (otherSession())));
    CHECK (fs::status (path).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK (directory.listing() == std::set<std::string> { "band.json" });
}

TEST_CASE ("A save into a read-only directory fails and leaves the old file intact", "[session]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");
    requireSaved (testdata::sessionWithEveryFieldSet(), path);
    const auto before = contentsOf (path);

    fs::permissions (directory.path, fs::perms::owner_read | fs::perms::owner_exec);

    if (::geteuid() == 0)
        REQUIRE (TempDirectory::setImmutable (directory.path, true));

    REQUIRE (::access (directory.path.c_str(), W_OK) != 0);

    std::string error;
    CHECK_FALSE (saveSessionFile (otherSession(), path, error));
    CHECK (error.rfind (path + ": ", 0) == 0);

    TempDirectory::setImmutable (directory.path, false);
    fs::permissions (directory.path, fs::perms::owner_all);
    CHECK (contentsOf (path) == before);
    CHECK (directory.listing() == std::set<std::string> { "band.json" });
}

TEST_CASE ("A save over a directory fails and leaves it and no temporary file", "[session]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");
    fs::create_directory (path);
    std::ofstream (directory.file ("band.json/keep.txt")) << "keep";

    std::string error;
    CHECK_FALSE (saveSessionFile (testdata::sessionWithEveryFieldSet(), path, error));
    CHECK (error.find ("is a directory") != std::string::npos);
    CHECK (fs::is_directory (path));
    CHECK (contentsOf (directory.file ("band.json/keep.txt")) == "keep");
    CHECK (directory.listing() == std::set<std::string> { "band.json" });
}

TEST_CASE ("A save into a missing directory fails with a message", "[session]")
{
    TempDirectory directory;
    std::string error;
    CHECK_FALSE (saveSessionFile (testdata::sessionWithEveryFieldSet(), directory.file ("missing/band.json"), error));
    CHECK (error.find ("No such file or directory") != std::string::npos);
    CHECK (directory.listing().empty());
}

TEST_CASE ("An invalid session is never saved", "[session]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");
    requireSaved (testdata::sessionWithEveryFieldSet(), path);
    const auto before = contentsOf (path);

    auto invalid = testdata::sessionWithEveryFieldSet();
    invalid.mixes[0].sends["vox"].gainDb = 40.0;

    std::string error;
    CHECK_FALSE (saveSessionFile (invalid, path, error));
    CHECK (error == path + ": /mixes/0/sends/vox/gainDb: must be a number from -144 to 12, got 40 (not saved)");
    CHECK (contentsOf (path) == before);
    CHECK (directory.listing() == std::set<std::string> { "band.json" });
}

TEST_CASE ("Saving through a symbolic link replaces the file it points to", "[session]")
{
    TempDirectory directory;
    const auto target = directory.file ("real.json");
    const auto link = directory.file ("link.json");
    requireSaved (testdata::sessionWithEveryFieldSet(), target);
    fs::create_symlink ("real.json", link);

    requireSaved (otherSession(), link);

    CHECK (fs::is_symlink (link));
    CHECK (contentsOf (target) == sessionToJson (otherSession()));
    CHECK (directory.listing() == std::set<std::string> { "link.json", "real.json" });
}

TEST_CASE ("Loading a missing file, a directory or an oversized file names the file", "[session]")
{
    TempDirectory directory;

    const auto missing = loadSessionFile (directory.file ("nope.json"));
    REQUIRE (missing.errors.size() == 1);
    CHECK_FALSE (missing.session.has_value());
    CHECK (missing.errors[0].toString() == directory.file ("nope.json") + ": file not found");

    const auto folder = loadSessionFile (directory.path.string());
    REQUIRE (folder.errors.size() == 1);
    CHECK (folder.errors[0].message == "is a directory, not a session file");

    const auto huge = directory.file ("huge.json");
    std::ofstream (huge) << "{}";
    fs::resize_file (huge, maxSessionFileBytes + 1);
    const auto oversized = loadSessionFile (huge);
    REQUIRE (oversized.errors.size() == 1);
    CHECK (oversized.errors[0].file == huge);
    CHECK (oversized.errors[0].pointer.empty());
    CHECK (oversized.errors[0].message.find ("larger than 16 MiB") != std::string::npos);
}

TEST_CASE ("Loading a FIFO as a session fails at once instead of waiting for a writer", "[session][file]")
{
    TempDirectory directory;
    const auto fifo = directory.file ("band.json");
    foldback::test::makeFifo (fifo);

    SessionParseResult loaded;
    CHECK (foldback::test::returnsWithoutAWriter (fifo, [&] { loaded = loadSessionFile (fifo); }));
    REQUIRE (loaded.errors.size() == 1);
    CHECK_FALSE (loaded.session.has_value());
    CHECK (loaded.errors[0].toString() == fifo + ": is a FIFO (named pipe), not a regular file");
}

TEST_CASE ("A session holding remote tokens is saved readable by its owner alone", "[session][file]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");

    auto session = withoutTokens (testdata::sessionWithEveryFieldSet());
    requireSaved (session, path);
    CHECK ((fs::status (path).permissions() & fs::perms::others_read) != fs::perms::none);

    session.mixes[0].remote.token = "performer-token-1";
    requireSaved (session, path);
    CHECK ((fs::status (path).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
}
