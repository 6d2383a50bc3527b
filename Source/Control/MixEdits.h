#pragma once

#include "Control/SessionDocument.h"
#include "Control/StructureEdit.h"

#include <string>
#include <vector>

namespace foldback
{

/** The engineer's edits of the performers' mixes, as InputEdits.h: one document step
    each, validated (no output in two mixes or in LISTEN), undoable, audited; a rejected
    one changes nothing and says why. Mix names are non-empty and unique.

    A new mix hears what a mix of Session > New hears before its own mic: the click at
    -12 dB and talkback (if there is a talkback mic) at 0 dB, and no other source until the
    engineer raises it. Message thread only. */

/** The lowest outputs no mix and not LISTEN uses: a pair 2k-1, 2k when `stereo`. */
std::vector<int> firstFreeOutputs (const Session& session, bool stereo);

/** Adds a mix at the end, its id made from its name. */
StructureEdit addMix (SessionDocument& document, const std::string& name, const std::vector<int>& outputs);

StructureEdit removeMix (SessionDocument& document, const std::string& mixId);
StructureEdit renameMix (SessionDocument& document, const std::string& mixId, const std::string& name);

/** Moves a mix `steps` places (negative: towards the first), clamped to the list. */
StructureEdit moveMix (SessionDocument& document, const std::string& mixId, int steps);

/** One output (a mono feed) or two (stereo). */
StructureEdit setMixOutputs (SessionDocument& document, const std::string& mixId, const std::vector<int>& outputs);

/** The mix's safety limiter ceiling, dBFS. Steps within a second undo together (a drag). */
StructureEdit setMixCeiling (SessionDocument& document, const std::string& mixId, double ceilingDb);

} // namespace foldback
