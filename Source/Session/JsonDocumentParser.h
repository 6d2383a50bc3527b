#pragma once

#include "SessionError.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace foldback
{

/** Containers nested deeper than this are refused (a session needs five levels). */
inline constexpr int maxJsonDepth = 64;

/** Parses strict JSON text (no comments, nothing after the value) into document.

    Stricter than nlohmann::json::parse in what a session needs: a key repeated within
    one object, a number too large for a double (1e999) and nesting deeper than
    maxJsonDepth are errors naming the JSON pointer of the offending value; a syntax
    error names the line, column and byte offset. Returns true on success; otherwise
    appends exactly one error and leaves document unspecified. Any thread. */
bool parseJsonDocument (const std::string& text,
                        const std::string& fileName,
                        nlohmann::json& document,
                        std::vector<SessionError>& errors);

} // namespace foldback
