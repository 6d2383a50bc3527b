#pragma once

#include <functional>
#include <string>

namespace foldback
{

/** An id for something the engineer named: the name's letters, digits, '_' and '-' (any
    other character becomes '-'), `fallback` when nothing is left, cut to leave room for a
    suffix, then "-2", "-3", ... until `isTaken` says no. Always matches [A-Za-z0-9_-]{1,64}.
    Pure: any thread. */
std::string makeUniqueId (const std::string& name, const std::string& fallback,
                          const std::function<bool (const std::string&)>& isTaken);

} // namespace foldback
