#include "JackAudioDevice.h"

#include "JackAudioDeviceType.h"

#include <thread>
#include <utility>

namespace foldback
{

namespace
{
    /** Counts a process-thread callback in while it may touch the engine, so the message
        thread can wait it out before re-preparing the engine (see followServerSampleRate). */
    struct EngineUse
    {
        explicit EngineUse (std::atomic<int>& usersToCount) noexcept : users (usersToCount) { users.fetch_add (1); }
        ~EngineUse() { users.fetch_sub (1); }
        std::atomic<int>& users;
    };

    constexpr int timerIntervalMs = 100;
    constexpr double retryIntervalMs = 500.0;
    constexpr double snapshotIntervalMs = 1000.0;
    constexpr double restoreForMs = 30000.0;   // how long lost connections wait for their other end

    double nowMs() { return juce::Time::getMillisecondCounterHiRes(); }

    juce::String describeOpenFailure (jack_status_t status, const juce::String& serverName)
    {
        if ((status & JackServerFailed) != 0)
            return "no JACK server '" + serverName + "' is running";
        if ((status & JackNameNotUnique) != 0)
            return "the JACK client name is taken";
        return "the JACK server '" + serverName + "' refused the client (status "
               + juce::String (static_cast<int> (status)) + ")";
    }

    juce::StringArray channelNames (const std::vector<std::string>& ports)
    {
        juce::StringArray names;
        for (std::size_t i = 0; i < ports.size(); ++i)
            names.add (ports[i].empty() ? "(unused " + juce::String (i + 1) + ")" : juce::String (ports[i]));
        return names;
    }

