#pragma once

#include "SessionError.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace foldback
{

/** The oldest session version migrateSessionDocument can bring up to date. Version 0 is
    the pre-release draft format (see docs/session-format.md). */
inline constexpr int oldestSupportedSessionVersion = 0;

/** Brings a session document of any supported version up to Session::currentVersion, in
    place, one version at a time (0 -> 1 -> ...), before it is read into a Session.

    Checks "/version" first: missing, not an integer, below the oldest supported version,
    or written by a newer Foldback are errors. A step that finds a document it cannot
    convert reports errors naming the JSON pointer in the document as it was before that
    step, and migration stops there. Returns the errors; empty means document is now at
    the current version (its other content is checked later, by the reader). Any thread. */
std::vector<SessionError> migrateSessionDocument (nlohmann::json& document, const std::string& fileName);

} // namespace foldback
