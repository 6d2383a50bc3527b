#pragma once

#include "Session.h"
#include "SessionJson.h"

#include <cstddef>
#include <string>

namespace foldback
{

/** Session files larger than this are refused unread. */
inline constexpr std::size_t maxSessionFileBytes = 16 * 1024 * 1024;

/** Reads and parses a session file. Problems with the file itself (missing, a directory,
    unreadable, larger than maxSessionFileBytes, not UTF-8) and every problem
    parseSessionJson finds are errors naming path. Returns a new Session by value: a
    failed load leaves any Session the caller holds exactly as it was. Any thread (it
    blocks on the disk: not the audio thread). */
SessionParseResult loadSessionFile (const std::string& path);

/** Saves a session atomically: validates it (an invalid session is never written), writes
    "<path>.tmp-XXXXXX" in the same directory, flushes it to disk, renames it over path and
    flushes the directory. If path is a symbolic link, the file it points to is replaced.
    On any failure returns false with errorMessage set ("<path>: <reason>"), the previous
    file at path is untouched and no temporary file is left behind; the one exception is
    a failure to flush the directory after the rename, reported as such, when the new file
    is in place but might not survive a power cut. Blocks on the disk:
    call it from the message thread or a background thread, never the audio thread. */
bool saveSessionFile (const Session& session, const std::string& path, std::string& errorMessage);

} // namespace foldback
