#pragma once

#include <jack/jack.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace foldback::test
{

/** What one player port plays, as a function of JACK's absolute frame clock: a constant,
    plus an impulse on every frame where frame % impulsePeriod == impulsePhase. Because
    the signal depends only on the frame clock, a recorder can tell exactly when it was
    played. */
struct TestSignal
{
    float constant = 0.0f;
    float impulse = 0.0f;
    std::int64_t impulsePeriod = 0;   ///< 0: no impulses
    std::int64_t impulsePhase = 0;
};

/** A JACK client of the test's own with output ports "out_1"..., playing TestSignals.
    Its process callback is real-time safe. Test thread for everything else. */
class JackSignalPlayer
{
public:
    JackSignalPlayer (const std::string& serverName, const std::string& clientName, std::vector<TestSignal> signals);
    ~JackSignalPlayer();

    std::string portName (std::size_t index) const;
    /** Connects port `index` to `destination`; false if JACK refuses. */
    bool connectTo (std::size_t index, const std::string& destination);

private:
    static int process (jack_nframes_t numFrames, void* self);

    jack_client_t* client = nullptr;
    std::vector<TestSignal> signals;
    std::vector<jack_port_t*> ports;
};

/** A JACK client of the test's own with input ports "in_1"..., recording a fixed number of
    frames on request into preallocated buffers, with the absolute frame time of the first.
    It also counts the xruns the server reports. */
class JackRecorder
{
public:
    JackRecorder (const std::string& serverName, const std::string& clientName, std::size_t numPorts);
    ~JackRecorder();

    std::string portName (std::size_t index) const;
    bool connectFrom (const std::string& source, std::size_t index);

    /** Records `numFrames` from the next cycle on; false if that takes longer than `timeout`. */
    bool record (std::size_t numFrames, std::chrono::milliseconds timeout);

    const std::vector<float>& channel (std::size_t index) const { return buffers[index]; }
    std::int64_t firstFrameTime() const noexcept { return firstFrame.load(); }
    /** Whether every recorded cycle followed the last with no frames missing. */
    bool wasContinuous() const noexcept { return ! gap.load(); }
    /** Whether no frames are missing between two recorded samples (indices into channel()):
        a recording with gaps elsewhere can still time what lies between them. */
    bool isContinuousBetween (std::size_t first, std::size_t last) const;
    int xrunCount() const noexcept { return xruns.load(); }

private:
    static int process (jack_nframes_t numFrames, void* self);
    static int xrun (void* self);

    jack_client_t* client = nullptr;
    std::vector<jack_port_t*> ports;
    std::vector<std::vector<float>> buffers;
    std::atomic<std::size_t> wanted { 0 }, written { 0 };
    std::atomic<bool> armed { false }, gap { false };
    std::atomic<std::int64_t> firstFrame { 0 };
    struct CycleStart { std::size_t sample = 0; std::int64_t frameTime = 0; };
    std::vector<CycleStart> cycleStarts;          // preallocated by record()
    std::atomic<std::size_t> cyclesRecorded { 0 };
    std::atomic<int> xruns { 0 };
};

/** Whether a port of that full name exists on the server (a short-lived client asks). */
bool jackPortExists (const std::string& serverName, const std::string& portName);

/** The full names of the ports a port is connected to. */
std::vector<std::string> jackConnectionsOf (const std::string& serverName, const std::string& portName);

} // namespace foldback::test
