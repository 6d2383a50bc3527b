#include "SessionQueries.h"

#include "SessionLimits.h"

#include <algorithm>

namespace foldback
{

bool isValidId (std::string_view id)
{
    if (id.empty() || id.size() > sessionLimits::maxIdLength)
        return false;

    return std::all_of (id.begin(), id.end(), [] (char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '-';
    });
}

bool isReservedSourceId (std::string_view id)
{
    return id == clickSourceId || id == talkbackSourceId || id == clickCountInSourceId;
}

bool hasTalkback (const Session& session)
{
    return ! session.talkback.channels.empty();
}

std::vector<std::string> sourceIdsOf (const Session& session)
{
    std::vector<std::string> ids;
    ids.reserve (session.inputs.size() + session.tracks.size() + 2);

    for (const auto& input : session.inputs)
        ids.push_back (input.id);

    for (const auto& track : session.tracks)
        ids.push_back (track.id);

    ids.emplace_back (clickSourceId);

    if (hasTalkback (session))
        ids.emplace_back (talkbackSourceId);

    return ids;
}

bool isSourceOf (const Session& session, std::string_view id)
{
    if (id == clickSourceId)
        return true;

    if (id == talkbackSourceId)
        return hasTalkback (session);

    return findInput (session, id) != nullptr || findTrack (session, id) != nullptr;
}

template <typename Item>
static auto findById (Item* first, Item* last, std::string_view id) -> Item*
{
    auto found = std::find_if (first, last, [id] (const auto& item) { return item.id == id; });
    return found == last ? nullptr : found;
}

const CueMix* findMix (const Session& session, std::string_view id)
{
    return findById (session.mixes.data(), session.mixes.data() + session.mixes.size(), id);
}

CueMix* findMix (Session& session, std::string_view id)
{
    return findById (session.mixes.data(), session.mixes.data() + session.mixes.size(), id);
}

const SendSettings* findSend (const Session& session, std::string_view mixId, const std::string& sourceId)
{
    const auto* mix = findMix (session, mixId);
    if (mix == nullptr)
        return nullptr;
    const auto found = mix->sends.find (sourceId);
    return found != mix->sends.end() ? &found->second : nullptr;
}

const LiveInput* findInput (const Session& session, std::string_view id)
{
    return findById (session.inputs.data(), session.inputs.data() + session.inputs.size(), id);
}

const BackingTrack* findTrack (const Session& session, std::string_view id)
{
    return findById (session.tracks.data(), session.tracks.data() + session.tracks.size(), id);
}

int indexOfMix (const Session& session, std::string_view id)
{
    const auto* mix = findMix (session, id);
    return mix == nullptr ? -1 : static_cast<int> (mix - session.mixes.data());
}

} // namespace foldback
