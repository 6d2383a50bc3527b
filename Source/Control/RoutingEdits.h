#pragma once

#include "Control/SessionDocument.h"
#include "Control/StructureEdit.h"

#include <string>
#include <vector>

namespace foldback
{

/** The engineer's edits of the session's own routing, as InputEdits.h: one document step
    each, validated, undoable, audited; a rejected one changes nothing and says why.
    Message thread only. */

/** The talkback mic's device input; 0 for none. Taking the mic away takes its sends with
    it; giving the session one again sends it to every mix at 0 dB, as Session > New does
    (the engineer is heard by everyone). */
StructureEdit setTalkbackChannel (SessionDocument& document, int channel);

/** Where LISTEN plays: none, one output or a pair, none of them a mix's. */
StructureEdit setListenOutputs (SessionDocument& document, const std::vector<int>& outputs);

/** The IPv4 address the remotes listen on ("0.0.0.0": every interface). */
StructureEdit setRemoteAddress (SessionDocument& document, const std::string& address);

/** The remotes' web (HTTP) and OSC ports. */
StructureEdit setRemotePorts (SessionDocument& document, int httpPort, int oscPort);

} // namespace foldback
