#include <catch2/catch.hpp>

#include "Audio/TrackTestFiles.h"
#include "Support/RunFoldback.h"
#include "Support/SessionWithTracks.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace foldback::test;

namespace
{
    /** A WAV header for 8 channels of 32-bit float whose data chunk claims ~4 GB, then 4 KB. */
    void writeLyingWav (const std::string& path)
    {
        auto le32 = [] (std::string& out, std::uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back (static_cast<char> ((v >> (8 * i)) & 0xff)); };
        auto le16 = [] (std::string& out, std::uint16_t v) { out.push_back (static_cast<char> (v & 0xff)); out.push_back (static_cast<char> (v >> 8)); };
        std::string wav = "RIFF";
        le32 (wav, 0xfffffff0u);
        wav += "WAVEfmt ";
        le32 (wav, 16);
        le16 (wav, 3);            // IEEE float
        le16 (wav, 8);            // channels
        le32 (wav, 48000);
        le32 (wav, 48000 * 8 * 4);
        le16 (wav, 8 * 4);
        le16 (wav, 32);
        wav += "data";
        le32 (wav, 0xffffffc0u);
        wav += std::string (4096, '\0');
        std::ofstream (path, std::ios::binary) << wav;
    }
}

TEST_CASE ("check with no file descriptors left reports the tracks it cannot open instead of crashing", "[cli][files]")
{
    TempDirectory directory;
    const auto wav = directory.file ("loop.wav");
    writeCounterWav (wav, 48000.0, 2, 4800);

    const auto session = writeSessionWithTracks (directory, std::vector<std::string> (62, wav));
    const auto outcome = runFoldback ("check " + shellQuoted (session), "ulimit -n 64;");

    INFO (outcome.output);
    CHECK (outcome.status == 3); // a track would play offline
    CHECK (outcome.output.find ("too many open files") != std::string::npos);
}

TEST_CASE ("check does not wait on a FIFO as a backing track or as the session file", "[cli][files]")
{
    TempDirectory directory;
    const auto fifo = directory.file ("track.wav");
    REQUIRE (::mkfifo (fifo.c_str(), 0600) == 0);

    // `timeout` makes a hang a failure (status 124) rather than a test that never ends.
    const auto track = runFoldback ("check " + shellQuoted (writeSessionWithTracks (directory, { fifo })), "timeout -s KILL 60");
    INFO (track.output);
    CHECK (track.status == 3); // a track would play offline
    CHECK (track.output.find ("is a FIFO (named pipe), not a regular file") != std::string::npos);

    const auto sessionFifo = directory.file ("fifo.json");
    REQUIRE (::mkfifo (sessionFifo.c_str(), 0600) == 0);
    const auto session = runFoldback ("check " + shellQuoted (sessionFifo), "timeout -s KILL 60");
    INFO (session.output);
    CHECK (session.status == 2);
    CHECK (session.output.find ("error: " + sessionFifo + ": is a FIFO (named pipe), not a regular file") != std::string::npos);
}

TEST_CASE ("A click sound whose header claims gigabytes is refused before anything is allocated", "[cli][files]")
{
    TempDirectory directory;
    const auto lying = directory.file ("click.wav");
    writeLyingWav (lying);

    // An address-space limit of 2 GiB makes the 8 GB the header asks for fail if anything allocates it.
    const auto outcome = runFoldback ("check " + shellQuoted (writeSessionWithTracks (directory, {}, lying)), "ulimit -v 2097152;");
    INFO (outcome.output);
    CHECK (outcome.status == 0);
    CHECK (outcome.output.find (lying + ": is ") != std::string::npos);
    CHECK (outcome.output.find ("at most 2 s is read; playing the woodblock instead") != std::string::npos);
}

TEST_CASE ("A click sound that is a folder is called a folder, not a missing file", "[cli][files]")
{
    TempDirectory directory;
    std::filesystem::create_directory (directory.file ("clicks"));

    const auto outcome = runFoldback ("check " + shellQuoted (writeSessionWithTracks (directory, {}, directory.file ("clicks"))));
    INFO (outcome.output);
    CHECK (outcome.status == 0);
    CHECK (outcome.output.find ("clicks: is a folder, not a file") != std::string::npos);
}
