#include <catch2/catch.hpp>

#include "Session/RegularFile.h"
#include "Support/FifoWatchdog.h"
#include "Support/NoFileDescriptorsLeft.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <fcntl.h>
#include <fstream>
#include <sys/socket.h>
#include <sys/un.h>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("Opening a FIFO for reading is refused at once, without waiting for a writer", "[file]")
{
    TempDirectory directory;
    const auto fifo = directory.file ("track.wav");
    makeFifo (fifo);

    std::string error;
    CHECK (returnsWithoutAWriter (fifo, [&] { error = openRegularFileForReading (fifo).error; }));
    CHECK (error == "is a FIFO (named pipe), not a regular file");

    std::string text;
    CHECK (returnsWithoutAWriter (fifo, [&] { error = readWholeRegularFile (fifo, 1024, text); }));
    CHECK (error == "is a FIFO (named pipe), not a regular file");
}

TEST_CASE ("A folder, a socket, a device and a missing file each get their own reason", "[file]")
{
    TempDirectory directory;

    const auto socketPath = directory.file ("socket");
    const int listening = ::socket (AF_UNIX, SOCK_STREAM, 0);
    REQUIRE (listening >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    socketPath.copy (address.sun_path, sizeof (address.sun_path) - 1);
    REQUIRE (::bind (listening, reinterpret_cast<const sockaddr*> (&address), sizeof (address)) == 0);

    CHECK (openRegularFileForReading (directory.path).error == "is a folder, not a file");
    CHECK (openRegularFileForReading (socketPath).error.find ("not a regular file") != std::string::npos);
    CHECK (openRegularFileForReading ("/dev/null").error == "is a device, not a regular file");
    CHECK (openRegularFileForReading (directory.file ("missing.wav")).error == "file not found");
    ::close (listening);
}

TEST_CASE ("Running out of file descriptors is a reason, not a crash", "[file]")
{
    TempDirectory directory;
    const auto path = directory.file ("session.json");
    std::ofstream (path) << "{}";

    const auto opened = [&]
    {
        const NoFileDescriptorsLeft none;
        return openRegularFileForReading (path);
    }();

    CHECK_FALSE (opened.fd.isOpen());
    CHECK (opened.error.find ("too many open files") != std::string::npos);
}

TEST_CASE ("A regular file opens, and its identity changes when it is rewritten in place or replaced", "[file]")
{
    TempDirectory directory;
    const auto path = directory.file ("take.wav");
    std::ofstream (path) << "first contents";

    auto opened = openRegularFileForReading (path);
    REQUIRE (opened.error.empty());
    REQUIRE (opened.fd.isOpen());
    CHECK (opened.identity.size == 14);

    FileIdentity now;
    REQUIRE (readFileIdentity (opened.fd.get(), now));
    CHECK (now == opened.identity);

    std::ofstream (path, std::ios::trunc) << "other";
    REQUIRE (readFileIdentity (opened.fd.get(), now));
    CHECK (now != opened.identity);
}

TEST_CASE ("readWholeRegularFile refuses a file over its limit before reading it", "[file]")
{
    TempDirectory directory;
    const auto path = directory.file ("big.json");
    std::ofstream (path) << std::string (2048, 'x');

    std::string text;
    CHECK (readWholeRegularFile (path, 1024, text) == "is larger than 1024 bytes (2048 bytes)");
    CHECK (text.empty());
    CHECK (readWholeRegularFile (path, 4096, text).empty());
    CHECK (text.size() == 2048);
}
