#pragma once

#include <csignal>

namespace foldback
{

/** While one lives, SIGINT and SIGTERM ask the program to stop (a flag the message thread
    polls: wasRequested()) instead of killing it, so `run` and the console end cleanly, the
    JACK client closed and nothing asked; SIGTERM is how NSM and systemd end a client.
    SIGPIPE (a JACK server or a socket dying under us) is ignored. The previous handlers
    come back when it goes. One at a time. */
class StopSignals
{
public:
    StopSignals();
    ~StopSignals();

    StopSignals (const StopSignals&) = delete;
    StopSignals& operator= (const StopSignals&) = delete;

    /** Any thread: a stop signal has arrived since this one was made. */
    static bool wasRequested() noexcept;

private:
    struct sigaction previousInt {}, previousTerm {}, previousPipe {};
};

} // namespace foldback
