#include "DiskStreamer.h"

#include "BackingTrackFile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace foldback
{

namespace
{
    // How often an idle disk thread looks at the play heads again. The audio thread never
    // signals it (that would be a system call on the audio thread); 5 ms is a tiny fraction
    // of the seconds of audio each ring holds.
    constexpr auto idlePoll = std::chrono::milliseconds (5);

    constexpr int minimumSlots = 4;

    // How often a track with nothing to read is looked at on disk. Reads check the file
    // too, but a full ring (a parked play head) reads nothing: without this a change would
    // be noticed only when play moves on, and a renderer faster than real time could reach
    // the ring's end before it, leaving no room to fade. A few stat calls per track.
    constexpr auto changeCheckInterval = std::chrono::milliseconds (100);

    // A track whose file goes away fades out over this, rather than stopping dead.
    constexpr double fadeOutSeconds = 0.02;
}

struct DiskStreamer::Track
{
    std::shared_ptr<TrackStream> stream;
    double sessionRate = 0.0;
    std::unique_ptr<BackingTrackFile> file;
    std::atomic<bool> online { false };
    std::string message;                        // guarded by DiskStreamer::lock
    std::vector<std::int64_t> wanted, keep;     // the filling thread's scratch
    std::chrono::steady_clock::time_point lastChangeCheck;   // the disk thread's
};

DiskStreamer::DiskStreamer() : DiskStreamer (Options {}) {}

DiskStreamer::DiskStreamer (Options o)
    : options (o)
{
}

void DiskStreamer::setCacheFolders (std::vector<std::string> folders)
{
    cacheFolders = std::move (folders);
}

DiskStreamer::~DiskStreamer()
{
    stop();
}

//==============================================================================
DiskStreamer::OpenedTrack DiskStreamer::open (const std::string& path, double sessionSampleRate,
                                              std::int64_t offsetSamples, float gain, const ProgressCallback& progress)
{
    auto report = [&progress] (double p)
    {
        if (progress)
            progress (p);
    };

    report (0.0);

    // A conversion, when the file needs one, is most of the work: 0 to 0.8 of the progress.
    TrackOpenOptions how;
    how.sessionSampleRate = sessionSampleRate;
    how.cacheFolders = cacheFolders;
    how.progress = [&report] (double p) { report (0.8 * std::clamp (p, 0.0, 1.0)); };

    auto track = std::make_shared<Track>();
    track->file = std::make_unique<BackingTrackFile> (path, how);
    track->sessionRate = sessionSampleRate;
    const auto& file = *track->file;
    const double prefillStart = file.isConverted() ? 0.8 : 0.05;
    report (prefillStart);

    LoopRange currentLoop;
    std::int64_t from = 0;
    {
        std::lock_guard<std::mutex> guard (lock);
        currentLoop = loop;
        from = preparedPosition;
    }

    TrackStream::Layout layout;
    layout.numChannels = std::max (1, file.getNumChannels());
    layout.lengthFrames = file.getSessionLength();
    layout.offset = offsetSamples;
    layout.blockFrames = std::max (64, options.blockFrames);
    layout.initialPlayHead = from;
    layout.fadeOutFrames = std::max (1, static_cast<int> (std::lround (fadeOutSeconds * sessionSampleRate)));

    if (file.isOnline())
    {
        const double ringFrames = std::max (0.0, options.ringSeconds) * sessionSampleRate;
        layout.numSlots = std::max (minimumSlots, static_cast<int> (std::ceil (ringFrames / layout.blockFrames)) + 1);
    }
    else
    {
        layout.numSlots = 0;
    }

    track->stream = std::make_shared<TrackStream> (layout);
    track->stream->setGain (gain);
    track->online.store (file.isOnline());
    track->message = file.getMessage();

    // Pre-fill here, before the disk thread knows the track: this thread is the producer.
    if (file.isOnline())
    {
        auto& stream = *track->stream;
        auto& wanted = track->wanted;
        wanted.clear();
        stream.collectBlocksAhead (from, currentLoop, std::numeric_limits<std::int64_t>::max(),
                                   static_cast<std::size_t> (stream.getNumSlots() - 1), wanted);

        for (std::size_t i = 0; i < wanted.size() && track->online.load(); ++i)
        {
            const int slot = stream.beginFill (wanted[i], {});
            if (slot < 0)
                break;

            if (! fillBlock (*track, slot, wanted[i]))
                break;
            stream.endFill (slot);
            report (prefillStart + (1.0 - prefillStart) * static_cast<double> (i + 1) / static_cast<double> (wanted.size()));
        }
    }

    OpenedTrack opened;
    opened.stream = track->stream;

    {
        std::lock_guard<std::mutex> guard (lock);
        opened.online = track->online.load();
        opened.message = track->message;
        opened.info = file.getInfo();
        tracks.push_back (std::move (track));
        wakeRequested = true;
    }

    wake.notify_all();
    report (1.0);
    return opened;
}

void DiskStreamer::close (const TrackStream& stream)
{
    std::lock_guard<std::mutex> guard (lock);
    tracks.erase (std::remove_if (tracks.begin(), tracks.end(),
                                  [&stream] (const auto& t) { return t->stream.get() == &stream; }),
                  tracks.end());
}

DiskStreamer::TrackStatus DiskStreamer::getStatus (const TrackStream& stream) const
{
    std::lock_guard<std::mutex> guard (lock);
    for (const auto& t : tracks)
        if (t->stream.get() == &stream)
            return { t->online.load(), t->message };

    return { false, "not a track of this streamer" };
}

//==============================================================================
void DiskStreamer::start()
{
    if (running.load())
        return;

    {
        std::lock_guard<std::mutex> guard (lock);
        stopping = false;
    }

    running.store (true);
    thread = std::thread ([this] { run(); });
}

void DiskStreamer::stop()
{
    {
        std::lock_guard<std::mutex> guard (lock);
        stopping = true;
    }
    wake.notify_all();

    if (thread.joinable())
        thread.join();

    running.store (false);
    blockFilled.notify_all();
}

void DiskStreamer::run()
{
    std::vector<std::shared_ptr<Track>> snapshot;
    std::unique_lock<std::mutex> guard (lock);

    while (! stopping)
    {
        // Work on a copy of the list so that open() and close() never wait for a disk read.
        snapshot = tracks;
        const auto currentLoop = loop;
        wakeRequested = false;
        guard.unlock();

        bool didWork = false;
        for (auto& track : snapshot)
            didWork = (fillNextBlock (*track, currentLoop) || goOfflineIfChanged (*track)) || didWork;

        snapshot.clear(); // a closed track is released here, never on the audio thread
        guard.lock();

        if (didWork)
            blockFilled.notify_all(); // under the lock: a waiter cannot miss it
        else if (tracks.empty())
            wake.wait (guard, [this] { return stopping || wakeRequested; }); // nothing to watch: sleep until open()
        else if (! stopping && ! wakeRequested)
            wake.wait_for (guard, idlePoll);
    }
}

void DiskStreamer::collectWanted (Track& track, const LoopRange& currentLoop)
{
    auto& stream = *track.stream;
    const auto capacity = static_cast<std::size_t> (stream.getNumSlots() - 1);
    constexpr auto unlimited = std::numeric_limits<std::int64_t>::max();

    track.wanted.clear();

    if (const auto hint = stream.readPrefetchHint())
    {
        stream.collectBlocksAhead (stream.readPlayHead(), currentLoop, unlimited, capacity / 2, track.wanted);
        stream.collectBlocksAhead (*hint, currentLoop, unlimited, capacity, track.wanted);
    }
    else
    {
        stream.collectBlocksAhead (stream.readPlayHead(), currentLoop, unlimited, capacity, track.wanted);
    }
}

bool DiskStreamer::fillNextBlock (Track& track, const LoopRange& currentLoop)
{
    if (! track.online.load())
        return false;

    auto& stream = *track.stream;
    collectWanted (track, currentLoop);

    track.keep = track.wanted;
    std::sort (track.keep.begin(), track.keep.end());

    for (const auto block : track.wanted)
    {
        if (stream.isBlockResident (block))
            continue;

        const int slot = stream.beginFill (block, track.keep);
        if (slot < 0)
            return false;

        if (const auto delay = readDelayMicros.load(); delay > 0)
            std::this_thread::sleep_for (std::chrono::microseconds (delay));

        if (fillBlock (track, slot, block))
            stream.endFill (slot);
        return true;
    }

    return false;
}

bool DiskStreamer::goOfflineIfChanged (Track& track)
{
    const auto now = std::chrono::steady_clock::now();
    if (! track.online.load() || now - track.lastChangeCheck < changeCheckInterval)
        return false;

    track.lastChangeCheck = now;
    if (! track.file->checkForChangeOnDisk())
        return false;

    goOffline (track, track.stream->getLengthFrames());
    return true;
}

bool DiskStreamer::fillBlock (Track& track, int slot, std::int64_t block)
{
    auto& stream = *track.stream;
    const auto start = block * stream.getBlockFrames();
    const auto frames = static_cast<int> (std::min<std::int64_t> (stream.getBlockFrames(), stream.getLengthFrames() - start));

    std::array<float*, 2> channels {};
    for (int c = 0; c < stream.getNumChannels(); ++c)
        channels[static_cast<std::size_t> (c)] = stream.getFillBuffer (slot, c);

    if (track.file->readSessionFrames (start, frames, channels.data()))
        return true;

    stream.abandonFill (slot);
    goOffline (track, start);
    return false;
}

void DiskStreamer::goOffline (Track& track, std::int64_t failedFrame)
{
    // What the ring holds from the play head on was read while the file was as opened: it
    // plays out, and the track fades out where the ring's run of blocks ends, never into
    // silence mid-note or into what the file holds now.
    auto& stream = *track.stream;
    const auto blockFrames = stream.getBlockFrames();
    const auto playFrame = std::max<std::int64_t> (0, stream.readPlayHead() - stream.getOffset());
    auto end = std::min (failedFrame, stream.getLengthFrames());

    for (auto block = playFrame / blockFrames; block * blockFrames < end; ++block)
    {
        if (! stream.isBlockReady (block))
        {
            end = std::max (playFrame, block * blockFrames);
            break;
        }
    }

    stream.endPlayableAt (end);
    track.online.store (false);

    const auto& file = *track.file;
    const auto seconds = static_cast<double> (end + stream.getOffset()) / std::max (1.0, track.sessionRate);
    char at[32];
    std::snprintf (at, sizeof (at), "%.2f", seconds);

    std::lock_guard<std::mutex> guard (lock);
    track.message = file.hasChangedOnDisk()
                        ? file.getPath() + ": changed on disk since it was loaded; plays to " + at
                              + " s (what was read before the change), fades out there and stays offline until the track is loaded again"
                        : file.getPath() + ": read error at frame " + std::to_string (failedFrame)
                              + " (file removed or damaged); plays to " + at + " s and fades out there";
}

//==============================================================================
void DiskStreamer::prepareToPlayFrom (std::int64_t timelinePosition)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        preparedPosition = timelinePosition;
        for (auto& track : tracks)
            track->stream->setPrefetchHint (timelinePosition);
        wakeRequested = true;
    }
    wake.notify_all();
}

