#include "RemoteStateJson.h"

#include "Engine/AudioMath.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace foldback
{

std::vector<std::string> remoteSourceIdsOf (const Session& session, const CueMix& mix)
{
    std::vector<std::string> ids;
    for (const auto& id : sourceIdsOf (session))
        if (id != talkbackSourceId && mix.sends.count (id) > 0)
            ids.push_back (id);
    return ids;
}

namespace
{
    std::string kindOf (const Session& session, const std::string& id)
    {
        if (id == clickSourceId)
            return "click";
        return findTrack (session, id) != nullptr ? "track" : "input";
    }

    std::string nameOf (const Session& session, const std::string& id)
    {
        if (const auto* input = findInput (session, id); input != nullptr && ! input->name.empty())
            return input->name;
        if (const auto* track = findTrack (session, id); track != nullptr && ! track->name.empty())
            return track->name;
        return id == clickSourceId ? "Click" : id;
    }

    bool isStereo (const Session& session, const std::string& id)
    {
        const auto* input = findInput (session, id);
        return input != nullptr && input->channels.size() > 1;
    }
}

std::string mixStateJson (const Session& session, const CueMix& mix)
{
    using json = nlohmann::ordered_json;

    json sources = json::array();
    for (const auto& id : remoteSourceIdsOf (session, mix))
    {
        const auto& base = mix.sends.at (id);
        const auto heard = effectiveSend (mix, id);
        const auto offset = mix.performer.sends.find (id);

        json source;
        source["id"] = id;
        source["name"] = nameOf (session, id);
        source["kind"] = kindOf (session, id);
        source["stereo"] = isStereo (session, id);
        source["gainDb"] = heard.gainDb;
        source["offsetDb"] = offset != mix.performer.sends.end() ? offset->second.gainOffsetDb : 0.0;
        source["pan"] = heard.pan;
        source["mute"] = heard.mute;
        source["engineerMute"] = base.mute;
        source["performerMute"] = offset != mix.performer.sends.end() && offset->second.mute;
        sources.push_back (std::move (source));
    }

    json state;
    state["type"] = "state";
    state["mix"] = { { "id", mix.id },
                     { "name", mix.name.empty() ? mix.id : mix.name },
                     { "masterDb", effectiveMasterDb (mix) },
                     { "masterOffsetDb", mix.performer.masterOffsetDb },
                     { "allow", mix.remote.allow } };
    state["sources"] = std::move (sources);
    return state.dump (-1, ' ', false, json::error_handler_t::replace);
}

double remotePeakDb (float peak) noexcept
{
    return std::round (static_cast<double> (std::fmax (remoteSilenceDb, gainToDecibels (peak))) * 10.0) / 10.0;
}

std::string metersJson (const std::vector<RemoteMeterLevel>& sources, float mixPeak, float limiterGainDb,
                        const RemoteCountIn& countIn)
{
    using json = nlohmann::ordered_json;
    json levels = json::object();
    for (const auto& level : sources)
        levels[level.sourceId] = remotePeakDb (level.peak);

    const auto mixDb = remotePeakDb (mixPeak);
    json message;
    message["type"] = "meters";
    message["sources"] = std::move (levels);
    message["mix"] = { mixDb, mixDb };
    message["gainReductionDb"] = std::isfinite (limiterGainDb) ? std::round (limiterGainDb * 10.0f) / 10.0f : 0.0f;
    if (countIn.active)
        message["countIn"] = { { "bar", countIn.bar }, { "beat", countIn.beat } };
    return message.dump();
}

} // namespace foldback
