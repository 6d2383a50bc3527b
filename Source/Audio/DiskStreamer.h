#pragma once

#include "Audio/BackingTrackFile.h"
#include "Engine/TrackStream.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace foldback
{

/** Opens backing-track files and keeps every track's TrackStream filled from disk, ahead of
    the play head, on one background thread.

    What fills a track's ring, most urgent first: the blocks the audio thread will play next
    from its published play head, following the loop (setLoop()) across its wrap; and, after
    prepareToPlayFrom(), the blocks from the position being located to, until the audio
    thread gets there. With a hint pending, each side is given half the ring.

    Wiring:
    - message thread: open() each track (the stream goes into a PlanSource with
      SourceKind::backingTrack), start(); setLoop() whenever the loop changes (before the
      engine's setLoop command); prepareToPlayFrom() before each locate command.
    - offline renderer: the same, then before each processBlock() call
      waitUntilReady (transport position, block size, timeout): with every block present,
      the render is what live playback with a fast disk produces, with no underruns.
    - audio thread: only TrackStream::renderSegment(), through the engine.

    open(), close(), start(), stop(), setLoop(), prepareToPlayFrom(), waitUntilReady() and
    the readers are for non-audio threads; open() for one thread at a time. */
class DiskStreamer
{
public:
    struct Options
    {
        double ringSeconds = 4.0;   ///< per track, at the session rate
        int blockFrames = 4096;     ///< frames per ring slot, and per disk read
    };

    struct OpenedTrack
    {
        std::shared_ptr<TrackStream> stream; ///< never null: an offline track is a silent stream
        bool online = false;
        std::string message;                 ///< "path: reason" when offline; a note or empty otherwise
        TrackFileInfo info;                  ///< what the file is, and whether a converted copy streams
    };

    struct TrackStatus
    {
        bool online = false;
        std::string message;
    };

    /** Called with 0..1 on the thread that calls open(). */
    using ProgressCallback = std::function<void (double progress)>;

    DiskStreamer();
    explicit DiskStreamer (Options options);
    ~DiskStreamer();

    DiskStreamer (const DiskStreamer&) = delete;
    DiskStreamer& operator= (const DiskStreamer&) = delete;

    /** Message thread (or an import thread). Opens a file placed on the timeline at
        `offsetSamples` (its first frame plays there; negative skips its start), converting
        it first when it cannot stream as it is (BackingTrackFile, TrackCache), pre-fills its
        ring from the last prepared position (reporting progress over both), and hands it to
        the disk thread. Never throws for a bad file: the track is offline, silent, with a
        message naming the file. */
    OpenedTrack open (const std::string& path, double sessionSampleRate, std::int64_t offsetSamples,
                      float gain, const ProgressCallback& progress = {});

    /** Message thread, before open(): where converted copies of tracks are kept
        (TrackCache::foldersFor the session's folder). Without any, a track that needs
        converting is offline and says why. */
    void setCacheFolders (std::vector<std::string> folders);

    /** Message thread: the disk thread stops filling this track. The stream plays on
        from what is in its ring for as long as a Plan holds it. */
    void close (const TrackStream& stream);

    /** Any non-audio thread: whether the track is playable, and why not. A track whose
        file fails to read, or changes on disk (rewritten, truncated, replaced), while
        streaming goes offline: what its ring holds plays out, it fades out over 20 ms where
        that ends (TrackStream::endPlayableAt) and is silent from then on, and the message
        says why and when. A change is seen at the next read, or within 0.1 s while the
        ring is full and nothing is read (a parked play head). */
    TrackStatus getStatus (const TrackStream& stream) const;

    /** Message thread: starts or stops the disk thread. */
    void start();
    void stop();
    bool isRunning() const noexcept { return running.load(); }

    /** Message thread or renderer, before telling the engine to locate there: every track
        starts filling from `timelinePosition`, keeping what the play head needs until the
        locate lands. Tracks opened later pre-fill from here too. */
    void prepareToPlayFrom (std::int64_t timelinePosition);

    /** Any non-audio thread (the offline renderer; never the audio thread): blocks until
        every online track holds the frames for the next `numFrames` of play from
        `timelinePosition` (following the loop), at most half a ring. False on timeout or
        if the disk thread is not running. */
    bool waitUntilReady (std::int64_t timelinePosition, int numFrames, std::chrono::milliseconds timeout);

    /** Message thread: the loop the transport will play, so reading runs ahead across the
        wrap. Call it before sending the engine the same loop. */
    void setLoop (bool enabled, std::int64_t loopStart, std::int64_t loopEnd);

    /** Any thread: underruns summed over the open tracks. */
    std::uint64_t readTotalUnderruns() const;

    /** Tests: the disk thread sleeps this long before reading each block. */
    void setReadDelayForTesting (std::chrono::microseconds delay) noexcept { readDelayMicros.store (delay.count()); }

private:
    struct Track;

    void run();
    bool fillNextBlock (Track& track, const LoopRange& currentLoop);
    void collectWanted (Track& track, const LoopRange& currentLoop);
    bool fillBlock (Track& track, int slot, std::int64_t block);
    bool goOfflineIfChanged (Track& track);
    void goOffline (Track& track, std::int64_t failedFrame);

    const Options options;
    std::vector<std::string> cacheFolders;        // message thread's

    mutable std::mutex lock;                      // tracks, loop, preparedPosition, wakeRequested
    std::condition_variable wake;                 // to the disk thread
    std::condition_variable blockFilled;          // from the disk thread, to waitUntilReady()
    std::vector<std::shared_ptr<Track>> tracks;
    LoopRange loop;
    std::int64_t preparedPosition = 0;
    bool wakeRequested = false;
    bool stopping = false;

    std::thread thread;
    std::atomic<bool> running { false };
    std::atomic<std::int64_t> readDelayMicros { 0 };
};

} // namespace foldback
