#pragma once

#include "Control/SessionPlayer.h"
#include "Session/Session.h"
#include "Session/SessionDelta.h"
#include "Session/SessionError.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace foldback
{

/** Who made an edit, for the audit list. */
struct EditOrigin
{
    std::string who = "engineer"; ///< "engineer", or a remote's name ("singer's phone")
};

/** The one writer of the Session: the GUI, every remote and preset loading edit it here,
    on the message thread. Every edit is validated (the same rules as a session file), so
    a control, a remote or a script can never put a value into the session that a file
    could not hold; every accepted edit goes to the SessionPlayer (and so to the engine),
    onto the undo history, and out to the listeners.

    Undo and the audit list keep what each edit changed (a SessionDelta), never copies of
    the session, within fixed memory bounds: at most
    maxUndoSteps steps and maxUndoBytes bytes of undo and redo together, and at most
    maxAuditEntries lines and maxAuditBytes bytes of audit. The oldest go first; the newest
    step and line are always kept, however big (a change of the whole mix list of a
    256 x 64 session is about 3 MiB).

    Message thread only. */
class SessionDocument
{
public:
    struct AuditEntry
    {
        std::chrono::system_clock::time_point when;
        std::string who;
        std::string what;
        SessionDelta change;        ///< what the edit changed, from its session to the next
        std::string coalesceKey;
    };

    static constexpr std::size_t maxUndoSteps = 500;
    static constexpr std::size_t maxUndoBytes = 16 * 1024 * 1024;
    static constexpr std::size_t maxAuditEntries = 1000;
    static constexpr std::size_t maxAuditBytes = 16 * 1024 * 1024;

    using Listener = std::function<void()>;

    explicit SessionDocument (SessionPlayer& player);

    /** Replaces the whole document (new, open, revert), clearing the undo history. */
    void reset (const Session& session, const std::string& filePath);

    /** Applies an edit. Returns the validation errors (empty on success); a rejected edit
        changes nothing. Edits with the same `coalesceKey` (e.g. "fader mix3 vox") within
        a second merge into one undo step, so a fader drag undoes in one go. */
    std::vector<SessionError> edit (const std::string& description, const std::function<void (Session&)>& change,
                                    const EditOrigin& origin = EditOrigin {}, const std::string& coalesceKey = {});

    /** Puts back exactly what audit entry `index` changed (and nothing it did not touch),
        as a new edit by `origin`. Returns why not when the session has moved on so far
        that those values no longer exist. */
    std::vector<SessionError> revertAuditEntry (std::size_t index, const EditOrigin& origin = EditOrigin {});

    bool canUndo() const noexcept { return ! undoStack.empty(); }
    bool canRedo() const noexcept { return ! redoStack.empty(); }
    std::string getUndoDescription() const { return canUndo() ? undoStack.back().description : std::string(); }
    std::string getRedoDescription() const { return canRedo() ? redoStack.back().description : std::string(); }
    void undo();
    void redo();

    /** Saves atomically; on success the document is clean and `filePath` becomes its path.
        Saved into another folder, relative track and click-sound paths are rewritten to
        name the same files from the new folder (absolute where they are not beneath it),
        and the player resolves them from there. */
    bool saveAs (const std::string& filePath, std::string& errorMessage);
    bool save (std::string& errorMessage) { return saveAs (path, errorMessage); }

    const Session& getSession() const noexcept { return session; }
    const std::string& getFilePath() const noexcept { return path; }
    bool hasUnsavedChanges() const noexcept { return session != savedSession; }
    const std::vector<AuditEntry>& getAuditLog() const noexcept { return audit; }

    /** The bytes undo and redo hold, and the audit list: SessionDelta::byteCount summed. */
    std::size_t getUndoBytes() const noexcept { return undoBytes; }
    std::size_t getAuditBytes() const noexcept { return auditBytes; }

    /** Counts every accepted edit, undo, redo and reset: a cheap "has anything changed". */
    std::uint64_t getChangeCount() const noexcept { return changeCount; }

    /** Called after every change of the session (edit, undo, redo, reset). */
    void addListener (Listener listener) { listeners.push_back (std::move (listener)); }

    SessionPlayer& getPlayer() noexcept { return player; }

private:
    struct Step
    {
        std::string description;
        SessionDelta change;
        std::string coalesceKey;
        std::chrono::steady_clock::time_point when;
    };

    void record (const std::string& description, const SessionDelta& change, const EditOrigin& origin, const std::string& coalesceKey);
    void trimUndo();
    void trimAudit();
    void changed();

    SessionPlayer& player;
    Session session, savedSession;
    std::string path;
    std::vector<Step> undoStack, redoStack;
    std::vector<AuditEntry> audit;
    std::size_t undoBytes = 0, auditBytes = 0;
    std::vector<Listener> listeners;
    std::uint64_t changeCount = 0;
};

} // namespace foldback
