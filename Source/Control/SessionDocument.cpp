#include "SessionDocument.h"

#include "Session/PerformerLayer.h"
#include "Session/SessionFile.h"
#include "Session/SessionJson.h"
#include "Session/SessionValidation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>

namespace foldback
{

namespace
{
    constexpr auto coalesceWindow = std::chrono::seconds (1);

    const nlohmann::json* childOf (const nlohmann::json* node, const std::string& token)
    {
        if (node == nullptr)
            return nullptr;
        if (node->is_object())
        {
            const auto found = node->find (token);
            return found != node->end() ? &*found : nullptr;
        }
        if (node->is_array() && ! token.empty() && std::all_of (token.begin(), token.end(), [] (char c) { return c >= '0' && c <= '9'; }))
        {
            const auto index = std::stoull (token);
            return index < node->size() ? &(*node)[static_cast<std::size_t> (index)] : nullptr;
        }
        return nullptr;
    }

    /** Rewrites a JSON pointer into `from` so that it names the same things in `to`: an
        element of an array that has an "id" (a mix, an input, a track) is found by its id,
        not by its position, so reverting an entry lands on the mix it changed even after
        the engineer has removed or reordered others. Nothing when that element is gone. */
    std::optional<std::string> rebasePointer (const std::string& pointer, const nlohmann::json& from, const nlohmann::json& to)
    {
        std::vector<std::string> tokens;
        for (auto rest = nlohmann::json::json_pointer (pointer); ! rest.empty(); rest.pop_back())
            tokens.insert (tokens.begin(), rest.back());

        const nlohmann::json* a = &from;
        const nlohmann::json* b = &to;
        nlohmann::json::json_pointer rebased;
        for (const auto& token : tokens)
        {
            std::string target = token;
            const auto* element = a != nullptr && a->is_array() ? childOf (a, token) : nullptr;
            if (element != nullptr && element->is_object() && element->contains ("id") && b != nullptr && b->is_array())
            {
                const auto& id = (*element)["id"];
                const auto same = std::find_if (b->begin(), b->end(), [&id] (const nlohmann::json& e)
                                                { return e.is_object() && e.contains ("id") && e["id"] == id; });
                if (same == b->end())
                    return std::nullopt;
                target = std::to_string (same - b->begin());
            }
            a = childOf (a, token);
            b = childOf (b, target);
            rebased.push_back (target);
        }
        return rebased.to_string();
    }
}

SessionDocument::SessionDocument (SessionPlayer& playerToDrive)
    : player (playerToDrive), session (playerToDrive.getSession()), savedSession (session)
{
}

namespace
{
    /** The folder relative paths in a session at `sessionPath` start from (as reset() uses). */
    std::filesystem::path folderOfSession (const std::string& sessionPath)
    {
        return sessionPath.empty() ? std::filesystem::current_path()
                                   : std::filesystem::absolute (std::filesystem::path (sessionPath)).parent_path();
    }

    void rebase (std::string& file, const std::filesystem::path& from, const std::filesystem::path& to)
    {
        if (file.empty() || std::filesystem::path (file).is_absolute())
            return;
        const auto absolute = (from / file).lexically_normal();
        const auto relative = absolute.lexically_relative (to);
        file = relative.empty() || *relative.begin() == ".." ? absolute.string() : relative.string();
    }

