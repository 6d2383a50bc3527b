#pragma once

#include "Session/Session.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace foldback
{

/** What the network threads may know of the session: who holds which token, what each
    performer may change and see. Built on the message thread after every change and
    published whole (immutable), so a network thread never touches the Session itself. */
struct RemoteDirectory
{
    struct Mix
    {
        std::string id, name, token;
        std::vector<std::string> allow;
        std::vector<std::string> sourceIds; ///< the sends a performer sees: inputs, tracks, click (never talkback)
        std::string stateJson;              ///< the web "state" message for this mix
    };

    std::string engineerToken;
    std::vector<Mix> mixes;

    /** The mix whose token this is, or nullptr. Compares in constant time. */
    const Mix* findByToken (const std::string& token) const noexcept;
    const Mix* findMix (const std::string& mixId) const noexcept;
    bool isEngineerToken (const std::string& token) const noexcept;
    bool allows (const Mix& mix, const std::string& control) const noexcept;

    static std::shared_ptr<const RemoteDirectory> build (const Session& session);

    /** build (session), reusing `previous`'s entry (state message included) for every mix
        that is the same in `session` as in `previousSession`, the session `previous` was
        built from, when the sources are the same too: one fader move on a 256 x 64 session
        then writes one mix's state, not 64. */
    static std::shared_ptr<const RemoteDirectory> rebuild (const Session& session, const Session& previousSession,
                                                           const RemoteDirectory& previous);
};

/** The published directory: replaced by the message thread, read by network threads. */
class RemoteDirectoryHolder
{
public:
    void publish (std::shared_ptr<const RemoteDirectory> next)
    {
        const std::scoped_lock lock (mutex);
        current = std::move (next);
    }

    std::shared_ptr<const RemoteDirectory> get() const
    {
        const std::scoped_lock lock (mutex);
        return current;
    }

private:
    mutable std::mutex mutex;
    std::shared_ptr<const RemoteDirectory> current = std::make_shared<RemoteDirectory>();
};

} // namespace foldback
