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
    unchanged. Message thread (or any thread holding its own copy).

    Ranges and their messages come from SessionSchema.h. unknownNames are the reader's
    errors for names outside an enum's set (readSessionDocument), reported here at their
    field's place in the order. */
std::vector<SessionError> validateSession (const Session& session, const std::string& fileName,
                                           const std::vector<SessionError>& unknownNames = {});

} // namespace foldback
