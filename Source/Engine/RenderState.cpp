#include "RenderState.h"

#include "Plan.h"

#include <algorithm>
#include <cstdint>

namespace foldback
{

RenderState::RenderState (const Plan& plan)
    : sources (plan.sources.size()), mixes (plan.mixes.size())
{
    const double sampleRate = plan.getSampleRate();
    const int maxFrames = plan.getMaxFramesPerSegment();

    std::size_t channelsNeeded = 0;
    for (const auto& source : plan.sources)
        channelsNeeded += static_cast<std::size_t> (source.numChannels);
    channelsNeeded += 2 * plan.mixes.size();

    // Buffers are maxFrames long (2 KB at 512) but a block uses only their first lines. At
    // a stride of exactly 2 KB those lines of ~130 buffers would all fall into 4 of the 64
    // sets of a 32 KB L1 cache and evict each other on every send; one cache line of
    // padding per buffer spreads them over every set.
    // The pool starts on a cache line (the allocator promises only 16 bytes), and with a
    // stride of whole lines so does every buffer: an 8-wide load never straddles two lines.
    constexpr std::size_t cacheLineFloats = 16;
    constexpr std::uintptr_t cacheLineBytes = cacheLineFloats * sizeof (float);
    const std::size_t frames = static_cast<std::size_t> (maxFrames);
    const std::size_t stride = (frames + cacheLineFloats - 1) / cacheLineFloats * cacheLineFloats + cacheLineFloats;
    samplePool.assign (channelsNeeded * stride + cacheLineFloats, 0.0f);
    const auto base = reinterpret_cast<std::uintptr_t> (samplePool.data());
    float* next = samplePool.data() + (cacheLineBytes - base % cacheLineBytes) % cacheLineBytes / sizeof (float);

    auto take = [&next, stride]
    {
        float* block = next;
        next += stride;
        return block;
    };

    for (std::size_t i = 0; i < sources.size(); ++i)
    {
        auto& source = sources[i];
        source.channels = { take(), plan.sources[i].numChannels > 1 ? take() : nullptr };
        source.meter.prepare (sampleRate);
    }

    std::size_t mostSends = 0;
    for (const auto& mix : plan.mixes)
        mostSends = std::max (mostSends, mix.sends.size());
    rampedGainScratch.assign (2 * mostSends * static_cast<std::size_t> (maxFrames), 0.0f);
    listenLimiter.prepare (sampleRate);

    for (std::size_t m = 0; m < mixes.size(); ++m)
    {
        const auto& planMix = plan.mixes[m];
        auto& mix = mixes[m];
        mix.bus = { take(), take() };
        // A stereo source into a mono mix makes two terms.
        mix.programmeTerms.assign (2 * planMix.sends.size(), MixTerm {});
        mix.talkbackTerms.assign (2 * planMix.sends.size(), MixTerm {});
        mix.termsNeedRebuild = true;
        mix.meter.prepare (sampleRate);
        mix.limiter.prepare (sampleRate);
        mix.master.reset (planMix.targetMaster.load());
        mix.programme.reset (1.0f);
        mix.listen.reset (0.0f);

        mix.sends.resize (planMix.sends.size());
        for (std::size_t s = 0; s < mix.sends.size(); ++s)
        {
            mix.sends[s].left.reset (planMix.sends[s].targetLeft.load());
            mix.sends[s].right.reset (planMix.sends[s].targetRight.load());
        }
    }
}

void RenderState::continueFrom (const Plan& plan, const Plan& previousPlan, const RenderState& previous) noexcept
{
    const auto previousSources = std::min (previousPlan.sources.size(), previous.sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i)
    {
        const int carryFrom = plan.sources[i].carryFrom;
        if (carryFrom < 0 || static_cast<std::size_t> (carryFrom) >= previousSources)
            continue;

        const auto from = static_cast<std::size_t> (carryFrom);
        sources[i].meter.continueFrom (previous.sources[from].meter);
        sources[i].soloLeft = previous.sources[from].soloLeft;   // a solo heard goes on, no click
        sources[i].soloRight = previous.sources[from].soloRight;

        // A rebuilt click takes over the click still ringing (the same object needs nothing).
        const auto& timeline = plan.sources[i].timeline;
        const auto& oldTimeline = previousPlan.sources[from].timeline;
        if (timeline != nullptr && oldTimeline != nullptr && timeline != oldTimeline)
            timeline->continueFromSource (*oldTimeline);
    }

    listenLimiter.continueFrom (previous.listenLimiter);

    const auto previousMixes = std::min (previousPlan.mixes.size(), previous.mixes.size());
    for (std::size_t m = 0; m < mixes.size(); ++m)
    {
        auto& mix = mixes[m];
        const int carryFrom = plan.mixes[m].carryFrom;
        if (carryFrom < 0 || static_cast<std::size_t> (carryFrom) >= previousMixes)
        {
            mix.master.reset (0.0f); // a mix that is new while audio runs fades in
            continue;
        }

        const auto& old = previous.mixes[static_cast<std::size_t> (carryFrom)];
        mix.master = old.master;
        mix.programme = old.programme;
        mix.listen = old.listen;
        mix.limiter.continueFrom (old.limiter);
        mix.meter.continueFrom (old.meter);

        const auto& planSends = plan.mixes[m].sends;
        for (std::size_t s = 0; s < mix.sends.size(); ++s)
        {
            auto& send = mix.sends[s];
            const int sendFrom = planSends[s].carryFrom;
            if (sendFrom < 0 || static_cast<std::size_t> (sendFrom) >= old.sends.size())
            {
                send.left.reset (0.0f); // a new send fades in rather than jumping in
                send.right.reset (0.0f);
                continue;
            }
            send = old.sends[static_cast<std::size_t> (sendFrom)];
        }
    }
}

} // namespace foldback
