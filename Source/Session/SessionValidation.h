#pragma once

#include "Session.h"
#include "SessionError.h"

#include <string>
#include <vector>

namespace foldback
{

/** Checks everything about a Session that its C++ types do not: value ranges (rejected,
    never clamped), enum strings, id syntax and uniqueness, sends naming existing sources,
    channel counts and numbers, output channels shared between mixes, tempo map order,
    loop points, the custom click file, and that all text is UTF-8.

    Each error names the JSON pointer the field has in a saved file, in document order
    (audio, inputs, tracks, click, talkback, transport, mixes); fileName fills
    SessionError::file. An empty result means the session can be saved and loaded back
    unchanged. Message thread (or any thread holding its own copy). */
std::vector<SessionError> validateSession (const Session& session, const std::string& fileName);

} // namespace foldback
