#include <catch2/catch.hpp>

#include "Support/RunFoldback.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace
{
    using foldback::test::runFoldback;
    using foldback::test::shellQuoted;

    struct Expectation
    {
        std::string file, pointer;
    };

    std::vector<Expectation> brokenCorpus()
    {
        std::vector<Expectation> result;
        std::ifstream in (std::string (FOLDBACK_TEST_DATA_DIR) + "/broken-sessions/expected.txt");
        std::string line;
        while (std::getline (in, line))
        {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream words (line);
            Expectation e;
            words >> e.file >> e.pointer;
            result.push_back (e);
        }
        return result;
    }
}

TEST_CASE ("check accepts every preset and prints a summary", "[cli][check]")
{
    for (const auto& entry : std::filesystem::directory_iterator (std::string (FOLDBACK_SOURCE_DIR) + "/presets"))
    {
        if (entry.path().extension() != ".json")
            continue;
        INFO (entry.path());
        const auto outcome = runFoldback ("check " + shellQuoted (entry.path()));
        INFO (outcome.output);
        CHECK (outcome.status == 0);
        CHECK (outcome.output.find (": ok") != std::string::npos);
        CHECK (outcome.output.find ("mix ") != std::string::npos);
        CHECK (outcome.output.find ("\n  transport: loopEnabled ") != std::string::npos);
    }
}

TEST_CASE ("Every broken session fails check and render with exit 2, naming the file and the field", "[cli][errors]")
{
    const auto corpus = brokenCorpus();
    REQUIRE (corpus.size() >= 25);
    const auto out = std::filesystem::temp_directory_path() / "foldback-cli-test-out";

    for (const auto& broken : corpus)
    {
        const auto path = std::filesystem::path (FOLDBACK_TEST_DATA_DIR) / "broken-sessions" / broken.file;
        for (const std::string command : { "check ", "render " })
        {
            INFO (command << broken.file);
            const auto outcome = runFoldback (command + shellQuoted (path) + (command == "render " ? " --out " + shellQuoted (out) : ""));
            INFO (outcome.output);
            CHECK (outcome.status == 2);
            CHECK (outcome.output.rfind ("error: ", 0) == 0);
            CHECK (outcome.output.find (broken.file) != std::string::npos);
            if (broken.pointer != "-")
                CHECK (outcome.output.find (": " + broken.pointer + ": ") != std::string::npos);
        }
    }
    CHECK_FALSE (std::filesystem::exists (out)); // nothing written for a bad session
}

TEST_CASE ("Bad arguments exit 2 with a message, and a missing session file names it", "[cli][errors]")
{
    const std::string demo = shellQuoted (std::string (FOLDBACK_SOURCE_DIR) + "/presets/demo.json");

    auto expectUsageError = [] (const std::string& arguments, const std::string& fragment)
    {
        INFO (arguments);
        const auto outcome = runFoldback (arguments);
        INFO (outcome.output);
        CHECK (outcome.status == 2);
        CHECK (outcome.output.rfind ("error: ", 0) == 0);
        CHECK (outcome.output.find (fragment) != std::string::npos);
    };

    expectUsageError ("check /no/such/session.json", "/no/such/session.json");
    expectUsageError ("render " + demo, "--out");
    expectUsageError ("render " + demo + " --out /tmp/x --block-size 0", "--block-size");
    expectUsageError ("render " + demo + " --out /tmp/x --seconds nan", "--seconds");
    expectUsageError ("render " + demo + " --out /tmp/x --input vox", "ID=FILE.wav");
    expectUsageError ("render " + demo + " --out /tmp/x --input nobody=/tmp/none.wav", "--input nobody");
    expectUsageError ("bench --mixes 1000", "--mixes");
    expectUsageError ("check " + demo + " --frobnicate", "--frobnicate");
}

TEST_CASE ("bench --json prints the figures the contract names", "[cli][bench]")
{
    const auto outcome = runFoldback ("bench --json --sources 4 --tracks 1 --mixes 2 --seconds 0.5");
    INFO (outcome.output);
    REQUIRE (outcome.status == 0);
    const auto json = nlohmann::json::parse (outcome.output);
    for (const char* key : { "realtime_factor", "ns_per_frame", "sources", "mixes", "block_size", "sample_rate" })
        CHECK (json.contains (key));
    CHECK (json["sources"] == 4 + 1 + 1 + 1); // inputs, a track, the click, talkback
    CHECK (json["mixes"] == 2);
    CHECK (json["block_size"] == 32);
    CHECK (json["sample_rate"] == 48000.0);
    CHECK (json["realtime_factor"].get<double>() > 0.0);
    CHECK (json["realtime_factor_all_threads"].get<double>() > 0.0);
    CHECK (json["tracks_converted"] == 0);
}

TEST_CASE ("bench --track-rate converts the tracks once and counts every thread", "[cli][bench]")
{
    const auto outcome = runFoldback ("bench --json --sources 2 --tracks 2 --mixes 2 --seconds 0.5 --track-rate 44100");
    INFO (outcome.output);
    REQUIRE (outcome.status == 0);
    const auto json = nlohmann::json::parse (outcome.output);
    CHECK (json["track_rate"] == 44100.0);
    CHECK (json["sample_rate"] == 48000.0);
    CHECK (json["tracks_converted"] == 2);
    CHECK (json["import_cpu_seconds"].get<double>() > 0.0);
    // Every thread costs at least what the audio thread alone does.
    CHECK (json["all_threads_cpu_seconds"].get<double>() >= json["cpu_seconds"].get<double>());
    CHECK (json["underruns"] == 0);
}

TEST_CASE ("foldback --version prints the version CMake's project() declares", "[cli]")
{
    const auto outcome = runFoldback ("--version");
    CHECK (outcome.status == 0);
    CHECK (outcome.output == std::string ("foldback ") + FOLDBACK_PROJECT_VERSION + "\n");
}