    void rebaseRelativePaths (Session& session, const std::filesystem::path& from, const std::filesystem::path& to)
    {
        for (auto& track : session.tracks)
            rebase (track.file, from, to);
        rebase (session.click.customFile, from, to);
    }
}

void SessionDocument::reset (const Session& newSession, const std::string& filePath)
{
    session = savedSession = newSession;
    path = filePath;
    undoStack.clear();
    redoStack.clear();
    undoBytes = 0;

    const auto directory = std::filesystem::absolute (std::filesystem::path (filePath.empty() ? "." : filePath)).parent_path();
    player.setSession (session, filePath.empty() ? std::filesystem::current_path().string() : directory.string());
    ++changeCount;
    for (auto& listener : listeners)
        listener();
}

std::vector<SessionError> SessionDocument::edit (const std::string& description, const std::function<void (Session&)>& change,
                                                 const EditOrigin& origin, const std::string& coalesceKey)
{
    Session next = session;
    change (next);
    prunePerformerLayers (next); // a send the engineer removed takes the performer's offset with it

    // The same rules as a file: what cannot be saved and loaded back cannot be set. The
    // validator is what loading runs, and a valid session loads back unchanged, so there is
    // no need to write and parse the whole session on every fader move.
    auto errors = validateSession (next, path.empty() ? "session" : path);
    if (! errors.empty())
        return errors;

    const auto delta = SessionDelta::between (session, next);
    if (delta.empty())
        return {};

    record (description, delta, origin, coalesceKey);
    session = std::move (next);
    changed();
    return {};
}

void SessionDocument::record (const std::string& description, const SessionDelta& change, const EditOrigin& origin,
                              const std::string& coalesceKey)
{
    const auto now = std::chrono::steady_clock::now();
    for (const auto& step : redoStack)
        undoBytes -= step.change.byteCount();
    redoStack.clear();

    if (! coalesceKey.empty() && ! undoStack.empty() && undoStack.back().coalesceKey == coalesceKey
        && now - undoStack.back().when < coalesceWindow)
    {
        auto& last = undoStack.back();
        undoBytes -= last.change.byteCount();
        last.change.append (change);
        undoBytes += last.change.byteCount();
        last.when = now;
        last.description = description; // a drag's step is named by where it ended
    }
    else
    {
        undoStack.push_back ({ description, change, coalesceKey, now });
        undoBytes += change.byteCount();
    }
    trimUndo();

    // A fader drag (from the console or a remote) is one line of the audit, not fifty.
    const auto wallNow = std::chrono::system_clock::now();
    if (! coalesceKey.empty() && ! audit.empty() && audit.back().coalesceKey == coalesceKey && audit.back().who == origin.who
        && wallNow - audit.back().when < coalesceWindow)
    {
        auto& last = audit.back();
        auditBytes -= last.change.byteCount();
        last.change.append (change);
        auditBytes += last.change.byteCount();
        last.when = wallNow;
        last.what = description; // the value the drag ended at, not the one it started from
    }
    else
    {
        audit.push_back ({ wallNow, origin.who, description, change, coalesceKey });
        auditBytes += change.byteCount();
    }
    trimAudit();
}

void SessionDocument::trimUndo()
{
    // Oldest first; the newest step stays even when it alone is over the bound.
    std::size_t drop = 0;
    for (auto bytes = undoBytes; undoStack.size() - drop > 1 && (undoStack.size() - drop > maxUndoSteps || bytes > maxUndoBytes); ++drop)
        bytes -= undoStack[drop].change.byteCount();
    for (std::size_t i = 0; i < drop; ++i)
        undoBytes -= undoStack[i].change.byteCount();
    undoStack.erase (undoStack.begin(), undoStack.begin() + static_cast<std::ptrdiff_t> (drop));
}

void SessionDocument::trimAudit()
{
    std::size_t drop = 0;
    for (auto bytes = auditBytes; audit.size() - drop > 1 && (audit.size() - drop > maxAuditEntries || bytes > maxAuditBytes); ++drop)
        bytes -= audit[drop].change.byteCount();
    for (std::size_t i = 0; i < drop; ++i)
        auditBytes -= audit[i].change.byteCount();
    audit.erase (audit.begin(), audit.begin() + static_cast<std::ptrdiff_t> (drop));
}

std::vector<SessionError> SessionDocument::revertAuditEntry (std::size_t index, const EditOrigin& origin)
{
    if (index >= audit.size())
        return { { "audit", {}, "no audit entry " + std::to_string (index) } };

    const auto entry = audit[index];

    // The entry's own change, reversed: a JSON patch from its "after" back to its "before",
    // applied to today's session, so later edits to other values stay as they are. The two
    // sketches hold only what the entry touched, so the patch is exactly its change.
    const auto [beforeSketch, afterSketch] = entry.change.sketches();
    const auto before = nlohmann::json::parse (sessionToJson (beforeSketch));
    const auto after = nlohmann::json::parse (sessionToJson (afterSketch));
    const auto reverse = nlohmann::json::diff (after, before);

    const auto current = nlohmann::json::parse (sessionToJson (session));
    auto rebasedReverse = nlohmann::json::array();
    for (auto operation : reverse)
    {
        const auto rebased = rebasePointer (operation["path"].get<std::string>(), after, current);
        if (! rebased.has_value())
            return { { "audit", {}, "cannot revert \"" + entry.what + "\": what it changed is no longer in the session" } };
        operation["path"] = *rebased;
        rebasedReverse.push_back (std::move (operation));
    }

    nlohmann::json reverted;
    try
    {
        reverted = current.patch (rebasedReverse);
    }
    catch (const nlohmann::json::exception&)
    {
        return { { "audit", {}, "cannot revert \"" + entry.what + "\": what it changed is no longer in the session" } };
    }

    auto parsed = parseSessionJson (reverted.dump(), "revert of \"" + entry.what + "\"");
    if (! parsed.session.has_value())
        return parsed.errors;

    const Session target = *parsed.session;
    return edit ("Revert " + entry.what, [&target] (Session& s) { s = target; }, origin);
}

void SessionDocument::undo()
{
    if (undoStack.empty())
        return;
    auto step = std::move (undoStack.back());
    undoStack.pop_back();
    step.change.applyBackward (session);
    changed();
    redoStack.push_back (std::move (step));
}

void SessionDocument::redo()
{
    if (redoStack.empty())
        return;
    auto step = std::move (redoStack.back());
    redoStack.pop_back();
    step.change.applyForward (session);
    changed();
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
    // Relative paths are relative to the session file: saved into another folder, they
    // are rewritten to name the same files from there (absolute when not beneath it).
    const auto oldFolder = folderOfSession (path);
    const auto newFolder = folderOfSession (filePath);
    Session toSave = session;
    if (oldFolder != newFolder)
        rebaseRelativePaths (toSave, oldFolder, newFolder);

    if (! saveSessionFile (toSave, filePath, errorMessage))
        return false;
    path = filePath;
    session = savedSession = toSave;
    if (oldFolder != newFolder)
        player.setSession (session, newFolder.string()); // the same files: their streams are kept
    for (auto& listener : listeners)
        listener();
    return true;
}

void SessionDocument::changed()
{
    ++changeCount;
    player.updateSession (session);
    for (auto& listener : listeners)
        listener();
}

} // namespace foldback
