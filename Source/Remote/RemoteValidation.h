#pragma once

#include "RemoteChange.h"
#include "RemoteDirectory.h"

#include <optional>
#include <string>

namespace foldback
{

/** The result of checking a remote's request: the change to apply, or why not. */
struct RemoteVerdict
{
    std::optional<RemoteChange> change;
    std::string error;
};

/** Who a token belongs to. */
struct RemoteIdentity
{
    bool engineer = false;
    std::string mixId;      ///< the performer's own mix (empty for the engineer)
};

/** The holder of a token, or nothing for a missing, malformed or unknown token. */
std::optional<RemoteIdentity> identifyRemote (const RemoteDirectory& directory, const std::string& token);

/** Applies the access rules of docs/remotes.md: a performer changes only their own mix,
    only the controls the engineer allows, only sources the engineer sends them; the
    engineer's token reaches every mix and the transport. Values must be finite and in
    range. Any thread (reads only the directory). */
RemoteVerdict validateRemoteChange (const RemoteDirectory& directory, const RemoteIdentity& who, RemoteChange requested);

} // namespace foldback