    /** A connection remembered under the client's old name, renamed to its new one. */
    std::string renameClient (const std::string& port, const std::string& oldName, const std::string& newName)
    {
        const auto prefix = oldName + ":";
        return port.rfind (prefix, 0) == 0 ? newName + ":" + port.substr (prefix.size()) : port;
    }
}

JackAudioDevice::JackAudioDevice (const juce::String& server, JackPortLayout portLayout)
    : juce::AudioIODevice (server, typeName), serverName (server), layout (std::move (portLayout))
{
    quietenJackLibrary();
    inputPointers.assign (layout.inputs.size(), nullptr);
    outputPointers.assign (layout.outputs.size(), nullptr);
}

JackAudioDevice::~JackAudioDevice()
{
    close();
}

juce::StringArray JackAudioDevice::getOutputChannelNames() { return channelNames (layout.outputs); }
juce::StringArray JackAudioDevice::getInputChannelNames()  { return channelNames (layout.inputs); }
juce::Array<double> JackAudioDevice::getAvailableSampleRates() { return { sampleRate }; }
juce::Array<int> JackAudioDevice::getAvailableBufferSizes()    { return { bufferSize.load() }; }
int JackAudioDevice::getDefaultBufferSize()                    { return bufferSize.load(); }

juce::BigInteger JackAudioDevice::getActiveOutputChannels() const
{
    juce::BigInteger channels;
    channels.setRange (0, static_cast<int> (layout.outputs.size()), true);
    return channels;
}

juce::BigInteger JackAudioDevice::getActiveInputChannels() const
{
    juce::BigInteger channels;
    channels.setRange (0, static_cast<int> (layout.inputs.size()), true);
    return channels;
}

juce::String JackAudioDevice::open (const juce::BigInteger&, const juce::BigInteger&, double, int)
{
    close();
    lastError = openClient();
    if (lastError.isNotEmpty())
        return lastError;

    wantOpen = true;
    startTimer (timerIntervalMs);
    return {};
}

void JackAudioDevice::close()
{
    stop();
    stopTimer();
    closeClient();
    wantOpen = false;
}

juce::String JackAudioDevice::openClient()
{
    jack_status_t status {};
    client = jack_client_open (layout.clientName.c_str(),
                               static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                               &status, serverName.toRawUTF8());
    if (client == nullptr)
        return describeOpenFailure (status, serverName);

    // Cleared before the shutdown callback is set, so a server that dies at once is seen.
    serverLost = false;
    clientName = jack_get_client_name (client);
    inputPorts.assign (layout.inputs.size(), nullptr);
    outputPorts.assign (layout.outputs.size(), nullptr);

    auto registerPorts = [this] (const std::vector<std::string>& names, std::vector<jack_port_t*>& ports,
                                 unsigned long flags) -> juce::String
    {
        for (std::size_t i = 0; i < names.size(); ++i)
        {
            if (names[i].empty())
                continue;
            ports[i] = jack_port_register (client, names[i].c_str(), JACK_DEFAULT_AUDIO_TYPE, flags, 0);
            if (ports[i] == nullptr)
                return "JACK would not register the port " + juce::String (names[i]);
        }
        return {};
    };

    auto error = registerPorts (layout.inputs, inputPorts, JackPortIsInput);
    if (error.isEmpty())
        error = registerPorts (layout.outputs, outputPorts, JackPortIsOutput);
    if (error.isNotEmpty())
    {
        closeClient();
        return error;
    }

    jack_set_process_callback (client, processCallback, this);
    jack_on_info_shutdown (client, shutdownCallback, this);
    jack_set_xrun_callback (client, xrunCallback, this);
    jack_set_buffer_size_callback (client, bufferSizeCallback, this);
    jack_set_sample_rate_callback (client, sampleRateCallback, this);
    timebaseMaster = false;   // a new client: whatever the old one held went with it
    registerTransportCallbacks();

    serverRate = jack_get_sample_rate (client);
    sampleRate = static_cast<double> (serverRate.load());
    bufferSize = static_cast<int> (jack_get_buffer_size (client));
    return {};
}

void JackAudioDevice::setTransportLink (JackTransportLink* link)
{
    transportLink = link;
    liveTransportLink.store (link, std::memory_order_release);
    registerTransportCallbacks();
}

void JackAudioDevice::registerTransportCallbacks()
{
    if (client == nullptr)
        return;
    // NULL declares that this client no longer needs slow-sync (jack/transport.h).
    jack_set_sync_callback (client, transportLink != nullptr ? syncCallback : nullptr, this);

    // Leading takes the timebase over unconditionally: the session says Foldback's map is the song's.
    const bool lead = transportLink != nullptr && transportLink->getTimebase() == TransportTimebase::lead;
    if (lead)
        timebaseMaster = jack_set_timebase_callback (client, 0, timebaseCallback, this) == 0;
    else if (timebaseMaster)
    {
        jack_release_timebase (client);
        timebaseMaster = false;
    }
}

void JackAudioDevice::requestTransportStart()
{
    if (client != nullptr && ! serverLost.load())
        jack_transport_start (client);
}

void JackAudioDevice::requestTransportStop()
{
    if (client != nullptr && ! serverLost.load())
        jack_transport_stop (client);
}

void JackAudioDevice::requestTransportLocate (jack_nframes_t frame)
{
    if (client != nullptr && ! serverLost.load())
        jack_transport_locate (client, frame);
}

void JackAudioDevice::closeClient()
{
    if (client == nullptr)
        return;

    if (active)
        jack_deactivate (client);
    active = false;
    jack_client_close (client);
    client = nullptr;
    inputPorts.clear();
    outputPorts.clear();
}

void JackAudioDevice::start (juce::AudioIODeviceCallback* callback)
{
    if (! wantOpen || callback == nullptr || startedCallback != nullptr)
        return;

    startedCallback = callback;
    if (client != nullptr)
        activate();
    // Else the server is gone: tryToReconnect() starts the callback when it is back.
}

void JackAudioDevice::activate()
{
    const auto rate = serverRate.load();      // a change while stopped is simply the rate started at
    sampleRate = static_cast<double> (rate);
    startedCallback->audioDeviceAboutToStart (this);
    callbackRate = rate;
    liveCallback.store (startedCallback);

    if (jack_activate (client) != 0)
    {
        liveCallback.store (nullptr);
        startedCallback->audioDeviceError ("JACK would not activate the client");
        return;
    }
    active = true;

    if (layout.autoConnect)
    {
        auto warnings = jackconnections::connectToPhysicalPorts (client, inputPorts, outputPorts, &layout);
        waitingNamed = jackconnections::connectWherePossible (client, jackconnections::namedConnections (layout, inputPorts, outputPorts));
        for (const auto& [source, destination] : waitingNamed)
            warnings.push_back ("JACK: " + source + " -> " + destination + " waits for its port; it is connected when the port appears");
        if (! autoConnectedOnce)
            connectionWarnings = std::move (warnings);
        autoConnectedOnce = true;
    }

    pendingConnections = jackconnections::connectWherePossible (client, pendingConnections);
    nextSnapshotMs = nowMs() + snapshotIntervalMs;
}

void JackAudioDevice::stop()
{
    auto* callback = std::exchange (startedCallback, nullptr);
    if (callback == nullptr)
        return;

    const bool wasActive = active;
    if (active)
        jack_deactivate (client);
    active = false;
    liveCallback.store (nullptr, std::memory_order_release);

    if (wasActive)
        callback->audioDeviceStopped();
}

void JackAudioDevice::timerCallback()
{
    if (serverLost.load() && client != nullptr)
        handleServerLoss();

    if (client == nullptr)
    {
        tryToReconnect();
        return;
    }

    if (! active)
        return;

    if (serverRate.load() != callbackRate.load())
        followServerSampleRate();

    const auto now = nowMs();

    // Named ports that appear later (a PipeWire device plugged in, a netjack2 station joining)
    // are connected when they do, for as long as the run lasts.
    if (! waitingNamed.empty() && now >= nextNamedRetryMs)
    {
        waitingNamed = jackconnections::connectWherePossible (client, waitingNamed);
        nextNamedRetryMs = now + retryIntervalMs;
    }

    if (! pendingConnections.empty())
    {
        pendingConnections = jackconnections::connectWherePossible (client, pendingConnections);
        if (now > restoreUntilMs)
            pendingConnections.clear();
    }

    // Remember the routing, so it can be rebuilt if the server goes away.
    if (now >= nextSnapshotMs && pendingConnections.empty())
    {
        knownConnections = jackconnections::readConnections (client, inputPorts, outputPorts);
        nextSnapshotMs = now + snapshotIntervalMs;
    }
}

void JackAudioDevice::serverSampleRateChanged (jack_nframes_t rate) noexcept
{
    if (rate > 0)
        serverRate.store (rate);
}

void JackAudioDevice::followServerSampleRate()
{
    // The rates already differ, so no process-thread callback enters the engine from here
    // on; wait out one that is inside it already (at most a period; the process thread
    // never waits for us). Sequentially consistent on both sides: a callback counts itself
    // in before it compares the rates.
    liveCallback.store (nullptr);
    while (engineUsers.load() > 0)
        std::this_thread::yield();

    const auto rate = serverRate.load();
    sampleRate = static_cast<double> (rate);
    if (startedCallback != nullptr)
    {
        startedCallback->audioDeviceStopped();
        startedCallback->audioDeviceAboutToStart (this);   // re-prepares the engine at the new rate
    }
    callbackRate = rate;
    liveCallback.store (startedCallback);
    ++sampleRateChanges;
}

void JackAudioDevice::handleServerLoss()
{
    // JACK called shutdownCallback: the process thread has stopped for good.
    const bool wasActive = active;
    active = false;
    liveCallback.store (nullptr, std::memory_order_release);
    if (wasActive && startedCallback != nullptr)
        startedCallback->audioDeviceStopped();

    jack_client_close (client);
    client = nullptr;
    inputPorts.clear();
    outputPorts.clear();
    nextRetryMs = nowMs() + retryIntervalMs;
}

void JackAudioDevice::tryToReconnect()
{
    if (! wantOpen || nowMs() < nextRetryMs)
        return;

    nextRetryMs = nowMs() + retryIntervalMs;
    const auto oldName = clientName;
    if (openClient().isNotEmpty())
        return;

    pendingConnections.clear();
    for (const auto& [source, destination] : knownConnections)
        pendingConnections.emplace_back (renameClient (source, oldName, clientName),
                                         renameClient (destination, oldName, clientName));
    restoreUntilMs = nowMs() + restoreForMs;
    ++reconnections;

    if (startedCallback != nullptr)
        activate();
}

int JackAudioDevice::process (jack_nframes_t numFrames) noexcept
{
    ScopedRealtimeProbe probe (realtimeProbe);

    for (std::size_t i = 0; i < inputPorts.size(); ++i)
        inputPointers[i] = inputPorts[i] != nullptr ? static_cast<const float*> (jack_port_get_buffer (inputPorts[i], numFrames))
                                                    : nullptr;
    for (std::size_t i = 0; i < outputPorts.size(); ++i)
        outputPointers[i] = outputPorts[i] != nullptr ? static_cast<float*> (jack_port_get_buffer (outputPorts[i], numFrames))
                                                      : nullptr;

    // Between a sample-rate change and the timer's re-prepare the engine is left alone and
    // the outputs are silent: its clock and filters are still at the old rate.
    const EngineUse use (engineUsers);
    const bool engineUsable = engineRunsAtServerRate();

    // The transport first, so the engine renders this cycle at the transport's frame.
    if (engineUsable)
    {
        auto* link = liveTransportLink.load (std::memory_order_acquire);
        if (link != followingLink && followingLink != nullptr)
            followingLink->release();
        followingLink = link;
        if (link != nullptr)
            link->processCycle (client, numFrames);
    }

    auto* callback = engineUsable ? liveCallback.load() : nullptr;
    if (callback != nullptr)
    {
        const juce::AudioIODeviceCallbackContext context;
        callback->audioDeviceIOCallbackWithContext (inputPointers.data(), static_cast<int> (inputPointers.size()),
                                                    outputPointers.data(), static_cast<int> (outputPointers.size()),
                                                    static_cast<int> (numFrames), context);
    }
    else
    {
        for (auto* output : outputPointers)
            if (output != nullptr)
                juce::FloatVectorOperations::clear (output, static_cast<int> (numFrames));
    }
    return 0;
}

int JackAudioDevice::processCallback (jack_nframes_t numFrames, void* device) noexcept
{
    return static_cast<JackAudioDevice*> (device)->process (numFrames);
}

void JackAudioDevice::shutdownCallback (jack_status_t, const char*, void* device) noexcept
{
    // On a JACK thread, possibly mid-teardown: only raise the flag; the timer does the rest.
    static_cast<JackAudioDevice*> (device)->serverLost.store (true);
}

int JackAudioDevice::xrunCallback (void* device) noexcept
{
    static_cast<JackAudioDevice*> (device)->xruns.fetch_add (1, std::memory_order_relaxed);
    return 0;
}

int JackAudioDevice::syncCallback (jack_transport_state_t, jack_position_t* position, void* device) noexcept
{
    auto& self = *static_cast<JackAudioDevice*> (device);
    ScopedRealtimeProbe probe (self.realtimeProbe);   // the process thread's rules hold here too
    const EngineUse use (self.engineUsers);
    if (! self.engineRunsAtServerRate())
        return 0;                                     // not ready: the engine is being re-prepared
    auto* link = self.liveTransportLink.load (std::memory_order_acquire);
    return link == nullptr || position == nullptr || link->readyToRoll (*position) ? 1 : 0;
}

void JackAudioDevice::timebaseCallback (jack_transport_state_t, jack_nframes_t, jack_position_t* position, int, void* device) noexcept
{
    auto& self = *static_cast<JackAudioDevice*> (device);
    ScopedRealtimeProbe probe (self.realtimeProbe);
    const EngineUse use (self.engineUsers);
    if (! self.engineRunsAtServerRate())
        return;                                       // the engine is being re-prepared: JACK keeps the last position
    if (auto* link = self.liveTransportLink.load (std::memory_order_acquire); link != nullptr && position != nullptr)
        link->fillPosition (*position);
}

int JackAudioDevice::sampleRateCallback (jack_nframes_t rate, void* device) noexcept
{
    static_cast<JackAudioDevice*> (device)->serverSampleRateChanged (rate);
    return 0;
}

int JackAudioDevice::bufferSizeCallback (jack_nframes_t numFrames, void* device) noexcept
{
    static_cast<JackAudioDevice*> (device)->bufferSize.store (static_cast<int> (numFrames));
    return 0;
}

} // namespace foldback
