#include "JackTransportLink.h"

#include <algorithm>
#include <cmath>
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

    const bool continuous = frame == expectedFrame;
    if (! continuous)
        locates.fetch_add (1, std::memory_order_relaxed);
    cycles.fetch_add (1, std::memory_order_relaxed);

    const auto timeline = timelineOf (position.frame);
    if (getTimebase() == TransportTimebase::follow && (position.valid & JackPositionBBT) != 0
        && position.beats_per_minute > 0.0 && position.ticks_per_beat > 0.0 && position.beats_per_bar >= 1.0f
        && position.frame_rate > 0)
    {
        const MasterBbt published { position.bar, position.beat, position.tick, position.beats_per_minute,
                                    position.beats_per_bar, position.ticks_per_beat };
        if (! (rolling && continuous && hasMasterGrid && published == lastPublished))
        {
            masterGrid.anchor = timeline;
            masterGrid.barIndex = position.bar - 1;
            masterGrid.beatInBar = (position.beat - 1) + position.tick / position.ticks_per_beat;
            masterGrid.beatsPerBar = std::max (1, static_cast<int> (std::lround (position.beats_per_bar)));
            masterGrid.framesPerBeat = static_cast<double> (position.frame_rate) * 60.0 / position.beats_per_minute;
            lastPublished = published;
            hasMasterGrid = true;
        }
        // else the master did not write this cycle (it missed its callback, an xrun): JACK
        // moved the frame on and kept its last BBT, which taken at the new frame would put
        // every beat a cycle late. The grid it gave for the cycle before still holds.
        engine.followExternalTransport (rolling, timeline, &masterGrid);
    }
    else
    {
        hasMasterGrid = false;
        engine.followExternalTransport (rolling, timeline);
    }

    expectedFrame = rolling ? frame + static_cast<std::int64_t> (numFrames) : frame;
}

void JackTransportLink::fillPosition (jack_position_t& position) const noexcept
{
    const TempoMap* map = engine.readTempoMapForAudio();
    if (map == nullptr)
        return;

    const auto timeline = timelineOf (position.frame);
    const auto at = map->barBeatAt (timeline);
    const auto tempo = map->tempoAt (timeline);

    // Ticks from bar 1 to this bar's first beat, bar by bar through the meters of the map.
    double barStartBeats = 0.0;
    const auto& entries = map->getEntries();
    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const int from = entries[i].bar;
        const int to = i + 1 < entries.size() ? std::min (entries[i + 1].bar, at.bar) : at.bar;
        if (i == 0 && at.bar < from)
            barStartBeats = static_cast<double> (at.bar - from) * entries[0].beatsPerBar;
        if (to > from)
            barStartBeats += static_cast<double> (to - from) * entries[i].beatsPerBar;
    }

    position.valid = static_cast<jack_position_bits_t> (position.valid | JackPositionBBT);
    position.bar = at.bar;
    position.beat = at.beat;
    position.tick = static_cast<std::int32_t> (std::clamp (std::floor (at.fraction * ticksPerBeat), 0.0, ticksPerBeat - 1.0));
    position.bar_start_tick = barStartBeats * ticksPerBeat;
    position.beats_per_bar = static_cast<float> (at.beatsPerBar);
    position.beat_type = static_cast<float> (at.beatUnit);
    position.ticks_per_beat = ticksPerBeat;
    position.beats_per_minute = tempo.beatSeconds > 0.0 ? 60.0 / tempo.beatSeconds : 120.0;
}

bool JackTransportLink::readyToRoll (const jack_position_t& position) const noexcept
{
    return engine.isReadyToRollFrom (timelineOf (position.frame));
}

} // namespace foldback
