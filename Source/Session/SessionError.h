#pragma once

#include <string>

namespace foldback
{

/** One problem found in a session file: which file, which field, what is wrong.

    The pointer is a JSON pointer (RFC 6901) to the offending field, for example
    "/mixes/2/sends/vox/gainDb", or empty when the problem concerns the whole file
    (unreadable, not JSON, empty). The message says what is wrong and what is allowed. */
struct SessionError
{
    std::string file;
    std::string pointer;
    std::string message;

    /** "FILE: POINTER: MESSAGE", or "FILE: MESSAGE" when the pointer is empty.
        The command line prints "error: " followed by this. */
    std::string toString() const;

    bool operator== (const SessionError&) const = default;
};

} // namespace foldback
