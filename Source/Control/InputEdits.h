#pragma once

#include "Control/SessionDocument.h"
#include "Control/StructureEdit.h"

#include <string>
#include <vector>

namespace foldback
{

/** The engineer's edits of the live inputs, and of any source's colour: each is one step
    of the document (validated as a file is, undoable, audited as "engineer"), and a
    rejected one changes nothing and says why, naming the field. Names must be non-empty
    and not another input's or track's name, so no two strips read the same.

    A new input reaches no mix: no mix has a send from it until the engineer raises one
    (as a new track). Removing an input removes its sends, and the performers' offsets
    on them. Message thread only. */

/** The lowest device input channel no input and not the talkback mic uses (1 if all are). */
int firstFreeInputChannel (const Session& session);

/** Adds an input at the end, its id made from its name. */
StructureEdit addInput (SessionDocument& document, const std::string& name, const std::vector<int>& channels);

StructureEdit removeInput (SessionDocument& document, const std::string& inputId);
StructureEdit renameInput (SessionDocument& document, const std::string& inputId, const std::string& name);

/** Moves an input `steps` places (negative: towards the first), clamped to the list. */
StructureEdit moveInput (SessionDocument& document, const std::string& inputId, int steps);

/** One channel (mono) or two (a stereo pair). */
StructureEdit setInputChannels (SessionDocument& document, const std::string& inputId, const std::vector<int>& channels);

/** An input's or a track's colour: "#rrggbb", or empty for the console's default. */
StructureEdit setSourceColour (SessionDocument& document, const std::string& sourceId, const std::string& colour);

} // namespace foldback
