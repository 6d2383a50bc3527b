#include "PlanExchange.h"

namespace foldback
{

PlanExchange::~PlanExchange()
{
    // No audio callback runs any more: everything left is ours to free.
    reclaimRetired();
    delete pending.exchange (nullptr);
    delete current;
}

void PlanExchange::publish (std::unique_ptr<Plan> plan)
{
    reclaimRetired();

    // The audio thread retires at most one plan per block; if the queue is nearly full the
    // callback has stopped running and cannot take more. Keep the newest plan pending and
    // free the one it replaces (never seen by the audio thread) below.
    auto published = std::make_unique<PublishedPlan> (std::move (plan));
    latest = published.get();
    delete pending.exchange (published.release(), std::memory_order_acq_rel);
}

void PlanExchange::reclaimRetired()
{
    while (auto old = retired.pop())
        delete *old;
}

PublishedPlan* PlanExchange::acquireForAudio() noexcept
{
    if (retired.sizeApprox() >= retiredCapacity)
        return current; // the message thread is not reclaiming; keep the current plan

    if (PublishedPlan* incoming = pending.exchange (nullptr, std::memory_order_acq_rel))
    {
        if (current != nullptr)
        {
            // Carry state over before retiring: once queued, the message thread may free it.
            incoming->state.continueFrom (*incoming->plan, *current->plan, current->state);
            retired.push (current); // cannot fail: checked above, and we are its only producer
        }
        current = incoming;
    }

    return current;
}

} // namespace foldback
