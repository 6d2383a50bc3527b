#include <catch2/catch.hpp>

#include "Session/AtomicFile.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace foldback;
using namespace foldback::test;
namespace fs = std::filesystem;

namespace
{
    std::string contentsOf (const std::string& path)
    {
        std::ifstream file (path, std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        return text.str();
    }

    mode_t permissionsOf (const std::string& path)
    {
        struct stat info {};
        REQUIRE (::stat (path.c_str(), &info) == 0);
        return info.st_mode & 0777;
    }

    void requireWritten (const std::string& path, const std::string& text, const AtomicWriteOptions& options = {})
    {
        std::string error;
        const bool written = writeFileAtomically (path, text, options, error);
        INFO (error);
        REQUIRE (written);
    }

    /** A leftover of a write that was killed before its rename, `ageSeconds` old. */
    std::string plantTemporary (const TempDirectory& directory, const std::string& name, int ageSeconds)
    {
        const auto path = directory.file (name);
        std::ofstream (path) << "half a file";
        const timespec times[2] = { { ::time (nullptr) - ageSeconds, 0 }, { ::time (nullptr) - ageSeconds, 0 } };
        REQUIRE (::utimensat (AT_FDCWD, path.c_str(), times, 0) == 0);
        return path;
    }
}

TEST_CASE ("A write removes the temporary files that killed writes left behind, and only those", "[file]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");

    plantTemporary (directory, "band.json.tmp-a1B2c3", 3600);    // a killed save's: stale
    plantTemporary (directory, "band.json.tmp-Zz9yY8", 3600);
    plantTemporary (directory, "band.json.tmp-q7W8e9", 0);       // another save, still in progress
    plantTemporary (directory, "band.json.tmp-notours", 3600);   // not mkstemp's pattern
    plantTemporary (directory, "other.json.tmp-a1B2c3", 3600);   // another file's

    requireWritten (path, "{}");

    CHECK (directory.listing() == std::set<std::string> { "band.json", "band.json.tmp-q7W8e9", "band.json.tmp-notours",
                                                          "other.json.tmp-a1B2c3" });
}

TEST_CASE ("An owner-only write takes group and other access away, even from a file that had it", "[file]")
{
    TempDirectory directory;
    const auto path = directory.file ("band.json");

    requireWritten (path, "{}");
    CHECK (permissionsOf (path) == 0644);

    AtomicWriteOptions secret;
    secret.ownerOnly = true;
    requireWritten (path, "{\"token\":1}", secret);
    CHECK (permissionsOf (path) == 0600);

    const auto fresh = directory.file ("new.json");
    requireWritten (fresh, "{}", secret);
    CHECK (permissionsOf (fresh) == 0600);
}

TEST_CASE ("A write that must not follow links replaces a planted link instead of writing through it", "[file]")
{
    TempDirectory directory;
    const auto victim = directory.file ("victim.txt");
    std::ofstream (victim) << "precious";
    const auto path = directory.file ("devices.json");
    fs::create_symlink (victim, path);
    fs::create_symlink (victim, path + ".tmp");   // the fixed name the old settings save used

    AtomicWriteOptions settings;
    settings.replaceLinkTarget = false;
    requireWritten (path, "{\"format\":\"x\"}", settings);

    CHECK (contentsOf (victim) == "precious");
    CHECK_FALSE (fs::is_symlink (path));
    CHECK (contentsOf (path) == "{\"format\":\"x\"}");
}
