#pragma once

#include "Plan.h"
#include "RenderState.h"
#include "SpscQueue.h"

#include <atomic>
#include <memory>

namespace foldback
{

/** One unit of the structure lane: an immutable Plan and the RenderState made for it.
    Created on the message thread by PlanExchange::publish(), rendered by the audio thread,
    destroyed on the message thread. */
struct PublishedPlan
{
    /** Message thread: builds and preallocates the render state for a finalised plan. */
    explicit PublishedPlan (std::unique_ptr<Plan> finalisedPlan)
        : plan (std::move (finalisedPlan)), state (*plan)
    {
    }

    const std::unique_ptr<Plan> plan; ///< the audio thread reads it only as const Plan&
    RenderState state;                ///< written by the audio thread only (and read through atomics)
};

/** Hands immutable Plans, each with its RenderState, from the message thread to the
    audio thread, and the replaced ones back, so that both are always created and
    destroyed on the message thread.

    The message thread publish()es; the audio thread calls acquireForAudio() at the start
    of each block, which swaps in the newest plan with one atomic exchange, carries the
    render state over from the plan it replaces, and retires the old one into a fixed
    queue; the message thread reclaimRetired()s on a timer. */
class PlanExchange
{
public:
    PlanExchange() = default;
    ~PlanExchange();

    PlanExchange (const PlanExchange&) = delete;
    PlanExchange& operator= (const PlanExchange&) = delete;

    /** Message thread; allocates. Builds the plan's RenderState and publishes both; a plan
        published earlier that the audio thread never picked up is destroyed here. */
    void publish (std::unique_ptr<Plan> plan);

    /** Message thread: frees the plans the audio thread has let go of. */
    void reclaimRetired();

    /** Message thread: the newest published plan, for parameter writes. Valid until the
        next publish() or reclaimRetired() on the same thread. */
    Plan* getLatest() const noexcept { return latest != nullptr ? latest->plan.get() : nullptr; }

    /** Message thread: the render state published with getLatest(), for meter reads
        (wait-free reads of the atomics the audio thread writes). Same validity. */
    const RenderState* getLatestState() const noexcept { return latest != nullptr ? &latest->state : nullptr; }

    /** Audio thread, at block start. Wait-free, no allocation, never frees. Returns the
        plan to render with (nullptr before the first publish); a newly taken plan's state
        first carries ramps and meters over from the one it replaces. */
    PublishedPlan* acquireForAudio() noexcept;

    /** Audio thread: the plan the last acquireForAudio() returned. Wait-free. */
    const PublishedPlan* currentForAudio() const noexcept { return current; }

private:
    static constexpr std::size_t retiredCapacity = 64;

    std::atomic<PublishedPlan*> pending { nullptr };
    PublishedPlan* current = nullptr;  // audio thread's
    PublishedPlan* latest = nullptr;   // message thread's
    SpscQueue<PublishedPlan*, retiredCapacity> retired;
};

} // namespace foldback
