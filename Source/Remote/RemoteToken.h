#pragma once

#include <string>
#include <string_view>

namespace foldback
{

/** A fresh remote token: 22 characters of [A-Za-z0-9_-] from the system's random source
    (132 bits), unguessable and safe in a URL. */
std::string generateRemoteToken();

/** Compares a presented token with a known one without leaking, through timing, how many
    leading characters matched. An empty known token never matches. */
bool tokensMatch (std::string_view presented, std::string_view known) noexcept;

} // namespace foldback
