#include "RemoteDirectory.h"

#include "RemoteStateJson.h"
#include "RemoteToken.h"

#include <algorithm>

namespace foldback
{

const RemoteDirectory::Mix* RemoteDirectory::findByToken (const std::string& token) const noexcept
{
    const Mix* found = nullptr;
    for (const auto& mix : mixes) // no early exit: the time taken never says which mix matched
        if (tokensMatch (token, mix.token))
            found = &mix;
    return found;
}

const RemoteDirectory::Mix* RemoteDirectory::findMix (const std::string& mixId) const noexcept
{
    for (const auto& mix : mixes)
        if (mix.id == mixId)
            return &mix;
    return nullptr;
}

bool RemoteDirectory::isEngineerToken (const std::string& token) const noexcept
{
    return tokensMatch (token, engineerToken);
}

bool RemoteDirectory::allows (const Mix& mix, const std::string& control) const noexcept
{
    return std::find (mix.allow.begin(), mix.allow.end(), control) != mix.allow.end();
}

std::shared_ptr<const RemoteDirectory> RemoteDirectory::build (const Session& session)
{
    auto directory = std::make_shared<RemoteDirectory>();
    directory->engineerToken = session.remote.engineerToken;
    for (const auto& mix : session.mixes)
        directory->mixes.push_back ({ mix.id, mix.name, mix.remote.token, mix.remote.allow,
                                      remoteSourceIdsOf (session, mix), mixStateJson (session, mix) });
    return directory;
}

std::shared_ptr<const RemoteDirectory> RemoteDirectory::rebuild (const Session& session, const Session& previousSession,
                                                                 const RemoteDirectory& previous)
{
    // A mix's entry depends on the mix and on the session's sources (ids, names, kinds, order).
    const bool sameSources = session.inputs == previousSession.inputs && session.tracks == previousSession.tracks
                             && session.talkback == previousSession.talkback;
    if (! sameSources || previous.mixes.size() != previousSession.mixes.size())
        return build (session);

    auto directory = std::make_shared<RemoteDirectory>();
    directory->engineerToken = session.remote.engineerToken;
    for (const auto& mix : session.mixes)
    {
        const auto before = std::find_if (previousSession.mixes.begin(), previousSession.mixes.end(),
                                          [&mix] (const CueMix& m) { return m.id == mix.id; });
        if (before != previousSession.mixes.end() && *before == mix)
            directory->mixes.push_back (previous.mixes[static_cast<std::size_t> (before - previousSession.mixes.begin())]);
        else
            directory->mixes.push_back ({ mix.id, mix.name, mix.remote.token, mix.remote.allow,
                                          remoteSourceIdsOf (session, mix), mixStateJson (session, mix) });
    }
    return directory;
}

} // namespace foldback
