#pragma once

#include "SessionSchema.h"

#include <optional>
#include <string>

namespace foldback::schema
{

/** What validation says about a value outside its field's declared limits: "must be a
    number from -144 to 12, got 40", "must be 1, 2, 4, 8, 16 or 32, got 3". Nothing when
    the value is allowed. */
std::optional<std::string> outOfLimits (double value, const Limits<double>& limits);
std::optional<std::string> outOfLimits (int value, const Limits<int>& limits);

} // namespace foldback::schema
