#pragma once

#include <jack/jack.h>
#include <jack/transport.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace foldback::test
{

/** A DAW stand-in: a JACK client of the test's own that drives the JACK transport (locate,
    start, stop, as Ardour's transport bar does) and records its input ports cycle by cycle,
    each cycle with the transport state and frame JACK gave it. Connected after Foldback's
    outputs, it runs in the same cycle as Foldback, after it, so a recorded cycle is what
    Foldback rendered for that transport frame.

    It can also be the timebase master (publishing BBT at a tempo it is told) or read the
    BBT another master publishes.

    The process callback is real-time safe (preallocated storage). Test thread for the rest. */
class JackTransportDaw
{
public:
    struct Cycle
    {
        jack_transport_state_t state = JackTransportStopped;
        std::int64_t frame = 0;          ///< transport frame of the cycle's first frame
        std::int64_t firstSample = 0;    ///< where the cycle's frames start in channel()
        /** The server's frame clock at the cycle's start (jack_last_frame_time): it counts
            every cycle the server ran, so a jump of more than a period while rolling, matched
            by the transport frame, is cycles the stand-in missed (an xrun), not a locate. */
        std::uint32_t frameTime = 0;
        int numFrames = 0;
        bool bbtValid = false;
        std::int32_t bar = 0, beat = 0, tick = 0;
        double beatsPerMinute = 0.0, ticksPerBeat = 0.0, beatsPerBar = 0.0;
    };

    JackTransportDaw (const std::string& serverName, const std::string& clientName, std::size_t numPorts,
                      std::size_t capacityFrames);
    ~JackTransportDaw();

    bool connectFrom (const std::string& source, std::size_t index);

    void locate (std::int64_t frame) { jack_transport_locate (client, static_cast<jack_nframes_t> (frame)); }
    void start()                     { jack_transport_start (client); }
    void stop()                      { jack_transport_stop (client); }
    jack_transport_state_t state() const { return jack_transport_query (client, nullptr); }
    std::int64_t frame() const       { jack_position_t p {}; jack_transport_query (client, &p); return p.frame; }

    /** Becomes the timebase master, publishing 4/4 BBT at `bpm` from frame 0 (a tempo of its
        own: setTempo() changes it from the next cycle on, as a DAW's tempo track would at a
        bar it plays). False if JACK refuses. */
    bool becomeTimebaseMaster (double bpm);
    /** Ticks per beat the stand-in publishes as master: 1920 as Ardour, or finer. */
    static constexpr double masterTicksPerBeat = 960000.0;
    /** The tempo from `fromFrame` on (a tempo change on the transport timeline). */
    void setTempoChange (std::int64_t fromFrame, double bpm);
    /** As master, skips its write for every cycle with a beat in it, as a master that missed
        its callback (an xrun) does: JACK moves the frame on and hands out the BBT of the
        cycle before. Deterministic, so a test can put such a cycle on every beat. */
    void holdOverBbtInCyclesWithBeats (bool holdOver) { holdOverOnBeats = holdOver; }

    /** Starts recording from the next cycle, until `frames` frames are held (at most the capacity). */
    void startRecording (std::size_t frames);
    /** Waits until the recording is complete; false on timeout. */
    bool waitForRecording (std::chrono::milliseconds timeout) const;

    const std::vector<float>& channel (std::size_t index) const { return buffers[index]; }
    std::vector<Cycle> cycles() const;
    int xrunCount() const noexcept { return xruns.load(); }

    /** Bar/beat/tick the stand-in publishes at a frame, as it would as master (for tests). */
    static double beatAt (std::int64_t frame, double rate, double bpm1, std::int64_t changeFrame, double bpm2);

private:
    static int process (jack_nframes_t numFrames, void* self);
    static int xrun (void* self);
    static void timebase (jack_transport_state_t, jack_nframes_t, jack_position_t*, int, void* self);

    jack_client_t* client = nullptr;
    std::vector<jack_port_t*> ports;
    std::vector<std::vector<float>> buffers;
    std::vector<Cycle> cycleLog;
    std::atomic<std::size_t> wanted { 0 }, written { 0 }, cyclesWritten { 0 };
    std::atomic<bool> armed { false };
    std::atomic<int> xruns { 0 };
    std::atomic<double> tempo1 { 120.0 }, tempo2 { 120.0 };
    std::atomic<std::int64_t> changeAt { -1 };
    std::atomic<bool> holdOverOnBeats { false };
    jack_position_t lastWritten {};   // timebase callback's: the BBT it wrote last
    bool hasWritten = false;
};

} // namespace foldback::test
