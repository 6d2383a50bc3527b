#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace foldback
{

/** A problem with what the user asked for: a bad argument or a bad session. Exit status 2. */
struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/** Anything else that stops a command (a file that cannot be written, no audio device).
    Exit status 1. */
struct CommandFailure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

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
