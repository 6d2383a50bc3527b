#pragma once

#include "LevelMeter.h"
#include "LinearRamp.h"
#include "MixTerms.h"
#include "RelaxedAtomic.h"
#include "SafetyLimiter.h"

#include <array>
#include <cstdint>
#include <vector>

namespace foldback
{

class Plan;

/** The engine's working state for one source of a Plan: its rendered audio and meter. */
struct SourceRenderState
{
    std::array<float*, 2> channels { nullptr, nullptr }; ///< into the RenderState's sample pool
    LevelMeter meter;
    LinearRamp soloLeft, soloRight;                      ///< follow PlanSource::soloLeft/Right
};

/** The ramps that follow one send's targets, per sample. */
struct SendRamps
{
    LinearRamp left, right;
};

/** The engine's working state for one mix of a Plan. */
struct MixRenderState
{
    std::array<float*, 2> bus { nullptr, nullptr };     ///< into the RenderState's sample pool
    std::vector<SendRamps> sends;                       ///< index-aligned with PlanMix::sends
    LinearRamp master, programme;
    LinearRamp listen;                                  ///< this mix's share of the engineer's listen outputs
    SafetyLimiter limiter;
    LevelMeter meter;
    RelaxedAtomic<float> limiterGain { 1.0f };          ///< for display: 1 = no reduction

    /** The sends as terms per bus channel, rebuilt only when a target changes or a ramp
        moves, so a steady mix costs no per-send bookkeeping. */
    std::vector<MixTerm> programmeTerms, talkbackTerms;
    int programmeTermCount = 0;
    int talkbackTermCount = 0;
    bool termsNeedRebuild = true;
    bool receivesTalkback = false;
    std::uint32_t targetsSeenAtGeneration = 0;          ///< the plan's generation starts at 1: the first block reads
};

/** Everything the audio thread writes while it renders one Plan: source and bus buffers,
    send/master/programme/listen ramps, limiters, meters, mix terms and scratch. Built and
    preallocated on the message thread for each plan, published with it by PlanExchange,
    carried over from the state it replaces on the audio thread (continueFrom()), and
    destroyed with its plan on the message thread.

    Index-aligned with its plan: sources[i] is Plan::sources[i], mixes[m] is Plan::mixes[m]
    and mixes[m].sends[s] is Plan::mixes[m].sends[s]. Its structure never changes after
    construction; the audio thread writes its values, and the meters' and limiterGain's
    atomics may be read from any thread. */
class RenderState
{
public:
    /** Message thread, for a finalised plan before it is published: allocates the buffers,
        prepares meters and limiters, and starts every ramp at its target. */
    explicit RenderState (const Plan& plan);

    RenderState (const RenderState&) = delete;
    RenderState& operator= (const RenderState&) = delete;

    /** Audio thread, when `plan` (this state's) replaces `previousPlan` rendered with
        `previous`: carries ramps, limiter gains, meter ballistics and the sounding click
        over, so a structural change never clicks. Wait-free, no allocation. */
    void continueFrom (const Plan& plan, const Plan& previousPlan, const RenderState& previous) noexcept;

    std::vector<SourceRenderState> sources;
    std::vector<MixRenderState> mixes;

    /** Audio thread scratch for one mix at a time: the per-sample gains of the sends that
        are ramping. */
    std::vector<float> rampedGainScratch;

    /** The LISTEN outputs' own safety limiter at 0 dBFS, last on those outputs (which no
        mix shares). A listened mix passes it bit for bit (its own limiter keeps it at or
        under its ceiling, at most 0 dBFS); an AFL solo at +12 dB, or several solos summed,
        cannot pass full scale on the engineer's outputs. */
    SafetyLimiter listenLimiter;

private:
    std::vector<float> samplePool;
};

} // namespace foldback
