#include "JackTestClients.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace foldback::test
{

namespace
{
    jack_client_t* openClient (const std::string& serverName, const std::string& clientName)
    {
        jack_status_t status {};
        auto* client = jack_client_open (clientName.c_str(),
                                         static_cast<jack_options_t> (JackNoStartServer | JackServerName | JackUseExactName),
                                         &status, serverName.c_str());
        if (client == nullptr)
            throw std::runtime_error ("test client " + clientName + " could not join JACK server " + serverName);
        return client;
    }

    jack_port_t* registerPort (jack_client_t* client, const std::string& name, unsigned long flags)
    {
        auto* port = jack_port_register (client, name.c_str(), JACK_DEFAULT_AUDIO_TYPE, flags, 0);
        if (port == nullptr)
            throw std::runtime_error ("test client could not register " + name);
        return port;
    }

    bool connect (jack_client_t* client, const std::string& source, const std::string& destination)
    {
        const int result = jack_connect (client, source.c_str(), destination.c_str());
        return result == 0 || result == EEXIST;
    }
}

JackSignalPlayer::JackSignalPlayer (const std::string& serverName, const std::string& clientName,
                                    std::vector<TestSignal> signalsToPlay)
    : client (openClient (serverName, clientName)), signals (std::move (signalsToPlay))
{
    for (std::size_t i = 0; i < signals.size(); ++i)
        ports.push_back (registerPort (client, "out_" + std::to_string (i + 1), JackPortIsOutput));
    jack_set_process_callback (client, process, this);
    if (jack_activate (client) != 0)
        throw std::runtime_error ("test player would not activate");
}

JackSignalPlayer::~JackSignalPlayer()
{
    jack_deactivate (client);
    jack_client_close (client);
}

std::string JackSignalPlayer::portName (std::size_t index) const { return jack_port_name (ports[index]); }

bool JackSignalPlayer::connectTo (std::size_t index, const std::string& destination)
{
    return connect (client, portName (index), destination);
}

int JackSignalPlayer::process (jack_nframes_t numFrames, void* self)
{
    auto& player = *static_cast<JackSignalPlayer*> (self);
    const auto start = static_cast<std::int64_t> (jack_last_frame_time (player.client));

    for (std::size_t p = 0; p < player.ports.size(); ++p)
    {
        auto* out = static_cast<float*> (jack_port_get_buffer (player.ports[p], numFrames));
        const auto& signal = player.signals[p];
        for (jack_nframes_t i = 0; i < numFrames; ++i)
        {
            const auto frame = start + static_cast<std::int64_t> (i);
            const bool click = signal.impulsePeriod > 0 && frame % signal.impulsePeriod == signal.impulsePhase;
            out[i] = signal.constant + (click ? signal.impulse : 0.0f);
        }
    }
    return 0;
}

JackRecorder::JackRecorder (const std::string& serverName, const std::string& clientName, std::size_t numPorts)
    : client (openClient (serverName, clientName)), buffers (numPorts)
{
    for (std::size_t i = 0; i < numPorts; ++i)
        ports.push_back (registerPort (client, "in_" + std::to_string (i + 1), JackPortIsInput));
    jack_set_process_callback (client, process, this);
    jack_set_xrun_callback (client, xrun, this);
    if (jack_activate (client) != 0)
        throw std::runtime_error ("test recorder would not activate");
}

JackRecorder::~JackRecorder()
{
    jack_deactivate (client);
    jack_client_close (client);
}

std::string JackRecorder::portName (std::size_t index) const { return jack_port_name (ports[index]); }

bool JackRecorder::connectFrom (const std::string& source, std::size_t index)
{
    return connect (client, source, portName (index));
}

bool JackRecorder::record (std::size_t numFrames, std::chrono::milliseconds timeout)
{
    armed = false;
    for (auto& buffer : buffers)
        buffer.assign (numFrames, 0.0f);
    written = 0;
    gap = false;
    cycleStarts.assign (numFrames / 16 + 16, {});   // a cycle is at least 16 frames
    cyclesRecorded = 0;
    wanted = numFrames;
    armed.store (true, std::memory_order_release);

    const auto end = std::chrono::steady_clock::now() + timeout;
    while (written.load (std::memory_order_acquire) < numFrames)
    {
        if (std::chrono::steady_clock::now() > end)
        {
            armed = false;
            return false;
        }
        std::this_thread::sleep_for (std::chrono::milliseconds (10));
    }
    armed = false;
    return true;
}

int JackRecorder::process (jack_nframes_t numFrames, void* self)
{
    auto& recorder = *static_cast<JackRecorder*> (self);
    if (! recorder.armed.load (std::memory_order_acquire))
        return 0;

    const auto done = recorder.written.load (std::memory_order_relaxed);
    const auto total = recorder.wanted.load (std::memory_order_relaxed);
    if (done >= total)
        return 0;

    const auto frameTime = static_cast<std::int64_t> (jack_last_frame_time (recorder.client));
    if (done == 0)
        recorder.firstFrame.store (frameTime);
    else if (frameTime != recorder.firstFrame.load() + static_cast<std::int64_t> (done))
        recorder.gap.store (true);

    if (const auto cycle = recorder.cyclesRecorded.load (std::memory_order_relaxed); cycle < recorder.cycleStarts.size())
    {
        recorder.cycleStarts[cycle] = { done, frameTime };
        recorder.cyclesRecorded.store (cycle + 1, std::memory_order_relaxed);
    }

    const auto count = std::min<std::size_t> (numFrames, total - done);
    for (std::size_t p = 0; p < recorder.ports.size(); ++p)
    {
        const auto* in = static_cast<const float*> (jack_port_get_buffer (recorder.ports[p], numFrames));
        std::memcpy (recorder.buffers[p].data() + done, in, count * sizeof (float));
    }
    recorder.written.store (done + count, std::memory_order_release);
    return 0;
}

bool JackRecorder::isContinuousBetween (std::size_t first, std::size_t last) const
{
    // The cycle each sample was recorded in: the last that starts at or before it.
    const auto end = cycleStarts.begin() + static_cast<std::ptrdiff_t> (cyclesRecorded.load());
    auto cycleOf = [&] (std::size_t sample)
    {
        return std::prev (std::upper_bound (cycleStarts.begin(), end, sample,
                                            [] (std::size_t s, const CycleStart& c) { return s < c.sample; }));
    };
    if (cycleStarts.begin() == end || first > last || last >= written.load())
        return false;
    const auto a = cycleOf (first), b = cycleOf (last);
    return b->frameTime - a->frameTime == static_cast<std::int64_t> (b->sample - a->sample);
}

int JackRecorder::xrun (void* self)
{
    static_cast<JackRecorder*> (self)->xruns.fetch_add (1);
    return 0;
}

bool jackPortExists (const std::string& serverName, const std::string& portName)
{
    jack_status_t status {};
    auto* client = jack_client_open ("fbtest-look", static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                                     &status, serverName.c_str());
    if (client == nullptr)
        return false;
    const bool exists = jack_port_by_name (client, portName.c_str()) != nullptr;
    jack_client_close (client);
    return exists;
}

std::vector<std::string> jackConnectionsOf (const std::string& serverName, const std::string& portName)
{
    std::vector<std::string> names;
    jack_status_t status {};
    auto* client = jack_client_open ("fbtest-look", static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                                     &status, serverName.c_str());
    if (client == nullptr)
        return names;
    if (auto* port = jack_port_by_name (client, portName.c_str()))
        if (const char** connections = jack_port_get_all_connections (client, port))
        {
            for (auto** name = connections; *name != nullptr; ++name)
                names.emplace_back (*name);
            jack_free (connections);
        }
    jack_client_close (client);
    return names;
}

} // namespace foldback::test
