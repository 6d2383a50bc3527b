#pragma once

#include "Audio/DiskStreamer.h"
#include "Engine/Engine.h"
#include "Session/PlanCompiler.h"
#include "Session/EngineMeters.h"
#include "Session/Session.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

class TempoMap;

/** What became of one backing track when the session was applied. */
struct TrackStatus
{
    std::string id;
    bool online = false;
    std::string message;   ///< why it is offline, naming the file
    TrackFileInfo info;    ///< what the file is and whether a converted copy streams
};

/** Plays a Session on an Engine: the message-thread half of the engine. It opens the
    backing tracks, builds the click, compiles and publishes Plans, writes fader moves into
    the live plan's atomics and sends transport commands (pre-filling the disk streams
    before a roll). The GUI, the remotes, `run` and `render` all drive the engine through it.

    Message thread only, except where a method says otherwise. */
class SessionPlayer
{
public:
    /** The engine must be prepared (its sample rate is the one the session plays at). */
    explicit SessionPlayer (Engine& engine);
    ~SessionPlayer();

    SessionPlayer (const SessionPlayer&) = delete;
    SessionPlayer& operator= (const SessionPlayer&) = delete;

    /** Applies a valid session. Relative track and click-sound paths are resolved against
        `baseDirectory` (the session file's folder). Tracks that cannot be opened go offline
        (see getTrackStatuses()); the rest plays. */
    void setSession (const Session& session, const std::string& baseDirectory);

    /** Applies an edit: parameters only when the structure is unchanged (no new plan,
        ramps continue), a recompiled plan otherwise. */
    void updateSession (const Session& session);

    const Session& getSession() const noexcept { return session; }
    const std::vector<TrackStatus>& getTrackStatuses() const noexcept { return trackStatuses; }

    /** Call often (a status timer): picks up the tracks that went offline while streaming
        (their file changed on disk or failed to read) into getTrackStatuses(), and returns
        those, each once. */
    std::vector<TrackStatus> refreshTrackStatuses();
    const PlanKeys& getPlanKeys() const noexcept { return keys; }

    /** The engine's meters and limiters of the newest plan, by session id: what the console,
        the remotes and the status line show. Wait-free reads; allocates the snapshot. */
    MeterSnapshot readMeters() const;
    const TempoMap& getTempoMap() const noexcept { return *tempoMap; }

    /** Empty, or why the click plays a built-in sound instead of the custom one. */
    const std::string& getClickWarning() const noexcept { return clickWarning; }

    /** Another transport the engine follows (JACK's, under `"sync": "jack"`): Foldback's own
        play, stop and locate ask it instead of the engine, so the console, the remotes and
        `run --play` start the DAW as well. There is no count-in and no loop of our own then
        (the disk thread reads ahead straight on, not across the session's loop). */
    struct ExternalTransport
    {
        std::function<void()> start, stop;
        std::function<void (std::int64_t timelineSample)> locate;
    };

    /** Message thread: follow `transport`, or (empty functions) the engine's own clock again. */
    void setExternalTransport (ExternalTransport transport);
    bool followsExternalTransport() const noexcept { return static_cast<bool> (external.start); }

    /** Transport, stamped for the next block. play() counts in by the session's bars. */
    void play();
    void stop();
    void locate (std::int64_t timelineSample);
    void setTalkback (bool held);

    /** "Listen": plays that mix (after its limiter) on the session's monitor outputs as
        well, crossfading from the previous choice; empty stops listening. Not part of the
        session (a console state, not a mix edit): it survives edits but not a restart. */
    void setListenMix (const std::string& mixId);
    const std::string& getListenMix() const noexcept { return listenMixId; }

    /** The engineer's solo on the listen outputs (PFL, or AFL through the mix `mixId`).
        While any source is soloed, the listen outputs carry the soloed sources instead of
        the listen mix (a 10 ms crossfade). No performer's output changes. Console state,
        like the listen choice: not a session edit, not saved; it survives edits, and a
        source that leaves the session leaves the solo. */
    void setSolo (const std::string& sourceId, bool soloed, const std::string& mixId);
    void clearSolo();
    void setSoloMode (ListenSolo::Mode mode);
    const ListenSolo& getSolo() const noexcept { return solo; }
    bool isSoloed (const std::string& sourceId) const noexcept;

    /** The count-in as the console and the remotes show it. While counting in: the bar,
        counting up to the song from -countInBars ("-2" is the first of two bars, "-1" the
        last), the beat in it (1-based) and the samples left before bar 1 of the roll.
        From the engine's sample clock and the play() that started it. Message thread. */
    struct CountInDisplay
    {
        bool active = false;
        int bar = 0;
        int beat = 0;
        std::int64_t samplesLeft = 0;
    };
    CountInDisplay readCountInForDisplay() const;

    /** Samples of count-in before a roll from `timelineSample`. */
    std::int64_t countInSamplesAt (std::int64_t timelineSample) const;

    /** The last sample of the longest backing track on the timeline (0 with none). */
    std::int64_t getTimelineEnd() const noexcept;

    /** Offline rendering only (never from the audio thread): blocks until every stream has
        the frames for the next `numFrames` of the transport. */
    void waitForStreams (int numFrames);

    /** Underruns counted by all streams since the session was applied. Any thread. */
    std::uint64_t getUnderrunCount() const noexcept;

    /** Tests: the disk thread sleeps this long before reading each block (a slow disk). */
    void setDiskReadDelayForTesting (std::chrono::microseconds delay) noexcept { streamer->setReadDelayForTesting (delay); }

    /** Frees retired plans; call regularly (a timer) and after processing stops. */
    void reclaim() { engine.plans().reclaimRetired(); }

private:
    void rebuildTimelineSources();
    void publish();
    void applyLoop();

    Engine& engine;
    Session session;
    std::string baseDirectory;
    PlanKeys keys;
    std::unique_ptr<DiskStreamer> streamer;
    std::shared_ptr<const TempoMap> tempoMap;
    TimelineSources timeline;
    std::vector<TrackStatus> trackStatuses;
    std::string clickWarning;

    struct OpenedTrack
    {
        std::string path;
        std::int64_t offset = 0;
        double sampleRate = 0.0; ///< a device at another rate needs the file resampled afresh
        DiskStreamer::OpenedTrack track;
    };
    std::vector<OpenedTrack> openedTracks;

    ExternalTransport external;
    std::string listenMixId;
    ListenSolo solo;
    void writeSolo();
    struct CountInStarted
    {
        std::int64_t engineClock = 0, length = 0;
        int bars = 0, beatsPerBar = 1;
    } countIn;
    std::optional<std::int64_t> pendingLocate;
    std::int64_t pendingLocateClock = 0;
};

} // namespace foldback
