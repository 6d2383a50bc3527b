#pragma once

#include "JackConnections.h"
#include "JackPortLayout.h"
#include "JackTransportLink.h"
#include "RealtimeProbe.h"

#include <jack/jack.h>
#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <string>
#include <vector>

namespace foldback
{

/** Foldback's own JACK client, written on libjack directly because JUCE's names its ports
    in_1/out_1 and dies with the server. Ports are named by a JackPortLayout (foldback:vox,
    foldback:singer_L, ...); device channel N is the layout's channel N, so sessions route
    the same way on JACK as on any device.

    When the server goes away, the device stops calling back (audioDeviceStopped()), and a
    timer on the message thread reopens the client every half second until a server is back;
    then it registers the same ports, starts calling back again (audioDeviceAboutToStart()
    first, so the owner can re-prepare if the rate changed), re-makes the auto-connections
    and restores every connection the ports had before, as other clients reappear.

    The process callback takes no locks, allocates nothing, does no I/O and never waits:
    it fetches port buffers and calls the AudioIODeviceCallback. Channels without a port
    reach the callback as nullptr.

    libjack shares its per-process state between clients: a dead client must be closed
    before another client of the same process joins a new server, or closing it later
    crashes inside libjack. The timer closes it within 100 ms of the shutdown, before
    reopening; other code in the process should not open JACK clients meanwhile.

    Everything here is message-thread only (the recovery timer needs a running JUCE message
    loop), except the callbacks JACK makes on its own threads. */
class JackAudioDevice : public juce::AudioIODevice, private juce::Timer
{
public:
    static constexpr const char* typeName = "JACK";

    /** serverName as in `jackd -n NAME`; "default" is JACK's default server. */
    JackAudioDevice (const juce::String& serverName, JackPortLayout layout);
    ~JackAudioDevice() override;

    juce::StringArray getOutputChannelNames() override;
    juce::StringArray getInputChannelNames() override;
    juce::Array<double> getAvailableSampleRates() override;
    juce::Array<int> getAvailableBufferSizes() override;
    int getDefaultBufferSize() override;

    /** Connects to the server and registers the layout's ports. Every channel of the layout
        is active whatever the masks say, and the rate and buffer size are the server's. */
    juce::String open (const juce::BigInteger& inputChannels, const juce::BigInteger& outputChannels,
                       double sampleRate, int bufferSizeSamples) override;
    void close() override;
    bool isOpen() override { return wantOpen; }

    void start (juce::AudioIODeviceCallback* callback) override;
    void stop() override;
    bool isPlaying() override { return startedCallback != nullptr; }

    juce::String getLastError() override { return lastError; }
    int getCurrentBufferSizeSamples() override { return bufferSize.load(); }
    double getCurrentSampleRate() override { return sampleRate; }
    int getCurrentBitDepth() override { return 32; }
    juce::BigInteger getActiveOutputChannels() const override;
    juce::BigInteger getActiveInputChannels() const override;
    int getOutputLatencyInSamples() override { return 0; }
    int getInputLatencyInSamples() override { return 0; }

    /** Any thread: xruns the server reported to this client, summed over reconnections. */
    int getXRunCount() const noexcept override { return xruns.load(); }

    /** Message thread, before start(): see RealtimeProbe. */
    void setRealtimeProbe (const RealtimeProbe* probe) noexcept { realtimeProbe = probe; }

    /** Message thread: problems found while auto-connecting, each naming the port. */
    const std::vector<std::string>& getConnectionWarnings() const noexcept { return connectionWarnings; }

    /** Any thread: false from the moment the server goes away until the client is back. */
    bool isServerConnected() const noexcept { return ! serverLost.load(); }

    /** Message thread: the engine follows the JACK transport through `link` from the next
        cycle on (and Foldback becomes a slow-sync client), or, with nullptr, its own clock
        again. The link must outlive the device or be taken away first. Kept across
        reconnections. */
    void setTransportLink (JackTransportLink* link);

