#pragma once

#include "Engine/AudioMath.h"
#include "Session.h"

namespace foldback
{

/** What a send's linear target gains depend on besides its own settings. */
struct SendContext
{
    int sourceChannels = 1;     ///< 1 or 2
    int mixChannels = 2;        ///< 1 (mono headphone feed) or 2
    double sourceGainDb = 0.0;  ///< a backing track's own gain, applied before the send
};

/** Resolves gain, pan and mute into the two linear gains the engine ramps to.
    Mono source into a stereo mix: constant-power pan. Stereo source into a stereo mix:
    balance. Anything into a mono mix: no pan, a stereo source folded down at -6 dB per
    side so a correlated signal keeps its level. Message thread; pure. */
StereoGain computeSendTargets (const SendSettings& send, const SendContext& context) noexcept;

} // namespace foldback
