#pragma once

#include "Control/SessionDocument.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>

namespace foldback
{

/** `run --autosave`: a rig with no screen has nobody to press Save, so the session file
    follows the document by itself. Performers' remote edits, and the tokens `--remote`
    generates, then survive a restart, and each performer's link stays the same.

    A save happens once the document has unsaved changes and no new edit for quietTime
    (a fader drag from a phone is one save, not fifty), and on exit. Saves are atomic
    (SessionDocument::save). A failed save is reported once per change, keeps the
    document dirty and is tried again after the next edit and on exit.

    Message thread only. */
class HeadlessAutosave
{
public:
    using Clock = std::chrono::steady_clock;

    HeadlessAutosave (SessionDocument& document, std::chrono::milliseconds quietTime, std::ostream& out, std::ostream& err);

    /** Call often (the run loop's 100 ms timer). Saves when the last change is quietTime old. */
    void service (Clock::time_point now);

    /** Saves any unsaved change now (on exit). Returns false if it could not. */
    bool flush();

private:
    bool saveNow();

    SessionDocument& document;
    const std::chrono::milliseconds quietTime;
    std::ostream& out;
    std::ostream& err;
    std::uint64_t seenChangeCount;
    Clock::time_point lastChange {};
    std::optional<std::uint64_t> failedAtChangeCount; ///< the change a save last failed on
};

} // namespace foldback
