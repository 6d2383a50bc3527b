#include <catch2/catch.hpp>

#include "Session/SessionFile.h"
#include "SessionTestData.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace foldback;

namespace
{
    struct BrokenFile
    {
        std::string name;
        std::string pointer;         ///< "" for a whole-file problem ("-" in expected.txt)
        std::string messageFragment;
    };

    const std::string corpusDirectory = testdata::testDataPath ("broken-sessions");

    std::vector<BrokenFile> readExpectations()
    {
        std::ifstream file (corpusDirectory + "/expected.txt");
        REQUIRE (file.good());

        std::vector<BrokenFile> expectations;
        std::string line;

        while (std::getline (file, line))
        {
            if (line.empty() || line[0] == '#')
                continue;

            std::istringstream fields (line);
            BrokenFile expected;
            fields >> expected.name >> expected.pointer;
            std::getline (fields >> std::ws, expected.messageFragment);

            if (expected.pointer == "-")
                expected.pointer.clear();

            expectations.push_back (expected);
        }

        return expectations;
    }
}

TEST_CASE ("Every file of the broken corpus is listed with its expected error", "[session]")
{
    std::set<std::string> listed;

    for (const auto& expected : readExpectations())
    {
        CHECK (listed.insert (expected.name).second);
        CHECK_FALSE (expected.messageFragment.empty());
        CHECK (std::filesystem::is_regular_file (corpusDirectory + "/" + expected.name));
    }

    std::set<std::string> present;

    for (const auto& entry : std::filesystem::directory_iterator (corpusDirectory))
        if (entry.path().extension() == ".json")
            present.insert (entry.path().filename().string());

    CHECK (present == listed);
    CHECK (present.size() >= 25);
}

TEST_CASE ("Every broken session fails to load with an error naming the faulty field", "[session]")
{
    for (const auto& expected : readExpectations())
    {
        const auto path = corpusDirectory + "/" + expected.name;
        const auto result = loadSessionFile (path);

        INFO (expected.name);
        CHECK_FALSE (result.session.has_value());
        REQUIRE_FALSE (result.errors.empty());

        const auto& first = result.errors.front();
        INFO (first.toString());
        CHECK (first.file == path);
        CHECK (first.pointer == expected.pointer);
        CHECK_FALSE (first.message.empty());
        CHECK_THAT (first.message, Catch::Contains (expected.messageFragment));
        CHECK (first.toString().rfind (path + ": ", 0) == 0);
    }
}

TEST_CASE ("The document the broken corpus was made from is valid", "[session]")
{
    // Each broken file is this document with one fault: it must load cleanly, or the
    // corpus would test nothing.
    const auto result = loadSessionFile (testdata::testDataPath ("sessions/corpus-base.json"));

    for (const auto& error : result.errors)
        FAIL_CHECK (error.toString());

    REQUIRE (result.session.has_value());
    CHECK (result.session->mixes.size() == 3);
}
