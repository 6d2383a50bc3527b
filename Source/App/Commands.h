#pragma once

#include <string>
#include <vector>

namespace foldback
{

// One function per command of the command-line contract (see README). Each takes the
// words after the command name and returns the exit status; UsageError means status 2.

int runCheckCommand (const std::vector<std::string>& arguments);

/** check's exit status for a valid session with a backing track that would play offline
    (missing, unreadable, or not convertible): distinct from 2, a bad session. */
inline constexpr int checkTrackOfflineStatus = 3;

int runRenderCommand (const std::vector<std::string>& arguments);
int runBenchCommand (const std::vector<std::string>& arguments);
int runRunCommand (const std::vector<std::string>& arguments);
int runDevicesCommand (const std::vector<std::string>& arguments);
int runGuiCommand (const std::vector<std::string>& arguments);

} // namespace foldback