    /** Message thread: Foldback's own transport controls under JACK sync. They ask the
        server (real-time safe calls, per jack/transport.h); the change reaches the engine
        through the link in a cycle or two, like a DAW's. */
    void requestTransportStart();
    void requestTransportStop();
    void requestTransportLocate (jack_nframes_t frame);

    /** Message thread: how many times the client came back after losing its server. */
    int getReconnectionCount() const noexcept { return reconnections; }

    /** JACK's sample-rate notification (its notification thread, never the process thread):
        the server now runs at `rate` (PipeWire's JACK layer can change it live; jackd
        cannot). From the next cycle the process callback plays silence rather than render
        at the wrong rate; the timer then takes the engine's callback off the process
        thread, restarts it at the new rate (audioDeviceAboutToStart, which re-prepares the
        engine) and puts it back. Public so a test can play the part of a server that
        changes its rate. */
    void serverSampleRateChanged (jack_nframes_t rate) noexcept;

    /** Message thread: live sample-rate changes followed so far. */
    int getSampleRateChangeCount() const noexcept { return sampleRateChanges; }

private:
    juce::String openClient();
    void closeClient();
    void activate();
    void timerCallback() override;
    void handleServerLoss();
    void tryToReconnect();
    void followServerSampleRate();
    bool engineRunsAtServerRate() const noexcept { return serverRate.load() == callbackRate.load(); }

    int process (jack_nframes_t numFrames) noexcept;
    static int processCallback (jack_nframes_t, void*) noexcept;
    static void shutdownCallback (jack_status_t, const char*, void*) noexcept;
    static int xrunCallback (void*) noexcept;
    static int bufferSizeCallback (jack_nframes_t, void*) noexcept;
    static int sampleRateCallback (jack_nframes_t, void*) noexcept;
    static int syncCallback (jack_transport_state_t, jack_position_t*, void*) noexcept;
    static void timebaseCallback (jack_transport_state_t, jack_nframes_t, jack_position_t*, int, void*) noexcept;
    void registerTransportCallbacks();

    const juce::String serverName;
    const JackPortLayout layout;

    jack_client_t* client = nullptr;
    std::string clientName;
    std::vector<jack_port_t*> inputPorts, outputPorts;
    std::vector<const float*> inputPointers;
    std::vector<float*> outputPointers;

    bool wantOpen = false;
    bool active = false;
    bool autoConnectedOnce = false;
    double sampleRate = 48000.0;                                 // message thread's: the rate the callback was started at
    std::atomic<jack_nframes_t> serverRate { 0 };                // the server's, as JACK last told it
    std::atomic<jack_nframes_t> callbackRate { 0 };              // the rate the live callback was prepared for
    std::atomic<int> engineUsers { 0 };                          // process-thread callbacks inside the engine now
    int sampleRateChanges = 0;
    std::atomic<int> bufferSize { 256 };
    juce::String lastError;

    juce::AudioIODeviceCallback* startedCallback = nullptr;     // message thread's
    std::atomic<juce::AudioIODeviceCallback*> liveCallback { nullptr };
    const RealtimeProbe* realtimeProbe = nullptr;

    JackTransportLink* transportLink = nullptr;                  // message thread's
    std::atomic<JackTransportLink*> liveTransportLink { nullptr };
    JackTransportLink* followingLink = nullptr;                  // process thread's
    bool timebaseMaster = false;                                 // message thread's

    std::atomic<bool> serverLost { false };
    std::atomic<int> xruns { 0 };
    int reconnections = 0;
    double nextRetryMs = 0.0;
    double nextSnapshotMs = 0.0;
    double restoreUntilMs = 0.0;

    std::vector<std::string> connectionWarnings;
    std::vector<jackconnections::Connection> knownConnections, pendingConnections;
    std::vector<jackconnections::Connection> waitingNamed;   // named auto-connections whose other port is not there yet
    double nextNamedRetryMs = 0.0;
};

} // namespace foldback
