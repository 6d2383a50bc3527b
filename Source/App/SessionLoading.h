#pragma once

#include "Session/Session.h"

#include <string>

namespace foldback
{

struct LoadedSession
{
    Session session;
    std::string path;
    std::string directory;  ///< relative track paths are resolved against this
};

/** Loads and validates a session file for a command. Throws UsageError carrying every
    error, one per line, each naming the file and the JSON pointer of the field. */
LoadedSession loadSessionForCommand (const std::string& path);

} // namespace foldback
