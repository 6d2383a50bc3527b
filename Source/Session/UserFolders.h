#pragma once

#include <string>

namespace foldback
{

/** Where this user's Foldback files live, by the XDG base directory rules: never the shared
    temporary folder, where anyone can plant a file, so empty when the user has no home.
    Any thread. */

/** $XDG_CONFIG_HOME/foldback, else ~/.config/foldback: settings and remembered state. */
std::string userConfigFolder();

/** $XDG_CACHE_HOME/foldback, else ~/.cache/foldback: what can be rebuilt. */
std::string userCacheFolder();

} // namespace foldback
