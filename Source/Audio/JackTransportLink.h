#pragma once

#include "Engine/Engine.h"
#include "Session/SessionEnums.h"

#include <jack/jack.h>
#include <jack/transport.h>

#include <atomic>
#include <cstdint>

namespace foldback
{

/** Ties the Engine's timeline to the JACK transport (`"transport": { "sync": "jack" }`).

    Per cycle, in the process callback before the engine renders, it reads the transport
    with jack_transport_query() (real-time safe; from the process thread the state and
    frame hold for the whole cycle) and hands the engine the timeline position of the
    cycle's first frame: transport frame F is timeline sample F - offset. Rolling means
    JackTransportRolling; Starting (slow-sync clients getting ready) and Stopped stand
    still, so nothing sounds until the transport rolls. A frame other than the last
    cycle's plus its length is a locate (a DAW's loop is one too).

    Timebase: with `follow`, a cycle whose position carries BBT (another client is the
    timebase master) hands the engine a BeatGrid: the click sounds where that bar, beat, tick
    and tempo put the beats, extrapolated at that tempo within the cycle (JACK gives nothing
    finer). A rolling cycle that carries the very BBT of the cycle before is one the master
    did not write (it missed its callback): the grid of the cycle before goes on, instead
    of that BBT being taken at the new frame, a cycle late. With `lead`, fillPosition()
    publishes BBT from our tempo map. Without a master's BBT, `follow` plays on our own
    tempo map.

    Slow sync: JACK calls readyToRoll() from its sync callback, in the process thread, after
    every reposition and before a start. The engine's backing tracks publish their parked
    play head every cycle, so the disk thread fills their rings at the new position; the
    answer is yes once each ring holds half a ring of frames from there (a wait-free scan
    of slot states, TrackStream::isReadyToPlayFrom). JACK waits (two seconds by default,
    jack_set_sync_timeout) and then rolls anyway.

    Threads: setOffset() any thread; processCycle(), readyToRoll(), release() the process
    thread only: wait-free, no allocation, no locks. */
class JackTransportLink
{
public:
    explicit JackTransportLink (Engine& engineToFollow) : engine (engineToFollow) {}

    /** Any thread: where bar 1 sits on the transport, in frames. */
    void setOffset (std::int64_t frames) noexcept { offset.store (frames, std::memory_order_relaxed); }
    std::int64_t getOffset() const noexcept       { return offset.load (std::memory_order_relaxed); }

    std::int64_t timelineOf (jack_nframes_t frame) const noexcept { return static_cast<std::int64_t> (frame) - getOffset(); }

    /** The transport frame of a timeline sample (a locate asked by Foldback's own controls);
        before the transport's zero is its zero. */
    jack_nframes_t frameOf (std::int64_t timelineSample) const noexcept;

    /** Message thread, before the link is handed to the device: off, lead (publish BBT from
        the tempo map: fillPosition()) or follow (the click follows the master's BBT). */
    void setTimebase (TransportTimebase mode) noexcept { timebase.store (mode, std::memory_order_relaxed); }
    TransportTimebase getTimebase() const noexcept     { return timebase.load (std::memory_order_relaxed); }

    /** Process thread (JACK's timebase callback, after the process callback): as the timebase
        master, fills bar, beat, tick, meter and tempo for `position.frame` (the next cycle's
        first frame) from the tempo map of the plan being played. Ticks per beat: 1920. The
        tempo is the one in force at that frame; a change later in the cycle shows in the
        next cycle's position (Foldback's own click is on the map's exact samples regardless). */
    void fillPosition (jack_position_t& position) const noexcept;

    static constexpr double ticksPerBeat = 1920.0;

    /** Process thread, at the start of each cycle. */
    void processCycle (jack_client_t* client, jack_nframes_t numFrames) noexcept;

    /** Process thread (sync callback): true when a roll from `position` plays without gaps. */
    bool readyToRoll (const jack_position_t& position) const noexcept;

    /** Process thread: the engine's timeline is its own again (the link was taken away). */
    void release() noexcept { engine.releaseExternalTransport(); }

    /** Any thread: cycles seen, and how many of them started somewhere the last one did not
        lead to (locates). For status and tests. */
    std::uint64_t readCycleCount() const noexcept  { return cycles.load (std::memory_order_relaxed); }
    std::uint64_t readLocateCount() const noexcept { return locates.load (std::memory_order_relaxed); }

private:
    Engine& engine;
    std::atomic<std::int64_t> offset { 0 };
    std::atomic<TransportTimebase> timebase { TransportTimebase::off };

    /** The BBT fields a master publishes, to tell a cycle it wrote from one it did not. */
    struct MasterBbt
    {
        std::int32_t bar = 0, beat = 0, tick = 0;
        double beatsPerMinute = 0.0;
        float beatsPerBar = 0.0f;
        double ticksPerBeat = 0.0;
        bool operator== (const MasterBbt&) const = default;
    };

    // Process thread's.
    std::int64_t expectedFrame = -1;
    BeatGrid masterGrid;           // follow: the grid of the master's last written BBT
    MasterBbt lastPublished;
    bool hasMasterGrid = false;
    std::atomic<std::uint64_t> cycles { 0 }, locates { 0 };
};

} // namespace foldback
