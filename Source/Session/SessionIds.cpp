#include "SessionIds.h"

#include "SessionLimits.h"

namespace foldback
{

std::string makeUniqueId (const std::string& name, const std::string& fallback, const std::function<bool (const std::string&)>& isTaken)
{
    std::string base;
    for (const char c : name)
    {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        base += allowed ? c : '-';
    }
    if (base.empty())
        base = fallback;
    base = base.substr (0, sessionLimits::maxIdLength - 4); // room for a "-999" suffix

    auto id = base;
    for (int n = 2; isTaken (id); ++n)
        id = base + "-" + std::to_string (n);
    return id;
}

} // namespace foldback
