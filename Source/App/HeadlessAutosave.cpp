#include "HeadlessAutosave.h"

namespace foldback
{

HeadlessAutosave::HeadlessAutosave (SessionDocument& doc, std::chrono::milliseconds quiet, std::chrono::milliseconds latest,
                                    std::ostream& output, std::ostream& errors)
    : document (doc), quietTime (quiet), maxDelay (latest), out (output), err (errors), seenChangeCount (doc.getChangeCount())
{
}

void HeadlessAutosave::service (Clock::time_point now)
{
    if (document.getChangeCount() != seenChangeCount)
    {
        seenChangeCount = document.getChangeCount();
        lastChange = now;
        if (! waitingSince.has_value())
            waitingSince = now;
    }

    if (! document.hasUnsavedChanges())
    {
        waitingSince.reset(); // saved, or undone back to what the file holds
        return;
    }

    const bool quiet = now - lastChange >= quietTime;
    const bool overdue = waitingSince.has_value() && now - *waitingSince >= maxDelay;
    if (failedAtChangeCount != seenChangeCount && (quiet || overdue))
    {
        if (saveNow())
            waitingSince.reset();
        else
            waitingSince = now; // while edits keep coming, try again a maxDelay later
    }
}

bool HeadlessAutosave::flush()
{
    return ! document.hasUnsavedChanges() || saveNow();
}

bool HeadlessAutosave::saveNow()
{
    std::string error;
    if (document.save (error))
    {
        failedAtChangeCount.reset();
        out << "autosave: saved " << document.getFilePath() << std::endl;
        return true;
    }

    failedAtChangeCount = document.getChangeCount();
    err << "warning: autosave failed, the changes are kept in memory: " << error << std::endl;
    return false;
}

} // namespace foldback
