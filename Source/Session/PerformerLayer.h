#pragma once

#include "Session.h"

#include <string>

namespace foldback
{

/** The performer's layer over the engineer's mix (docs/remotes.md): what a performer
    hears is the engineer's value plus their own offset, so the engineer's later edits
    never wipe out a performer's "more me". Message thread; pure functions. */

/** The send the engine plays: the engineer's send with the performer's offsets applied
    (gain clamped to the session's range, pan to [-1, 1], muted if either mutes). */
SendSettings effectiveSend (const CueMix& mix, const std::string& sourceId);

/** The engineer's send level that makes the performer hear `heardDb` of a source, their
    own offset kept (the console's faders show what the performer hears). "Off" stays off. */
double engineerGainForHeard (const CueMix& mix, const std::string& sourceId, double heardDb) noexcept;

/** The mix master the engine plays: the engineer's plus the performer's offset, clamped. */
double effectiveMasterDb (const CueMix& mix) noexcept;

/** Sets the performer's offsets so that what they hear becomes `gainDb`, `pan` or `mute`.
    Offsets are clamped to their ranges; the engineer's values are never touched. The
    source must be sent by the mix. */
void setPerformerGain (CueMix& mix, const std::string& sourceId, double gainDb);
void setPerformerPan (CueMix& mix, const std::string& sourceId, double pan);
void setPerformerMute (CueMix& mix, const std::string& sourceId, bool mute);
void setPerformerMaster (CueMix& mix, double masterDb);

/** Drops offsets for sends the engineer has removed, so removing a source never leaves a
    session that fails validation. */
void prunePerformerLayers (Session& session);

} // namespace foldback
