#include "JackTransportLink.h"

#include <algorithm>
#include <limits>

namespace foldback
{

jack_nframes_t JackTransportLink::frameOf (std::int64_t timelineSample) const noexcept
{
    const auto frame = timelineSample + getOffset();
    constexpr auto largest = static_cast<std::int64_t> (std::numeric_limits<jack_nframes_t>::max());
    return static_cast<jack_nframes_t> (std::clamp<std::int64_t> (frame, 0, largest));
}

void JackTransportLink::processCycle (jack_client_t* client, jack_nframes_t numFrames) noexcept
{
    jack_position_t position {};
    const auto state = jack_transport_query (client, &position);
    const bool rolling = state == JackTransportRolling;
    const auto frame = static_cast<std::int64_t> (position.frame);

    if (frame != expectedFrame)
        locates.fetch_add (1, std::memory_order_relaxed);
    cycles.fetch_add (1, std::memory_order_relaxed);

    engine.followExternalTransport (rolling, timelineOf (position.frame));

    expectedFrame = rolling ? frame + static_cast<std::int64_t> (numFrames) : frame;
}

bool JackTransportLink::readyToRoll (const jack_position_t& position) const noexcept
{
    return engine.isReadyToRollFrom (timelineOf (position.frame));
}

} // namespace foldback
