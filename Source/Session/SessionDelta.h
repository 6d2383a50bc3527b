#pragma once

#include "Session.h"

#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace foldback
{

/** What one edit changed in a Session, and nothing else: for each part that changed, that
    part's value before and after. A part is one of a mix's sends, one send offset of a
    mix's performer layer, a performer layer's master offset, a mix's own settings (all but
    its sends and its performer layer), or a whole top-level section (name, audio, inputs,
    tracks, click, talkback, transport, monitor, remote, and every mix at once when mixes
    were added, removed, renamed by id or reordered). So a fader move from a remote costs
    undo and the audit list a few hundred bytes, not two copies of a 256 x 64 session.

    A delta only makes sense on the session it was taken from: applyForward onto a session
    equal to its "before", applyBackward onto one equal to its "after".

    Plain values; any thread that holds its own. */
class SessionDelta
{
public:
    /** What changed from `before` to `after`: empty when they are equal. */
    static SessionDelta between (const Session& before, const Session& after);

    bool empty() const noexcept { return parts.empty(); }

    /** Redoes the change on a session equal to its "before" (it then equals its "after"). */
    void applyForward (Session& session) const;

    /** Undoes the change on a session equal to its "after" (it then equals its "before"). */
    void applyBackward (Session& session) const;

    /** Makes this delta cover `later` too, an edit that came right after it (a fader drag
        coalescing into one undo step): before stays this one's, after becomes later's. */
    void append (const SessionDelta& later);

    /** Two sessions that hold only what this delta touched, as it was before and after;
        everything else is the default in both. Diffing them gives exactly this change
        (SessionDocument::revertAuditEntry patches today's session with it). */
    std::pair<Session, Session> sketches() const;

    /** About how many bytes this delta holds, inline and on the heap (from the sizes of
        its strings and containers): what undo and the audit list count against their
        memory bounds. */
    std::size_t byteCount() const noexcept { return bytes; }

private:
    enum class Kind
    {
        name, audio, inputs, tracks, click, talkback, transport, mixes, monitor, remote, // whole sections
        mixSettings, send, performerSend, performerMaster                                // one mix's parts
    };

    /** A part's value; monostate is "absent" (a send or an offset that did not exist). */
    using Value = std::variant<std::monostate, std::string, AudioSettings, std::vector<LiveInput>, std::vector<BackingTrack>,
                               ClickSettings, TalkbackSettings, TransportSettings, std::vector<CueMix>, MonitorSettings,
                               RemoteSettings, CueMix, SendSettings, PerformerSendOffset, double>;

    struct Part
    {
        Kind kind;
        std::string mixId, sourceId; ///< for a mix's parts; sourceId for sends and offsets
        Value before, after;
    };

    static bool isMixPart (Kind kind) noexcept { return kind >= Kind::mixSettings; }
    static void put (Session& session, const Part& part, const Value& value);
    static std::size_t bytesOf (const Part& part);
    void add (Part part);

    std::vector<Part> parts; ///< in the order they apply forward
    std::size_t bytes = sizeof (SessionDelta);
};

} // namespace foldback
