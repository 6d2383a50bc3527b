#include "EngineMeters.h"

#include "Engine/AudioMath.h"
#include "Engine/PlanExchange.h"

#include <algorithm>
#include <cmath>

namespace foldback
{

namespace
{
    MeterLevels levelsOf (const LevelMeter& meter) noexcept
    {
        MeterLevels levels { meter.readPeak(), meter.readRms(), meter.readNumChannels() };
        for (int c = 0; c < 2; ++c)
        {
            levels.channelPeak[c] = meter.readChannelPeak (c);
            levels.channelRms[c] = meter.readChannelRms (c);
        }
        return levels;
    }

    template <typename Entry>
    const Entry* findIn (const std::vector<Entry>& entries, const std::string& id) noexcept
    {
        const auto found = std::find_if (entries.begin(), entries.end(), [&id] (const Entry& e) { return e.id == id; });
        return found == entries.end() ? nullptr : &*found;
    }
}

float MeterSnapshot::Mix::gainReductionDb() const noexcept
{
    return std::fmin (0.0f, gainToDecibels (limiterGain));
}

const MeterSnapshot::Source* MeterSnapshot::findSource (const std::string& id) const noexcept
{
    return findIn (sources, id);
}

const MeterSnapshot::Mix* MeterSnapshot::findMix (const std::string& id) const noexcept
{
    return findIn (mixes, id);
}

MeterSnapshot readMeters (const PlanExchange& plans, const PlanKeys& keys)
{
    MeterSnapshot snapshot;
    const RenderState* state = plans.getLatestState();
    if (state == nullptr)
        return snapshot;

    const auto numSources = std::min (state->sources.size(), keys.sources.size());
    snapshot.sources.reserve (numSources);
    for (std::size_t i = 0; i < numSources; ++i)
        snapshot.sources.push_back ({ keys.sources[i], levelsOf (state->sources[i].meter) });

    const auto numMixes = std::min (state->mixes.size(), keys.mixes.size());
    snapshot.mixes.reserve (numMixes);
    for (std::size_t m = 0; m < numMixes; ++m)
    {
        const auto& mix = state->mixes[m];
        snapshot.mixes.push_back ({ keys.mixes[m], levelsOf (mix.meter), mix.limiterGain.load() });
    }
    return snapshot;
}

} // namespace foldback
