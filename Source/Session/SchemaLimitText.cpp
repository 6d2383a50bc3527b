#include "SchemaLimitText.h"

#include "JsonObjectReader.h"
#include "SessionErrorText.h"

#include <algorithm>

namespace foldback::schema
{

namespace
{
    /** "1, 2, 4 or 8", for the fields that allow a few values only. */
    template <typename Number, typename Describe>
    std::string listOf (std::span<const Number> values, Describe describe)
    {
        std::string text;

        for (std::size_t i = 0; i < values.size(); ++i)
            text += (i == 0 ? "" : (i + 1 == values.size() ? " or " : ", ")) + describe (values[i]);

        return text;
    }

    std::string integerText (int value)
    {
        return std::to_string (value);
    }
}

std::optional<std::string> outOfLimits (double value, const Limits<double>& limits)
{
    if (limits.only.empty())
    {
        if (value >= limits.min && value <= limits.max) // false for NaN
            return std::nullopt;

        return numberRangeMessage (limits.min, limits.max, errorText::number (value));
    }

    if (std::find (limits.only.begin(), limits.only.end(), value) != limits.only.end())
        return std::nullopt;

    return "must be " + listOf (limits.only, errorText::number) + ", got " + errorText::number (value);
}

std::optional<std::string> outOfLimits (int value, const Limits<int>& limits)
{
    if (limits.only.empty())
    {
        if (value >= limits.min && value <= limits.max)
            return std::nullopt;

        return integerRangeMessage (limits.min, limits.max, integerText (value));
    }

    if (std::find (limits.only.begin(), limits.only.end(), value) != limits.only.end())
        return std::nullopt;

    return "must be " + listOf (limits.only, integerText) + ", got " + integerText (value);
}

} // namespace foldback::schema
