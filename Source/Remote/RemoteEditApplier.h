#pragma once

#include "PendingRemoteChanges.h"

#include <string>
#include <vector>

namespace foldback
{

class SessionDocument;

/** Applies validated remote changes on the message thread: one session edit per client
    per batch (so a flood costs one validation, one undo step and one audit line), named
    after the client for the audit list. A performer's changes go into their layer of
    offsets; the engineer token's into the engineer's own values. Transport and talkback
    go to the player. Returns the errors of edits the session refused. */
std::vector<std::string> applyRemoteChanges (SessionDocument& document, const std::vector<PendingRemoteChanges::Entry>& entries);

} // namespace foldback
