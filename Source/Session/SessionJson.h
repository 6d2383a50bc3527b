#pragma once

#include "Session.h"
#include "SessionError.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foldback
{

/** The value of the top-level "format" key of every session file. */
inline constexpr std::string_view sessionFormatName = "foldback-session";

/** The outcome of reading a session: a new Session, or the reasons there is none. */
struct SessionParseResult
{
    std::optional<Session> session;   ///< set only when errors is empty
    std::vector<SessionError> errors; ///< the first one is always the most precise

    bool ok() const { return session.has_value(); }
};

/** Reads a session document from JSON text: parses strictly, checks "format", migrates
    older versions (SessionMigration.h), reads every field (SessionDocumentReader.h) and
    validates the result (SessionValidation.h). Nothing is clamped or guessed: any problem
    is an error naming fileName and the field's JSON pointer, and no Session is returned.
    Returns a new Session by value, so a failure cannot touch one the caller holds.
    Any thread. */
SessionParseResult parseSessionJson (const std::string& text, const std::string& fileName);

/** Writes a session as the current version of the format: two-space indentation, keys in
    a fixed order, every field written, short arrays of numbers on one line, ending with a
    newline. parseSessionJson (sessionToJson (s)) gives back s exactly for any valid s.
    Any thread. */
std::string sessionToJson (const Session& session);

} // namespace foldback
