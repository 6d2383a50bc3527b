#pragma once

#include "Session.h"

namespace foldback
{

/** True when two sessions compile to Plans of the same shape, so that an edit between
    them only moves parameters (gains, pans, mutes, masters, ceilings, dim) and the
    running Plan can take it without a recompile. Which fields are structural is declared
    with each field in SessionSchema.h. Any thread. */
bool sameStructure (const Session& a, const Session& b);

} // namespace foldback
