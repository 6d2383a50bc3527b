#pragma once

#include "Session/Session.h"

#include <string>

namespace foldback
{

/** The remote tokens of the sessions this user has run, by session file, so a performer's
    link (and the engineer's) survives a restart even when the session was not saved:
    `run --remote` without --autosave, or a console quit with "don't save". A performer
    whose phone still has the page open reconnects to the same mix.

    Only tokens a session lacks are filled in: a token in the session file always wins, so
    an engineer who changes a link in the session changes it. Tokens are secrets: the file
    is the user's alone (0600), written atomically, never through a planted link, and a
    damaged one reads as empty. It keeps the most recently used maxSessions sessions.

    Any thread but the audio thread; one writer at a time. */
class RemoteLinkStore
{
public:
    static constexpr std::size_t maxSessions = 256;

    /** The file; defaultPath() unless a test says otherwise. Empty: remembers nothing. */
    explicit RemoteLinkStore (std::string filePath = defaultPath());

    /** remote-links.json in userConfigFolder(); empty with no home folder. */
    static std::string defaultPath();

    /** Fills the tokens `session` lacks (the engineer's, each mix's by id) from what was
        remembered for the session file at `sessionPath`. True if it filled any. */
    bool recall (const std::string& sessionPath, Session& session) const;

    /** Remembers `session`'s tokens for `sessionPath`. False, with `error`, if the file
        cannot be written. */
    bool remember (const std::string& sessionPath, const Session& session, std::string& error) const;

private:
    std::string path;
};

} // namespace foldback
