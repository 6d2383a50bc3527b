#pragma once

#include "Session/SessionError.h"

#include <string>
#include <vector>

namespace foldback
{

/** What a structural edit from the console (InputEdits.h, MixEdits.h, RoutingEdits.h)
    did: nothing and why (errors, each naming the field), or done; `id` is the id an
    add made. */
struct StructureEdit
{
    std::vector<SessionError> errors;
    std::string id;

    bool ok() const noexcept { return errors.empty(); }

    /** One line per error, for the status bar. */
    std::string describe() const;

    /** "3" or "3+4": channels as an audit line names them. */
    static std::string channelText (const std::vector<int>& channels);

    static StructureEdit failed (const std::string& pointer, const std::string& message)
    {
        return { { { "session", pointer, message } }, {} };
    }
};

} // namespace foldback
