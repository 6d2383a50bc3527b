#pragma once

// Runs the real foldback binary through the shell, as a user would, and collects what it
// printed. Only for test executables built with FOLDBACK_BINARY defined.

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace foldback::test
{

struct FoldbackOutcome
{
    int status = -1;    ///< the exit status; 128 + N for a death by signal N (139: SIGSEGV)
    std::string output; ///< stdout and stderr together
};

/** `shellPrefix` runs first in the same shell (for example "ulimit -n 64;"). */
inline FoldbackOutcome runFoldback (const std::string& arguments, const std::string& shellPrefix = {})
{
    const std::string command = shellPrefix + " " + std::string (FOLDBACK_BINARY) + " " + arguments + " 2>&1";
    FoldbackOutcome outcome;
    FILE* pipe = ::popen (command.c_str(), "r");
    REQUIRE (pipe != nullptr);
    char buffer[4096];
    while (std::fgets (buffer, sizeof buffer, pipe) != nullptr)
        outcome.output += buffer;
    const int raw = ::pclose (pipe);
    outcome.status = WIFEXITED (raw) ? WEXITSTATUS (raw) : 128 + (WIFSIGNALED (raw) ? WTERMSIG (raw) : 0);
    return outcome;
}

inline std::string shellQuoted (const std::filesystem::path& p)
{
    std::string quoted ("'");
    quoted += p.string();
    quoted += '\'';
    return quoted;
}

} // namespace foldback::test
