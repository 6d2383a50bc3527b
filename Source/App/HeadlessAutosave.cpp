#include "HeadlessAutosave.h"

namespace foldback
{

HeadlessAutosave::HeadlessAutosave (SessionDocument& doc, std::chrono::milliseconds quiet, std::ostream& output, std::ostream& errors)
    : document (doc), quietTime (quiet), out (output), err (errors), seenChangeCount (doc.getChangeCount())
{
}

void HeadlessAutosave::service (Clock::time_point now)
{
    if (document.getChangeCount() != seenChangeCount)
    {
        seenChangeCount = document.getChangeCount();
        lastChange = now;
        return;
    }

    if (document.hasUnsavedChanges() && failedAtChangeCount != seenChangeCount && now - lastChange >= quietTime)
        saveNow();
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
