#pragma once

#include "Control/RequestErrors.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace foldback
{

/** The words after the command name: positionals, `--flag value` options (some repeatable)
    and `--switch` flags. Unknown options are errors, so a typo never passes unnoticed. */
class CommandLineArguments
{
public:
    /** Throws UsageError for an unknown option or a missing value. */
    CommandLineArguments (const std::vector<std::string>& words,
                          const std::vector<std::string>& optionsWithValues,
                          const std::vector<std::string>& switches);

    const std::vector<std::string>& positionals() const noexcept { return positional; }
    bool has (const std::string& option) const;
    std::string value (const std::string& option, const std::string& fallback = {}) const;
    std::vector<std::string> values (const std::string& option) const;

    /** Parses a number option in [minimum, maximum]; throws UsageError naming the option. */
    double number (const std::string& option, double fallback, double minimum, double maximum) const;
    int integer (const std::string& option, int fallback, int minimum, int maximum) const;

private:
    std::vector<std::string> positional;
    std::multimap<std::string, std::string> options;
};

} // namespace foldback
