#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace foldback::errorText
{

/** Pieces of wording shared by the session parser, migration and validation, so that
    every message reads the same way: "must be a number from -144 to 12, got 40". */

/** The shortest text that reads back as the same double: 40, -0.5, 1e-07, inf. */
std::string number (double value);

/** A string as JSON would write it, quotes included, cut short if very long. */
std::string inQuotes (std::string_view text);

/** What a JSON value is, for "got ..." endings: "\"loud\"", "40", "true", "null",
    "an array", "an object". */
std::string describe (const nlohmann::json& value);

/** "\"a\", \"b\" or \"c\"". */
std::string alternatives (const std::vector<std::string>& choices);

/** The candidate a misspelt word most likely meant, or an empty string if none is close. */
std::string closestMatch (std::string_view word, const std::vector<std::string>& candidates);

/** " (did you mean 'x'?)" for the closest candidate, or an empty string. */
std::string didYouMean (std::string_view word, const std::vector<std::string>& candidates);

} // namespace foldback::errorText
