#pragma once

#include "LevelMeter.h"
#include "LinearRamp.h"
#include "MixTerms.h"
#include "RelaxedAtomic.h"
#include "SafetyLimiter.h"
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
    std::shared_ptr<TimelineSource> timeline;          ///< backing tracks and the click
    int carryFrom = -1;                                ///< same source in the previous plan
    LevelMeter meter;
    std::array<float*, 2> channels { nullptr, nullptr };
};

/** One source's contribution to one mix. The targets are linear gains computed on the
    message thread from gain, pan, mute and solo; the ramps follow them per sample. */
struct PlanSend
{
    int sourceIndex = 0;
    RelaxedAtomic<float> targetLeft { 0.0f };  ///< gain of the source's left (or only) channel
    RelaxedAtomic<float> targetRight { 0.0f }; ///< to the right output (mono source) or of the right channel
    LinearRamp left, right;
    bool isTalkback = false;
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
    LinearRamp master, programme;
    SafetyLimiter limiter;
    LevelMeter meter;
    RelaxedAtomic<float> limiterGain { 1.0f };          ///< for display: 1 = no reduction
    LinearRamp listen;                                  ///< this mix's share of the engineer's listen outputs
    int carryFrom = -1;
    std::array<float*, 2> bus { nullptr, nullptr };

    /** Audio thread: the sends as terms per bus channel, rebuilt only when a target
        changes or a ramp moves, so a steady mix costs no per-send bookkeeping. */
    std::vector<MixTerm> programmeTerms, talkbackTerms;
    int programmeTermCount = 0;
    int talkbackTermCount = 0;
    bool termsNeedRebuild = true;
    bool receivesTalkback = false;
    std::uint32_t targetsSeenAtGeneration = 0;
};

/** Everything the audio thread needs, compiled from the Session on the message thread:
    arrays, preallocated buffers, no strings and no maps. Published whole and never
    changed in structure afterwards; only its atomics are written while it is live. */
class Plan
{
public:
    Plan (double sampleRate, int maxFramesPerSegment);

    /** Message thread, after filling sources and mixes and before publishing: allocates
        the buffers, prepares meters and limiters, and starts every ramp at its target. */
    void finalise();

    /** Audio thread, when this plan replaces `previous`: carries ramps, limiter gains and
        meter ballistics over so a structural change never clicks. */
    void continueFrom (const Plan& previous) noexcept;

    double getSampleRate() const noexcept   { return sampleRate; }
    int getMaxFramesPerSegment() const noexcept { return maxFrames; }
    int getTalkbackSourceIndex() const noexcept { return talkbackSourceIndex; }

    std::vector<PlanSource> sources;
    std::vector<PlanMix> mixes;

    /** "Listen": the engineer hears one performer's mix, after its limiter, exactly as the
        performer does. 0-based device outputs (-1: none; a single output gets mono). */
    std::array<int, 2> listenOutputChannels { -1, -1 };

    /** Index of the mix the engineer listens to, -1 for none. Any thread may write it;
        the engine crossfades to the new choice. */
    RelaxedAtomic<int> listenMix { -1 };

    /** Message thread: call after writing send targets, so the audio thread looks at them.
        Until the generation moves, a mix skips reading its sends' targets altogether. */
    void announceTargetChanges() noexcept { targetGeneration.fetch_add (1, std::memory_order_release); }

    /** Audio thread. */
    std::uint32_t readTargetGeneration() const noexcept { return targetGeneration.load (std::memory_order_acquire); }

    /** Audio thread scratch for one mix at a time: the per-sample gains of the sends that
        are ramping. Sized by finalise(). */
    std::vector<float> rampedGainScratch;

private:
    double sampleRate;
    int maxFrames;
    int talkbackSourceIndex = -1;
    std::vector<float> samplePool;
    std::atomic<std::uint32_t> targetGeneration { 1 }; // mixes start at 0: the first block reads
};

} // namespace foldback
