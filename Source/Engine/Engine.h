#pragma once

#include "EngineCommand.h"
#include "LinearRamp.h"
#include "PlanExchange.h"
#include "SpscQueue.h"
#include "Transport.h"

#include <cstdint>

namespace foldback
{

/** The real-time cue-mix engine: live inputs, backing tracks, click and talkback in;
    one limited cue mix per performer out.

    Three lanes reach the audio thread, and it never locks, allocates, frees or waits:
    - structure: immutable Plans through plans() (publish on the message thread), each
      rendered with the RenderState published with it (ramps, limiters, meters, buses);
    - continuous values: the atomics inside the latest Plan, ramped per sample;
    - events: pushCommand(), stamped with the engine sample they take effect at.

    The same engine is driven by the live device, by `render`, by `bench` and by tests. */
class Engine
{
public:
    /** Frames rendered at once; larger device blocks are split (output does not change). */
    static constexpr int maxFramesPerSegment = 512;

    /** Message thread, while no audio callback runs. Again at another rate (a JACK server
        that came back at another rate), the transport keeps its time in seconds. */
    void prepare (double sampleRate);

    double getSampleRate() const noexcept      { return sampleRate; }
    int getGainRampSamples() const noexcept    { return gainRampSamples; }

    /** Message thread: the structure lane. */
    PlanExchange& plans() noexcept             { return planExchange; }

    /** Message thread (the single producer): queues an event. False if the queue is full. */
    bool pushCommand (const EngineCommand& command) noexcept { return commands.push (command); }

    /** Audio thread: renders one device block. inputs/outputs are the device's channels
        (any may be nullptr). Wait-free, no allocation, no locks, no I/O. */
    void processBlock (const float* const* inputs, int numInputs,
                       float* const* outputs, int numOutputs, int numFrames) noexcept;

    /** Audio thread, before processBlock() of the same device block: the timeline follows
        another transport (JACK's) for this block, rolling or standing at
        `timelinePosition` (see Transport::follow). Wait-free. */
    void followExternalTransport (bool rolling, std::int64_t timelinePosition, const BeatGrid* grid = nullptr) noexcept
    {
        transport.follow (rolling, timelinePosition);
        hasExternalGrid = grid != nullptr;
        if (grid != nullptr)
            externalGrid = *grid;
    }

    /** Audio thread: the timeline is the engine's own again (stopped). Wait-free. */
    void releaseExternalTransport() noexcept
    {
        if (transport.isFollowing())
            transport.stopFollowing();
        hasExternalGrid = false;
    }

    /** Audio thread (a JACK timebase callback): the tempo map of the plan being played, or
        nullptr. Wait-free; it never swaps plans. */
    const TempoMap* readTempoMapForAudio() const noexcept
    {
        const PublishedPlan* live = planExchange.currentForAudio();
        return live != nullptr ? live->plan->tempoMap.get() : nullptr;
    }

    /** Audio thread (a JACK sync callback), between blocks: whether every timeline source
        of the plan being played could roll from `timelinePosition` without a gap (the
        backing tracks' rings hold the frames from there). True before the first plan.
        Wait-free, no allocation: it never swaps plans. */
    bool isReadyToRollFrom (std::int64_t timelinePosition) const noexcept;

    /** Any thread: frames processed since prepare(), for stamping commands. */
    std::int64_t readEngineSampleClock() const noexcept { return displayClock.load(); }

    /** Any thread. */
    const Transport& getTransport() const noexcept { return transport; }

    /** Any thread: whether talkback is held, as the audio thread last saw it. */
    bool readTalkbackForDisplay() const noexcept { return displayTalkback.load(); }

private:
    void applyDueCommands() noexcept;
    int framesBeforeNextCommand (int wanted) const noexcept;
    void renderSegment (const Plan& plan, RenderState& state, const float* const* inputs, int numInputs,
                        float* const* outputs, int numOutputs, int offset, int numFrames) noexcept;
    void renderSources (const Plan& plan, RenderState& state, const float* const* inputs, int numInputs,
                        int offset, int numFrames) noexcept;
    void addToListenOutputs (const PlanMix& mix, MixRenderState& live, bool chosen, const Plan& plan,
                             float* const* outputs, int numOutputs, int offset, int numFrames) noexcept;
    void limitListenOutputs (const Plan& plan, RenderState& state, float* const* outputs, int numOutputs,
                             int offset, int numFrames) noexcept;
    void addSoloToListenOutputs (const Plan& plan, RenderState& state, float* const* outputs, int numOutputs,
                                 int offset, int numFrames) noexcept;
    void renderMix (const PlanMix& mix, MixRenderState& live, const Plan& plan, RenderState& state, int numFrames) noexcept;
    bool buildTerms (const PlanMix& mix, MixRenderState& live, const Plan& plan, RenderState& state, int numFrames) noexcept;

    double sampleRate = 48000.0;
    bool prepared = false;
    int gainRampSamples = 960;
    int talkbackRampSamples = 480;

    PlanExchange planExchange;
    SpscQueue<EngineCommand, 256> commands;
    Transport transport;

    std::int64_t engineClock = 0;
    bool talkbackHeld = false;
    LinearRamp talkbackGate;
    BeatGrid externalGrid;          // audio thread's: another master's grid for this block
    bool hasExternalGrid = false;

    RelaxedAtomic<std::int64_t> displayClock { 0 };
    RelaxedAtomic<bool> displayTalkback { false };
};

} // namespace foldback
