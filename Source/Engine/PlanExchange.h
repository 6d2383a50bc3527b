#pragma once

#include "Plan.h"
#include "SpscQueue.h"

#include <atomic>
#include <memory>

namespace foldback
{

/** Hands immutable Plans from the message thread to the audio thread, and the replaced
    ones back, so that a Plan is always created and destroyed on the message thread.

    The message thread publish()es; the audio thread calls acquireForAudio() at the start
    of each block, which swaps in the newest plan with one atomic exchange and retires the
    old one into a fixed queue; the message thread reclaimRetired()s on a timer. */
class PlanExchange
{
public:
    PlanExchange() = default;
    ~PlanExchange();

    PlanExchange (const PlanExchange&) = delete;
    PlanExchange& operator= (const PlanExchange&) = delete;

    /** Message thread. Publishes a finalised plan; a plan published earlier that the
        audio thread never picked up is destroyed here. */
    void publish (std::unique_ptr<Plan> plan);

    /** Message thread: frees the plans the audio thread has let go of. */
    void reclaimRetired();

    /** Message thread: the newest published plan, for parameter writes and meter reads.
        Valid until the next publish() or reclaimRetired() on the same thread. */
    Plan* getLatest() const noexcept { return latest; }

    /** Audio thread, at block start. Wait-free, no allocation, never frees. Returns the
        plan to render with (nullptr before the first publish); a newly taken plan first
        carries ramps and meters over from the one it replaces. */
    Plan* acquireForAudio() noexcept;

private:
    static constexpr std::size_t retiredCapacity = 64;

    std::atomic<Plan*> pending { nullptr };
    Plan* current = nullptr;  // audio thread's
    Plan* latest = nullptr;   // message thread's
    SpscQueue<Plan*, retiredCapacity> retired;
};

} // namespace foldback