bool DiskStreamer::waitUntilReady (std::int64_t timelinePosition, int numFrames, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<std::int64_t> blocks;
    std::unique_lock<std::mutex> guard (lock);

    for (;;)
    {
        bool allReady = true;

        for (auto& track : tracks)
        {
            if (! track->online.load())
                continue;

            auto& stream = *track->stream;
            blocks.clear();
            // Half a ring: what the disk thread gives a pending hint, at the least.
            stream.collectBlocksAhead (timelinePosition, loop, std::max (0, numFrames),
                                       static_cast<std::size_t> (stream.getNumSlots() - 1) / 2, blocks);

            if (std::all_of (blocks.begin(), blocks.end(), [&stream] (auto b) { return stream.isBlockReady (b); }))
                continue;

            allReady = false;
            if (stream.readPrefetchHint() != timelinePosition)
                stream.setPrefetchHint (timelinePosition);
        }

        if (allReady)
            return true;

        if (! running.load() || stopping || std::chrono::steady_clock::now() >= deadline)
            return false;

        wakeRequested = true;
        wake.notify_all();
        blockFilled.wait_until (guard, deadline);
    }
}

void DiskStreamer::setLoop (bool enabled, std::int64_t loopStart, std::int64_t loopEnd)
{
    {
        std::lock_guard<std::mutex> guard (lock);
        loop = { enabled, loopStart, loopEnd };
        wakeRequested = true;
    }
    wake.notify_all();
}

std::uint64_t DiskStreamer::readTotalUnderruns() const
{
    std::lock_guard<std::mutex> guard (lock);
    std::uint64_t total = 0;
    for (const auto& track : tracks)
        total += track->stream->readUnderrunCount();
    return total;
}

} // namespace foldback
