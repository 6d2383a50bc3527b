// The console's window state in an NSM instance: kept beside the session, read back as it
// was saved, and never able to leave the engineer without a console.

#include "App/NsmWindowState.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("The console's NSM window state sits beside the session and reads back as it was written", "[nsm][app]")
{
    TempDirectory directory;
    const auto session = directory.file ("Foldback.nABCD.json");
    CHECK (nsmWindowState::pathFor (session) == directory.file ("Foldback.nABCD.window.json"));

    std::string error;
    REQUIRE (nsmWindowState::writeShown (session, false, error));
    CHECK (error.empty());
    CHECK_FALSE (nsmWindowState::readShown (session));

    REQUIRE (nsmWindowState::writeShown (session, true, error));
    CHECK (nsmWindowState::readShown (session));
}

TEST_CASE ("A missing, malformed or foreign NSM window state shows the console", "[nsm][app]")
{
    TempDirectory directory;
    const auto session = directory.file ("Foldback.nABCD.json");
    CHECK (nsmWindowState::readShown (session));   // never saved

    for (const auto* text : { "", "{", "[false]", "{\"shown\": 0}", "{\"shown\": \"no\"}", "{\"visible\": false}" })
    {
        std::ofstream (nsmWindowState::pathFor (session), std::ios::trunc) << text;
        INFO ("file: " << text);
        CHECK (nsmWindowState::readShown (session));
    }

    std::filesystem::remove (nsmWindowState::pathFor (session));
    std::filesystem::create_directory (nsmWindowState::pathFor (session));   // a folder where the file should be
    CHECK (nsmWindowState::readShown (session));
}

TEST_CASE ("An NSM window state that cannot be written says which file and leaves the old one", "[nsm][app]")
{
    TempDirectory directory;
    const auto session = directory.file ("missing-folder/Foldback.nABCD.json");
    std::string error;
    CHECK_FALSE (nsmWindowState::writeShown (session, false, error));
    CHECK (error.rfind (nsmWindowState::pathFor (session) + ": ", 0) == 0);
}
