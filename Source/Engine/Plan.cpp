#include "Plan.h"

#include <algorithm>

namespace foldback
{

Plan::Plan (double rate, int maxFramesPerSegment)
    : sampleRate (rate), maxFrames (maxFramesPerSegment)
{
}

void Plan::finalise()
{
    std::size_t channelsNeeded = 0;
    for (const auto& source : sources)
        channelsNeeded += static_cast<std::size_t> (source.numChannels);
    channelsNeeded += 2 * mixes.size();

    // Buffers are maxFrames long (2 KB at 512) but a block uses only their first lines. At
    // a stride of exactly 2 KB those lines of ~130 buffers would all fall into 4 of the 64
    // sets of a 32 KB L1 cache and evict each other on every send; one cache line of
    // padding per buffer spreads them over every set.
    constexpr std::size_t cacheLineFloats = 16;
    const std::size_t stride = static_cast<std::size_t> (maxFrames) + cacheLineFloats;
    samplePool.assign (channelsNeeded * stride, 0.0f);
    float* next = samplePool.data();

    auto take = [&next, stride]
    {
        float* block = next;
        next += stride;
        return block;
    };

    talkbackSourceIndex = -1;

    for (std::size_t i = 0; i < sources.size(); ++i)
    {
        auto& source = sources[i];
        source.channels = { take(), source.numChannels > 1 ? take() : nullptr };
        source.meter.prepare (sampleRate);
        if (source.kind == SourceKind::talkback)
            talkbackSourceIndex = static_cast<int> (i);
    }

    std::size_t mostSends = 0;
    for (const auto& mix : mixes)
        mostSends = std::max (mostSends, mix.sends.size());
    rampedGainScratch.assign (2 * mostSends * static_cast<std::size_t> (maxFrames), 0.0f);

    for (auto& mix : mixes)
    {
        mix.bus = { take(), take() };
        // A stereo source into a mono mix makes two terms.
        mix.programmeTerms.assign (2 * mix.sends.size(), MixTerm {});
        mix.talkbackTerms.assign (2 * mix.sends.size(), MixTerm {});
        mix.termsNeedRebuild = true;
        mix.meter.prepare (sampleRate);
        mix.limiter.prepare (sampleRate);
        mix.master.reset (mix.targetMaster.load());
        mix.programme.reset (1.0f);
        mix.listen.reset (0.0f);

        for (auto& send : mix.sends)
        {
            send.left.reset (send.targetLeft.load());
            send.right.reset (send.targetRight.load());
            send.isTalkback = sources[static_cast<std::size_t> (send.sourceIndex)].kind == SourceKind::talkback;
        }
    }
}

void Plan::continueFrom (const Plan& previous) noexcept
{
    const auto previousSources = previous.sources.size();
    for (auto& source : sources)
    {
        if (source.carryFrom < 0 || static_cast<std::size_t> (source.carryFrom) >= previousSources)
            continue;

        const auto& old = previous.sources[static_cast<std::size_t> (source.carryFrom)];
        source.meter.continueFrom (old.meter);

        // A rebuilt click takes over the click still ringing (the same object needs nothing).
        if (source.timeline != nullptr && old.timeline != nullptr && source.timeline != old.timeline)
            source.timeline->continueFromSource (*old.timeline);
    }

    for (auto& mix : mixes)
    {
        if (mix.carryFrom < 0 || static_cast<std::size_t> (mix.carryFrom) >= previous.mixes.size())
        {
            mix.master.reset (0.0f); // a mix that is new while audio runs fades in
            continue;
        }

        const auto& old = previous.mixes[static_cast<std::size_t> (mix.carryFrom)];
        mix.master = old.master;
        mix.programme = old.programme;
        mix.listen = old.listen;
        mix.limiter.continueFrom (old.limiter);
        mix.meter.continueFrom (old.meter);

        for (auto& send : mix.sends)
        {
            if (send.carryFrom < 0 || static_cast<std::size_t> (send.carryFrom) >= old.sends.size())
            {
                send.left.reset (0.0f); // a new send fades in rather than jumping in
                send.right.reset (0.0f);
                continue;
            }
            const auto& oldSend = old.sends[static_cast<std::size_t> (send.carryFrom)];
            send.left = oldSend.left;
            send.right = oldSend.right;
        }
    }
}

} // namespace foldback
