#pragma once

#include "RemoteChange.h"

#include <string>
#include <string_view>
#include <variant>

namespace foldback
{

/** Largest WebSocket text message accepted from a page (docs/remotes.md). */
inline constexpr std::size_t maxWebMessageBytes = 4096;

/** Parses one text message from a performer page ("set" or "reset") into a change, or
    says what is wrong with it. Checks size, JSON syntax, types and names, not access:
    that is validateRemoteChange's job. Never throws. */
std::variant<RemoteChange, std::string> parseWebMessage (std::string_view text);

} // namespace foldback
