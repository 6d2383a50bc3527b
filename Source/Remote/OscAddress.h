#pragma once

#include "OscPacket.h"
#include "RemoteChange.h"

#include <string>

namespace foldback
{

/** An OSC message read against Foldback's address space (docs/remotes.md). */
struct OscRequest
{
    std::string token;
    RemoteChange change;
};

/** Maps "/foldback/TOKEN/..." to a change (mix, source, control, value), or fails with the
    reason. Whether the token may make that change is validateRemoteChange's job; here a
    mix named in the address marks the request as engineer-level. */
bool readOscRequest (const OscMessage& message, OscRequest& request, std::string& error);

/** The address prefix feedback uses for a token: "/foldback/TOKEN". */
std::string oscPrefix (const std::string& token);

} // namespace foldback
