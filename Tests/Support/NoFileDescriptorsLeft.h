#pragma once

// As `ulimit -n 64` with every descriptor under it taken: for tests that opening a file
// with none left is a reason, not a crash. The limit and the descriptors come back when
// the object goes.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace foldback::test
{

class NoFileDescriptorsLeft
{
public:
    NoFileDescriptorsLeft()
    {
        REQUIRE (::getrlimit (RLIMIT_NOFILE, &saved) == 0);
        rlimit low = saved;
        low.rlim_cur = 64;
        REQUIRE (::setrlimit (RLIMIT_NOFILE, &low) == 0);
        for (int fd; (fd = ::open ("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
            held.push_back (fd);
    }

    ~NoFileDescriptorsLeft()
    {
        for (const int fd : held)
            ::close (fd);
        ::setrlimit (RLIMIT_NOFILE, &saved);
    }

    NoFileDescriptorsLeft (const NoFileDescriptorsLeft&) = delete;
    NoFileDescriptorsLeft& operator= (const NoFileDescriptorsLeft&) = delete;

private:
    rlimit saved {};
    std::vector<int> held;
};

} // namespace foldback::test
