#pragma once

#include "Session/Session.h"

#include <string>
#include <vector>

namespace foldback
{

/** At most this many performers from Session > New: 127 stereo mixes fill 254 outputs. */
inline constexpr std::size_t maxStarterPerformers = 64;

/** What Session > New makes from the performers' names: a session that already works.

    Performer k (from 1) gets a mono mic on device input k ("<name> mic") and a stereo cue
    mix "<name>" on outputs 2k-1 and 2k that hears their own mic at 0 dB, the click at
    -12 dB and talkback at 0 dB, and nothing else until the engineer raises it (nothing
    lands in anyone's ears unasked). The talkback mic is on the input after theirs. The device is `device`;
    everything else is at its defaults. Names are kept as typed; ids are made from them
    (unique, [A-Za-z0-9_-]). No names gives one performer, "Performer 1". Pure. */
Session makeStarterSession (const std::vector<std::string>& performerNames, const AudioSettings& device);

/** The names in "Singer, Guitarist" or one per line: trimmed, empty ones dropped, at most
    maxStarterPerformers. */
std::vector<std::string> parsePerformerNames (const std::string& text);

} // namespace foldback
