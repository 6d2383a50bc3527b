#pragma once

#include <stdexcept>

namespace foldback
{

// What a request to the rig (a command, a render) can fail with, so the command line
// gives each its exit status. Below the command line, so the renderer and the rig can
// say which kind of failure they met.

/** A problem with what the user asked for: a bad argument or a bad session. Exit status 2. */
struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/** Anything else that stops a command (a file that cannot be written, no audio device).
    Exit status 1. */
struct CommandFailure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

} // namespace foldback
