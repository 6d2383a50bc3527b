#pragma once

#include "RelaxedAtomic.h"
#include "TempoMap.h"
#include "TimelineSource.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace foldback
{

enum class SourceKind
{
    liveInput,
    backingTrack,
    click,
    talkback
};

/** One signal every mix can take a send from. */
struct PlanSource
{
    SourceKind kind = SourceKind::liveInput;
    int numChannels = 1;                               ///< 1 or 2
    std::array<int, 2> deviceInputChannels { -1, -1 }; ///< 0-based; live inputs and talkback
    std::shared_ptr<TimelineSource> timeline;          ///< backing tracks and the click (each keeps its own playback state)
    int carryFrom = -1;                                ///< same source in the previous plan

    /** The engineer's solo: this source's gains on the listen outputs (PFL or AFL), 0 when
        it is not soloed. Like PlanSend's targets: left is the gain of the source's left (or
        only) channel to the left output, right that of its right channel (a mono source:
        of its one channel) to the right output. Never part of any performer's mix. */
    RelaxedAtomic<float> soloLeft { 0.0f };
    RelaxedAtomic<float> soloRight { 0.0f };
};

/** One source's contribution to one mix. The targets are linear gains computed on the
    message thread from gain, pan and mute; the ramps that follow them per sample
    are the engine's (RenderState). */
struct PlanSend
{
    int sourceIndex = 0;
    RelaxedAtomic<float> targetLeft { 0.0f };  ///< gain of the source's left (or only) channel
    RelaxedAtomic<float> targetRight { 0.0f }; ///< to the right output (mono source) or of the right channel
    bool isTalkback = false;                   ///< set by finalise()
    int carryFrom = -1;
};

/** One performer's cue mix. */
struct PlanMix
{
    int numOutputChannels = 2;                          ///< 1 (mono) or 2
    std::array<int, 2> deviceOutputChannels { -1, -1 }; ///< 0-based; -1 is not routed
    std::vector<PlanSend> sends;
    RelaxedAtomic<float> targetMaster { 1.0f };
    RelaxedAtomic<float> limiterCeiling { 1.0f };       ///< linear; engineer's setting only
    RelaxedAtomic<float> talkbackDim { 1.0f };          ///< programme gain while talkback is held
    int carryFrom = -1;
};

/** What the audio thread renders, compiled from the Session on the message thread:
    arrays, no strings and no maps. Immutable once published: the audio thread sees it only
    as `const Plan&`, and the message thread writes only its atomics (the parameter lane:
    targets, ceilings, dims, listenMix). Everything the audio thread writes as it renders
    (ramps, limiters, meters, buses, mix terms) is in the RenderState published with it. */
class Plan
{
public:
    Plan (double sampleRate, int maxFramesPerSegment);

    /** Message thread, after filling sources and mixes and before publishing: derives
        what the structure implies (the talkback source, which sends are talkback). */
    void finalise();

    /** Any thread that holds the plan. */
    double getSampleRate() const noexcept   { return sampleRate; }
    int getMaxFramesPerSegment() const noexcept { return maxFrames; }
    int getTalkbackSourceIndex() const noexcept { return talkbackSourceIndex; }

    std::vector<PlanSource> sources;
    std::vector<PlanMix> mixes;

    /** The song's tempo map (what the JACK timebase publishes when Foldback leads); may be
        null. Shared, immutable: the audio thread only reads it. */
    std::shared_ptr<const TempoMap> tempoMap;

    /** "Listen": the engineer hears one performer's mix, after its limiter, exactly as the
        performer does. 0-based device outputs (-1: none; a single output gets mono). */
    std::array<int, 2> listenOutputChannels { -1, -1 };

    /** Index of the mix the engineer listens to, -1 for none. Any thread may write it;
        the engine crossfades to the new choice. */
    RelaxedAtomic<int> listenMix { -1 };

    /** True while the engineer solos any source: the listen outputs then carry the soloed
        sources (PlanSource::soloLeft/Right) instead of the chosen mix, crossfading. Any
        thread may write it. The performers' outputs never depend on it. */
    RelaxedAtomic<bool> soloActive { false };

    /** Message thread: call after writing send targets, so the audio thread looks at them.
        Until the generation moves, a mix skips reading its sends' targets altogether. */
    void announceTargetChanges() noexcept { targetGeneration.fetch_add (1, std::memory_order_release); }

    /** Audio thread. Wait-free. */
    std::uint32_t readTargetGeneration() const noexcept { return targetGeneration.load (std::memory_order_acquire); }

private:
    double sampleRate;
    int maxFrames;
    int talkbackSourceIndex = -1;
    std::atomic<std::uint32_t> targetGeneration { 1 }; // a RenderState's mixes start at 0: the first block reads
};

} // namespace foldback
