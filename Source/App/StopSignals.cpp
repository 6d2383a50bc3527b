#include "StopSignals.h"

#include <atomic>

namespace foldback
{

namespace
{
    std::atomic<bool> stopRequested { false };
    static_assert (std::atomic<bool>::is_always_lock_free, "set from a signal handler");

    extern "C" void requestStop (int) { stopRequested.store (true); }
}

StopSignals::StopSignals()
{
    stopRequested = false;
    struct sigaction action {};
    action.sa_handler = requestStop;
    sigemptyset (&action.sa_mask);
    sigaction (SIGINT, &action, &previousInt);
    sigaction (SIGTERM, &action, &previousTerm);
    action.sa_handler = SIG_IGN;
    sigaction (SIGPIPE, &action, &previousPipe);
}

StopSignals::~StopSignals()
{
    sigaction (SIGINT, &previousInt, nullptr);
    sigaction (SIGTERM, &previousTerm, nullptr);
    sigaction (SIGPIPE, &previousPipe, nullptr);
}

bool StopSignals::wasRequested() noexcept
{
    return stopRequested.load();
}

} // namespace foldback
