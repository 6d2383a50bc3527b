#include "JackTransportDaw.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace foldback::test
{

JackTransportDaw::JackTransportDaw (const std::string& serverName, const std::string& clientName, std::size_t numPorts,
                                    std::size_t capacityFrames)
{
    jack_status_t status {};
    client = jack_client_open (clientName.c_str(), static_cast<jack_options_t> (JackNoStartServer | JackServerName | JackUseExactName),
                               &status, serverName.c_str());
    if (client == nullptr)
        throw std::runtime_error ("the DAW stand-in could not join JACK server " + serverName);

    for (std::size_t i = 0; i < numPorts; ++i)
    {
        auto* port = jack_port_register (client, ("in_" + std::to_string (i + 1)).c_str(), JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        if (port == nullptr)
            throw std::runtime_error ("the DAW stand-in could not register its ports");
        ports.push_back (port);
        buffers.emplace_back (capacityFrames, 0.0f);
    }
    // A cycle is at least 16 frames on any server the tests start.
    cycleLog.resize (capacityFrames / 16 + 16);

    jack_set_process_callback (client, process, this);
    jack_set_xrun_callback (client, xrun, this);
    if (jack_activate (client) != 0)
        throw std::runtime_error ("the DAW stand-in would not activate");
}

JackTransportDaw::~JackTransportDaw()
{
    jack_release_timebase (client);
    jack_deactivate (client);
    jack_client_close (client);
}

bool JackTransportDaw::connectFrom (const std::string& source, std::size_t index)
{
    const int result = jack_connect (client, source.c_str(), jack_port_name (ports[index]));
    return result == 0 || result == EEXIST;
}

bool JackTransportDaw::becomeTimebaseMaster (double bpm)
{
    tempo1 = bpm;
    tempo2 = bpm;
    changeAt = -1;
    return jack_set_timebase_callback (client, 0, timebase, this) == 0;
}

void JackTransportDaw::setTempoChange (std::int64_t fromFrame, double bpm)
{
    tempo2 = bpm;
    changeAt = fromFrame;
}

void JackTransportDaw::startRecording (std::size_t frames)
{
    armed = false;
    wanted = std::min (frames, buffers.empty() ? std::size_t { 0 } : buffers[0].size());
    written = 0;
    cyclesWritten = 0;
    armed = true;
}

bool JackTransportDaw::waitForRecording (std::chrono::milliseconds timeout) const
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (armed.load())
    {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    }
    return true;
}

std::vector<JackTransportDaw::Cycle> JackTransportDaw::cycles() const
{
    return { cycleLog.begin(), cycleLog.begin() + static_cast<std::ptrdiff_t> (cyclesWritten.load()) };
}

int JackTransportDaw::process (jack_nframes_t numFrames, void* self)
{
    auto& daw = *static_cast<JackTransportDaw*> (self);
    if (! daw.armed.load())
        return 0;

    const auto done = daw.written.load();
    const auto cycleIndex = daw.cyclesWritten.load();
    const auto count = std::min<std::size_t> (numFrames, daw.wanted.load() - done);
    if (cycleIndex >= daw.cycleLog.size())
    {
        daw.armed = false;
        return 0;
    }

    jack_position_t position {};
    Cycle& cycle = daw.cycleLog[cycleIndex];
    cycle.frameTime = jack_last_frame_time (daw.client);
    cycle.state = jack_transport_query (daw.client, &position);
    cycle.frame = position.frame;
    cycle.firstSample = static_cast<std::int64_t> (done);
    cycle.numFrames = static_cast<int> (count);
    cycle.bbtValid = (position.valid & JackPositionBBT) != 0;
    if (cycle.bbtValid)
    {
        cycle.bar = position.bar;
        cycle.beat = position.beat;
        cycle.tick = position.tick;
        cycle.beatsPerMinute = position.beats_per_minute;
        cycle.ticksPerBeat = position.ticks_per_beat;
        cycle.beatsPerBar = position.beats_per_bar;
    }

    for (std::size_t p = 0; p < daw.ports.size(); ++p)
    {
        const auto* in = static_cast<const float*> (jack_port_get_buffer (daw.ports[p], numFrames));
        std::copy (in, in + count, daw.buffers[p].begin() + static_cast<std::ptrdiff_t> (done));
    }

    daw.cyclesWritten = cycleIndex + 1;
    daw.written = done + count;
    if (done + count >= daw.wanted.load())
        daw.armed = false;
    return 0;
}

int JackTransportDaw::xrun (void* self)
{
    static_cast<JackTransportDaw*> (self)->xruns.fetch_add (1);
    return 0;
}

double JackTransportDaw::beatAt (std::int64_t frame, double rate, double bpm1, std::int64_t changeFrame, double bpm2)
{
    if (changeFrame < 0 || frame <= changeFrame)
        return static_cast<double> (frame) / rate * bpm1 / 60.0;
    return static_cast<double> (changeFrame) / rate * bpm1 / 60.0 + static_cast<double> (frame - changeFrame) / rate * bpm2 / 60.0;
}

void JackTransportDaw::timebase (jack_transport_state_t state, jack_nframes_t numFrames, jack_position_t* position, int newPosition,
                                 void* self)
{
    auto& daw = *static_cast<JackTransportDaw*> (self);
    const double rate = position->frame_rate > 0 ? position->frame_rate : 48000.0;
    const auto frame = static_cast<std::int64_t> (position->frame);
    const auto change = daw.changeAt.load();
    const double bpm = change >= 0 && frame >= change ? daw.tempo2.load() : daw.tempo1.load();
    const double beats = beatAt (frame, rate, daw.tempo1.load(), change, daw.tempo2.load());

    const double beatsAtEnd = beatAt (frame + numFrames, rate, daw.tempo1.load(), change, daw.tempo2.load());
    const bool beatInCycle = std::floor (beatsAtEnd) > std::floor (beats) || beats == std::floor (beats);
    if (daw.holdOverOnBeats.load() && daw.hasWritten && state == JackTransportRolling && newPosition == 0 && beatInCycle)
    {
        position->valid = daw.lastWritten.valid;
        position->bar = daw.lastWritten.bar;
        position->beat = daw.lastWritten.beat;
        position->tick = daw.lastWritten.tick;
        position->bar_start_tick = daw.lastWritten.bar_start_tick;
        position->beats_per_bar = daw.lastWritten.beats_per_bar;
        position->beat_type = daw.lastWritten.beat_type;
        position->ticks_per_beat = daw.lastWritten.ticks_per_beat;
        position->beats_per_minute = daw.lastWritten.beats_per_minute;
        return;
    }

    position->valid = JackPositionBBT;
    position->beats_per_bar = 4.0f;
    position->beat_type = 4.0f;
    position->ticks_per_beat = masterTicksPerBeat;
    position->beats_per_minute = bpm;
    const auto whole = static_cast<std::int64_t> (std::floor (beats));
    position->bar = static_cast<std::int32_t> (whole / 4 + 1);
    position->beat = static_cast<std::int32_t> (whole % 4 + 1);
    position->tick = static_cast<std::int32_t> (std::floor ((beats - static_cast<double> (whole)) * masterTicksPerBeat));
    position->bar_start_tick = static_cast<double> ((whole / 4) * 4) * masterTicksPerBeat;
    daw.lastWritten = *position;
    daw.hasWritten = true;
}

} // namespace foldback::test
