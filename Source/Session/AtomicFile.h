#pragma once

#include <chrono>
#include <string>

namespace foldback
{

struct AtomicWriteOptions
{
    /** The file holds secrets (remote tokens): group and others get no access to it,
        whatever the file it replaces allowed. */
    bool ownerOnly = false;

    /** When the path is a symbolic link: true replaces the file it points to (a session
        the engineer linked on purpose), false replaces the link itself and never writes
        through it (settings, which live where another user could plant a link). */
    bool replaceLinkTarget = true;
};

/** Writes `text` to `path` atomically: a new file "<path>.tmp-XXXXXX" (created exclusively
    in the same folder, so it follows no planted link and collides with nothing) is written,
    flushed to disk and renamed over path, and the folder is flushed. A reader sees the old
    file or the new one, never a mixture; a kill at any moment loses at most this write.

    The new file keeps the permissions of the file it replaces (0644 for a new one), minus
    group and other access when `ownerOnly`. Temporary files that an earlier write left
    behind when it was killed (same name pattern, owned by this user, older than
    staleTemporaryAge) are removed.

    On failure returns false with errorMessage "<path>: <reason>"; the previous file is
    untouched and no temporary file is left, except when only the final flush of the folder
    failed (said so). Blocks on the disk: never the audio thread. */
bool writeFileAtomically (const std::string& path, const std::string& text, const AtomicWriteOptions& options,
                          std::string& errorMessage);

/** A temporary file older than this is an earlier write's leftover, not one in progress. */
inline constexpr std::chrono::seconds staleTemporaryAge{ 60 };

} // namespace foldback
