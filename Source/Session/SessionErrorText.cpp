#include "SessionErrorText.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace foldback::errorText
{

std::string number (double value)
{
    if (std::isnan (value))
        return "nan";

    if (std::isinf (value))
        return value > 0 ? "inf" : "-inf";

    // Plain digits for everyday magnitudes ("1000000", "0.25"), exponents beyond them.
    const auto magnitude = std::abs (value);
    const bool everyday = magnitude == 0.0 || (magnitude >= 1e-5 && magnitude < 1e15);
    char buffer[400];
    const auto result = everyday ? std::to_chars (buffer, buffer + sizeof (buffer), value, std::chars_format::fixed)
                                 : std::to_chars (buffer, buffer + sizeof (buffer), value);
    return std::string (buffer, result.ptr);
}

std::string inQuotes (std::string_view text)
{
    constexpr std::size_t maxCharacters = 60;
    const bool tooLong = text.size() > maxCharacters;
    auto shown = std::string (text.substr (0, maxCharacters));
    auto json = nlohmann::json (shown).dump (-1, ' ', false, nlohmann::json::error_handler_t::replace);

    if (tooLong)
        json.insert (json.size() - 1, "...");

    return json;
}

std::string describe (const nlohmann::json& value)
{
    switch (value.type())
    {
        case nlohmann::json::value_t::string:          return inQuotes (value.get_ref<const std::string&>());
        case nlohmann::json::value_t::array:           return "an array";
        case nlohmann::json::value_t::object:          return "an object";
        case nlohmann::json::value_t::null:            return "null";
        case nlohmann::json::value_t::boolean:         return value.get<bool>() ? "true" : "false";
        case nlohmann::json::value_t::number_float:    return number (value.get<double>());
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned: return value.dump();
        case nlohmann::json::value_t::binary:
        case nlohmann::json::value_t::discarded:       break;
    }

    return "an unsupported value";
}

std::string alternatives (const std::vector<std::string>& choices)
{
    std::string text;

    for (std::size_t i = 0; i < choices.size(); ++i)
    {
        if (i > 0)
            text += (i + 1 == choices.size()) ? " or " : ", ";

        text += inQuotes (choices[i]);
    }

    return text;
}

static char lowerCase (char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char> (c - 'A' + 'a') : c;
}

/** Optimal string alignment distance, case-insensitive: edits, including swapping two
    neighbouring letters, needed to turn a into b. */
static std::size_t editDistance (std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d (a.size() + 1, std::vector<std::size_t> (b.size() + 1));

    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;

    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;

    for (std::size_t i = 1; i <= a.size(); ++i)
    {
        for (std::size_t j = 1; j <= b.size(); ++j)
        {
            const std::size_t cost = lowerCase (a[i - 1]) == lowerCase (b[j - 1]) ? 0 : 1;
            d[i][j] = std::min ({ d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost });

            if (i > 1 && j > 1 && lowerCase (a[i - 1]) == lowerCase (b[j - 2])
                    && lowerCase (a[i - 2]) == lowerCase (b[j - 1]))
                d[i][j] = std::min (d[i][j], d[i - 2][j - 2] + 1);
        }
    }

    return d[a.size()][b.size()];
}

std::string closestMatch (std::string_view word, const std::vector<std::string>& candidates)
{
    if (word.empty() || word.size() > 100)
        return {};

    std::string best;
    std::size_t bestScore = 0;

    for (const auto& candidate : candidates)
    {
        // Scores count edits twice; matching only the start of a longer candidate
        // ("gian" for "gainDb") costs one more, so a whole-word match wins a tie.
        const auto distance = editDistance (word, candidate);
        const auto allowed = std::max<std::size_t> (1, (candidate.size() + 1) / 2);
        std::size_t score = distance <= allowed ? distance * 2 : SIZE_MAX;

        if (word.size() >= 3 && candidate.size() > word.size())
        {
            const auto prefixDistance = editDistance (word, std::string_view (candidate).substr (0, word.size()));

            if (prefixDistance <= std::max<std::size_t> (1, word.size() / 3))
                score = std::min (score, prefixDistance * 2 + 1);
        }

        if (score != SIZE_MAX && (best.empty() || score < bestScore))
        {
            best = candidate;
            bestScore = score;
        }
    }

    return best;
}

std::string didYouMean (std::string_view word, const std::vector<std::string>& candidates)
{
    const auto match = closestMatch (word, candidates);
    return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

} // namespace foldback::errorText
