#pragma once

#include "Session.h"

#include <string>
#include <string_view>
#include <vector>

namespace foldback
{

/** Small read-only questions about a Session that the GUI, the remotes, the Plan
    compiler and validation all ask. Message thread; none of these allocate except
    sourceIdsOf. */

/** Reserved source ids. "clickCountIn" is never valid in a session. */
inline constexpr std::string_view clickSourceId = "click";
inline constexpr std::string_view talkbackSourceId = "talkback";
inline constexpr std::string_view clickCountInSourceId = "clickCountIn";

/** True if the id matches [A-Za-z0-9_-]{1,64}: the syntax of input, track and mix ids. */
bool isValidId (std::string_view id);

/** True for "click", "talkback" and "clickCountIn": ids an input or track may not take. */
bool isReservedSourceId (std::string_view id);

/** True if the session has a talkback mic (talkback.channels is not empty). */
bool hasTalkback (const Session&);

/** Every source a mix can take a send from, in order: the inputs, the tracks, "click",
    then "talkback" if the session has a talkback mic. */
std::vector<std::string> sourceIdsOf (const Session&);

/** True if id names a source of this session (one of sourceIdsOf). */
bool isSourceOf (const Session&, std::string_view id);

/** The mix, input or track with this id, or nullptr. */
const CueMix* findMix (const Session&, std::string_view id);
CueMix* findMix (Session&, std::string_view id);
const LiveInput* findInput (const Session&, std::string_view id);
const BackingTrack* findTrack (const Session&, std::string_view id);

/** The engineer's send from a source in a mix, or nullptr (no such mix, or not sent). */
const SendSettings* findSend (const Session&, std::string_view mixId, const std::string& sourceId);

/** The index of the mix with this id in session.mixes, or -1. */
int indexOfMix (const Session&, std::string_view id);

} // namespace foldback
