#include "SessionDocument.h"

#include "Session/SessionFile.h"
#include "Session/SessionJson.h"

#include <filesystem>

namespace foldback
{

namespace
{
    constexpr std::size_t maxUndoSteps = 500;
    constexpr std::size_t maxAuditEntries = 1000;
    constexpr auto coalesceWindow = std::chrono::seconds (1);
}

SessionDocument::SessionDocument (SessionPlayer& playerToDrive)
    : player (playerToDrive), session (playerToDrive.getSession()), savedSession (session)
{
}

void SessionDocument::reset (const Session& newSession, const std::string& filePath)
{
    session = savedSession = newSession;
    path = filePath;
    undoStack.clear();
    redoStack.clear();

    const auto directory = std::filesystem::absolute (std::filesystem::path (filePath.empty() ? "." : filePath)).parent_path();
    player.setSession (session, filePath.empty() ? std::filesystem::current_path().string() : directory.string());
    for (auto& listener : listeners)
        listener();
}

std::vector<SessionError> SessionDocument::edit (const std::string& description, const std::function<void (Session&)>& change,
                                                 const EditOrigin& origin, const std::string& coalesceKey)
{
    Session next = session;
    change (next);

    // The same rules as a file: what cannot be saved and loaded back cannot be set.
    auto checked = parseSessionJson (sessionToJson (next), path.empty() ? "session" : path);
    if (! checked.session.has_value())
        return checked.errors;

    if (*checked.session == session)
        return {};

    const auto now = std::chrono::steady_clock::now();
    if (! coalesceKey.empty() && ! undoStack.empty() && undoStack.back().coalesceKey == coalesceKey
        && now - undoStack.back().when < coalesceWindow)
    {
        undoStack.back().after = *checked.session;
        undoStack.back().when = now;
    }
    else
    {
        undoStack.push_back ({ description, session, *checked.session, coalesceKey, now });
        if (undoStack.size() > maxUndoSteps)
            undoStack.erase (undoStack.begin());
    }
    redoStack.clear();

    audit.push_back ({ std::chrono::system_clock::now(), origin.who, description, session });
    if (audit.size() > maxAuditEntries)
        audit.erase (audit.begin());

    apply (*checked.session);
    return {};
}

void SessionDocument::undo()
{
    if (undoStack.empty())
        return;
    auto step = std::move (undoStack.back());
    undoStack.pop_back();
    apply (step.before);
    redoStack.push_back (std::move (step));
}

void SessionDocument::redo()
{
    if (redoStack.empty())
        return;
    auto step = std::move (redoStack.back());
    redoStack.pop_back();
    apply (step.after);
    step.coalesceKey.clear(); // a redone step never swallows the next edit
    undoStack.push_back (std::move (step));
}

bool SessionDocument::saveAs (const std::string& filePath, std::string& errorMessage)
{
    if (filePath.empty())
    {
        errorMessage = "the session has no file yet: choose one with Save As";
        return false;
    }
    if (! saveSessionFile (session, filePath, errorMessage))
        return false;
    path = filePath;
    savedSession = session;
    for (auto& listener : listeners)
        listener();
    return true;
}

void SessionDocument::apply (const Session& next)
{
    session = next;
    player.updateSession (session);
    for (auto& listener : listeners)
        listener();
}

} // namespace foldback
