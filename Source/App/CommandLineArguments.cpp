#include "CommandLineArguments.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace foldback
{

namespace
{
    bool contains (const std::vector<std::string>& list, const std::string& word)
    {
        return std::find (list.begin(), list.end(), word) != list.end();
    }
}

CommandLineArguments::CommandLineArguments (const std::vector<std::string>& words,
                                            const std::vector<std::string>& optionsWithValues,
                                            const std::vector<std::string>& switches)
{
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        const auto& word = words[i];

        if (word.size() < 3 || word.rfind ("--", 0) != 0)
        {
            positional.push_back (word);
            continue;
        }

        auto name = word;
        std::string inlineValue;
        bool hasInlineValue = false;
        if (const auto equals = word.find ('='); equals != std::string::npos)
        {
            name = word.substr (0, equals);
            inlineValue = word.substr (equals + 1);
            hasInlineValue = true;
        }

        if (contains (switches, name) && ! hasInlineValue)
        {
            options.emplace (name, "");
        }
        else if (contains (optionsWithValues, name))
        {
            if (! hasInlineValue)
            {
                if (i + 1 >= words.size())
                    throw UsageError (name + " needs a value");
                inlineValue = words[++i];
            }
            options.emplace (name, inlineValue);
        }
        else
        {
            throw UsageError ("unknown option " + name);
        }
    }
}

bool CommandLineArguments::has (const std::string& option) const
{
    return options.count (option) > 0;
}

std::string CommandLineArguments::value (const std::string& option, const std::string& fallback) const
{
    const auto found = options.find (option);
    return found == options.end() ? fallback : found->second;
}

std::vector<std::string> CommandLineArguments::values (const std::string& option) const
{
    std::vector<std::string> result;
    const auto range = options.equal_range (option);
    for (auto it = range.first; it != range.second; ++it)
        result.push_back (it->second);
    return result;
}

double CommandLineArguments::number (const std::string& option, double fallback, double minimum, double maximum) const
{
    if (! has (option))
        return fallback;

    const auto text = value (option);
    char* end = nullptr;
    const double parsed = std::strtod (text.c_str(), &end);

    if (text.empty() || end == nullptr || *end != '\0' || ! std::isfinite (parsed)
        || parsed < minimum || parsed > maximum)
    {
        auto format = [] (double v) { auto s = std::to_string (v); s.erase (s.find_last_not_of ('0') + 1); if (! s.empty() && s.back() == '.') s.pop_back(); return s; };
        throw UsageError (option + " must be a number from " + format (minimum) + " to " + format (maximum)
                          + ", got '" + text + "'");
    }

    return parsed;
}

int CommandLineArguments::integer (const std::string& option, int fallback, int minimum, int maximum) const
{
    const double parsed = number (option, fallback, minimum, maximum);
    if (parsed != std::floor (parsed))
        throw UsageError (option + " must be a whole number, got '" + value (option) + "'");
    return static_cast<int> (parsed);
}

} // namespace foldback
