#pragma once

#include <string>

namespace foldback
{

/** Whether the console's window was shown when an NSM session was last saved, kept in the
    NSM instance beside its session ("PATH.json" beside "PATH.window.json"), so reopening
    the session puts the console back as the engineer left it: a console hidden in a big
    session stays out of the way. Written at the server's save, as the session is; a
    hide that was never saved is forgotten with the rest of the unsaved state.

    Message thread (it reads and writes a small file). */
namespace nsmWindowState
{
    /** The state file for a session file "PATH.json": "PATH.window.json". */
    std::string pathFor (const std::string& sessionPath);

    /** Shown unless the file says hidden: a missing, unreadable or malformed file shows the
        window (an engineer is never left without a console by a broken file). */
    bool readShown (const std::string& sessionPath);

    /** Writes the state atomically. False with `error` ("PATH.window.json: reason") on failure. */
    bool writeShown (const std::string& sessionPath, bool shown, std::string& error);
}

} // namespace foldback
