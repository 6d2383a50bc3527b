#pragma once

#include "Session.h"
#include "SessionError.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace foldback
{

/** Reads a session document of the current version (already migrated) into session:
    types, required keys and unknown keys, with an error naming the JSON pointer of each
    problem. Absent optional fields keep session's values, so start from Session{}.
    Value ranges and cross-references are validateSession's job, and so a name outside
    an enum's set goes to unknownNames for validateSession to report in its order.
    Every key comes from the tables of SessionSchema.h. */
void readSessionDocument (const nlohmann::json& document,
                          const std::string& fileName,
                          Session& session,
                          std::vector<SessionError>& errors,
                          std::vector<SessionError>& unknownNames);

} // namespace foldback
