#pragma once

// For tests that a FIFO is refused rather than read: a reader that opens a FIFO waits for
// a writer for ever, which would hang the test. This runs the call on its own thread and,
// if it has not returned in time, plays the writer once (open and close), so the blocked
// call returns and the test fails instead of hanging.

#include <catch2/catch.hpp>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace foldback::test
{

inline void makeFifo (const std::string& path)
{
    REQUIRE (::mkfifo (path.c_str(), 0600) == 0);
}

/** Whether `call` returned within `patience` while `fifo` had no writer. */
template<typename Call>
bool returnsWithoutAWriter (const std::string& fifo, Call&& call,
                            std::chrono::milliseconds patience = std::chrono::seconds (10))
{
    auto running = std::async (std::launch::async, std::forward<Call> (call));
    if (running.wait_for (patience) == std::future_status::ready)
    {
        running.get();
        return true;
    }

    // Blocked on the FIFO: be its writer until the call gives up, so the test can go on.
    while (running.wait_for (std::chrono::milliseconds (50)) != std::future_status::ready)
    {
        const int writer = ::open (fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0)
            ::close (writer);
    }
    running.get();
    return false;
}

} // namespace foldback::test
