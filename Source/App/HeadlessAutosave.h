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
    (a fader drag from a phone is one save, not fifty), but never later than maxDelay after
    the first unsaved change, even while edits keep coming (a performer who never stops
    moving a fader would otherwise never be saved, and a crash would lose it all), and on
    exit. Saves are atomic (SessionDocument::save). A failed save is reported once per
    change, keeps the document dirty and is tried again after the next edit (at most once
    per maxDelay while edits keep coming) and on exit.

    Message thread only. */
class HeadlessAutosave
{
public:
    using Clock = std::chrono::steady_clock;

    HeadlessAutosave (SessionDocument& document, std::chrono::milliseconds quietTime, std::chrono::milliseconds maxDelay,
                      std::ostream& out, std::ostream& err);

    /** Call often (the run loop's 100 ms timer). Saves when the last change is quietTime
        old, or the first unsaved one maxDelay old. */
    void service (Clock::time_point now);

    /** Saves any unsaved change now (on exit). Returns false if it could not. */
    bool flush();

private:
    bool saveNow();

    SessionDocument& document;
    const std::chrono::milliseconds quietTime, maxDelay;
    std::ostream& out;
    std::ostream& err;
    std::uint64_t seenChangeCount;
    Clock::time_point lastChange {};
    std::optional<Clock::time_point> waitingSince; ///< the first change not saved yet (or the last failed try)
    std::optional<std::uint64_t> failedAtChangeCount; ///< the change a save last failed on
};

} // namespace foldback
