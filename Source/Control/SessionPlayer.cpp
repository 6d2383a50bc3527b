#include "SessionPlayer.h"

#include "Audio/TrackCache.h"
#include "Control/ClickFactory.h"
#include "Engine/ClickGenerator.h"
#include "Engine/TempoMap.h"
#include "Session/SessionStructure.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace foldback
{

namespace
{
    std::int64_t secondsToSamples (double seconds, double rate)
    {
        return static_cast<std::int64_t> (std::llround (seconds * rate));
    }

    std::vector<TempoMapEntry> tempoEntriesOf (const Session& session)
    {
        std::vector<TempoMapEntry> entries;
        for (const auto& change : session.click.tempoMap)
            entries.push_back ({ change.bar, change.bpm, change.beatsPerBar, change.beatUnit });
        return entries;
    }
}

SessionPlayer::SessionPlayer (Engine& engineToDrive)
    : engine (engineToDrive),
      streamer (std::make_unique<DiskStreamer>())
{
    tempoMap = std::make_shared<TempoMap> (tempoEntriesOf (session), engine.getSampleRate());
    streamer->start();
}

SessionPlayer::~SessionPlayer()
{
    streamer->stop();
}

void SessionPlayer::setSession (const Session& newSession, const std::string& directory)
{
    session = newSession;
    baseDirectory = directory;
    streamer->setCacheFolders (TrackCache::foldersFor (baseDirectory));
    rebuildTimelineSources();
    publish();
    applyLoop();
}

void SessionPlayer::updateSession (const Session& edited)
{
    if (Plan* live = engine.plans().getLatest(); live != nullptr && sameStructure (session, edited))
    {
        session = edited;
        writeMixParameters (*live, keys, session); // the continuous lane: ramps carry on
        writeSolo();                              // an AFL follows the fader
        return;
    }

    const bool timelineChanged = edited.tracks != session.tracks || edited.click != session.click
                                 || edited.audio.sampleRate != session.audio.sampleRate;
    const bool loopChanged = edited.transport != session.transport;
    session = edited;
    if (timelineChanged)
        rebuildTimelineSources();
    publish();
    if (loopChanged)
        applyLoop();
}

std::vector<TrackStatus> SessionPlayer::refreshTrackStatuses()
{
    std::vector<TrackStatus> wentOffline;

    for (std::size_t i = 0; i < trackStatuses.size() && i < openedTracks.size(); ++i)
    {
        if (! trackStatuses[i].online)
            continue;

        const auto now = streamer->getStatus (*openedTracks[i].track.stream);
        if (now.online)
            continue;

        trackStatuses[i].online = false;
        trackStatuses[i].message = now.message;
        wentOffline.push_back (trackStatuses[i]);
    }

    return wentOffline;
}

void SessionPlayer::rebuildTimelineSources()
{
    const double rate = engine.getSampleRate();
    tempoMap = std::make_shared<TempoMap> (tempoEntriesOf (session), rate);

    const auto click = makeClickSources (session.click, tempoMap, rate, baseDirectory);
    timeline.click = click.always;
    timeline.tempoMap = tempoMap;
    timeline.clickCountIn = click.countInOnly;
    clickWarning = click.warning;

    // Keep the streams of tracks that did not change, so their buffers and play state survive.
    auto previousTracks = std::move (openedTracks);
    openedTracks.clear();
    timeline.tracks.clear();
    timeline.trackChannels.clear();
    trackStatuses.clear();

    for (const auto& track : session.tracks)
    {
        const auto path = std::filesystem::path (track.file).is_absolute()
                              ? track.file
                              : (std::filesystem::path (baseDirectory) / track.file).string();
        const auto offset = secondsToSamples (track.offsetSeconds, rate);

        OpenedTrack opened;
        // A stream that went offline while playing is never reused: loading again reopens the file.
        const auto reuse = std::find_if (previousTracks.begin(), previousTracks.end(), [&] (const OpenedTrack& o)
                                         { return o.path == path && o.offset == offset && o.sampleRate == rate
                                                  && o.track.online && streamer->getStatus (*o.track.stream).online; });
        if (reuse != previousTracks.end())
        {
            opened = *reuse;
        }
        else
        {
            opened.path = path;
            opened.offset = offset;
            opened.sampleRate = rate;
            opened.track = streamer->open (path, rate, offset, 1.0f); // the track's gain is in its sends
        }

        timeline.tracks.push_back (opened.track.online ? opened.track.stream : nullptr);
        timeline.trackChannels.push_back (opened.track.online ? opened.track.stream->getNumChannels() : 1);
        trackStatuses.push_back ({ track.id, opened.track.online, opened.track.message, opened.track.info });
        openedTracks.push_back (std::move (opened));
    }

    // Tracks no longer in the session stop streaming; a plan still playing them keeps
    // their streams alive (and silent once drained) until it is reclaimed.
    for (const auto& old : previousTracks)
    {
        const bool kept = std::any_of (openedTracks.begin(), openedTracks.end(), [&] (const OpenedTrack& o)
                                       { return o.track.stream == old.track.stream; });
        if (! kept && old.track.stream != nullptr)
            streamer->close (*old.track.stream);
    }
}

void SessionPlayer::publish()
{
    auto compiled = compilePlan (session, engine.getSampleRate(), Engine::maxFramesPerSegment, timeline,
                                 keys.mixes.empty() && keys.sources.empty() ? nullptr : &keys);
    keys = std::move (compiled.keys);
    compiled.plan->listenMix.store (keys.indexOfMix (listenMixId));

    // A source (or mix) that left the session leaves the solo.
    const auto sources = sourceIdsOf (session);
    std::erase_if (solo.soloed, [&] (const ListenSolo::Entry& e)
                   { return std::find (sources.begin(), sources.end(), e.sourceId) == sources.end()
                            || findMix (session, e.mixId) == nullptr; });
    writeListenSolo (*compiled.plan, keys, session, solo);
    engine.plans().publish (std::move (compiled.plan));
}

void SessionPlayer::writeSolo()
{
    if (Plan* live = engine.plans().getLatest())
        writeListenSolo (*live, keys, session, solo);
}

void SessionPlayer::setSolo (const std::string& sourceId, bool soloed, const std::string& mixId)
{
    std::erase_if (solo.soloed, [&] (const ListenSolo::Entry& e) { return e.sourceId == sourceId; });
    if (soloed)
        solo.soloed.push_back ({ sourceId, mixId });
    writeSolo();
}

void SessionPlayer::clearSolo()
{
    solo.soloed.clear();
    writeSolo();
}

void SessionPlayer::setSoloMode (ListenSolo::Mode mode)
{
    solo.mode = mode;
    writeSolo();
}

bool SessionPlayer::isSoloed (const std::string& sourceId) const noexcept
{
    return std::any_of (solo.soloed.begin(), solo.soloed.end(), [&] (const ListenSolo::Entry& e) { return e.sourceId == sourceId; });
}

MeterSnapshot SessionPlayer::readMeters() const
{
    return foldback::readMeters (engine.plans(), keys);
}

void SessionPlayer::setListenMix (const std::string& mixId)
{
    listenMixId = mixId;
    if (Plan* live = engine.plans().getLatest())
        live->listenMix.store (keys.indexOfMix (listenMixId));
}

void SessionPlayer::applyLoop()
{
    const double rate = engine.getSampleRate();
    const auto& transport = session.transport;
    const auto start = secondsToSamples (transport.loopStartSeconds, rate);
    const auto end = secondsToSamples (transport.loopEndSeconds, rate);
    // A followed transport loops by locating; reading ahead across our loop would starve it.
    const bool enabled = transport.loopEnabled && end > start && ! followsExternalTransport();

    streamer->setLoop (enabled, start, end);
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::setLoop, start, enabled, end));
}

void SessionPlayer::setExternalTransport (ExternalTransport transport)
{
    external = std::move (transport);
    applyLoop();
}

void SessionPlayer::play()
{
    if (followsExternalTransport())
    {
        external.start();
        return;
    }

    const bool locatePending = pendingLocate.has_value() && engine.readEngineSampleClock() <= pendingLocateClock;
    const auto from = locatePending ? *pendingLocate : engine.getTransport().readPositionForDisplay();
    streamer->prepareToPlayFrom (from);
    // The command takes effect at the start of the engine's next block: at today's clock.
    countIn = { engine.readEngineSampleClock(), countInSamplesAt (from), session.click.countInBars,
                std::max (1, tempoMap->barBeatAt (from).beatsPerBar) };
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::play, countIn.length));
}

SessionPlayer::CountInDisplay SessionPlayer::readCountInForDisplay() const
{
    if (! engine.getTransport().readCountingInForDisplay() || countIn.length <= 0 || countIn.bars <= 0)
        return {};

    const auto elapsed = std::clamp<std::int64_t> (engine.readEngineSampleClock() - countIn.engineClock, 0, countIn.length);
    const auto beats = static_cast<std::int64_t> (countIn.bars) * countIn.beatsPerBar;
    const auto beat = std::min (beats - 1, elapsed * beats / countIn.length); // 0-based, equal beats
    CountInDisplay display;
    display.active = true;
    display.bar = -(countIn.bars - static_cast<int> (beat / countIn.beatsPerBar));
    display.beat = static_cast<int> (beat % countIn.beatsPerBar) + 1;
    display.samplesLeft = countIn.length - elapsed;
    return display;
}

void SessionPlayer::stop()
{
    if (followsExternalTransport())
    {
        external.stop();
        return;
    }
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::stop));
}

void SessionPlayer::locate (std::int64_t timelineSample)
{
    if (followsExternalTransport())
    {
        // The engine parks there when the transport does; the disk fills from its play head.
        external.locate (timelineSample);
        return;
    }
    pendingLocate = timelineSample;
    pendingLocateClock = engine.readEngineSampleClock();
    streamer->prepareToPlayFrom (timelineSample);
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::locate, timelineSample));
}

void SessionPlayer::setTalkback (bool held)
{
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::talkback, 0, held));
}

std::int64_t SessionPlayer::countInSamplesAt (std::int64_t timelineSample) const
{
    return tempoMap->countInLength (timelineSample, session.click.countInBars);
}

std::int64_t SessionPlayer::getTimelineEnd() const noexcept
{
    std::int64_t end = 0;
    for (const auto& opened : openedTracks)
        if (opened.track.online)
            end = std::max (end, opened.offset + opened.track.stream->getLengthFrames());
    return end;
}

void SessionPlayer::waitForStreams (int numFrames)
{
    if (openedTracks.empty())
        return;

    // A locate queued since the last block has not moved the transport yet.
    const bool locatePending = pendingLocate.has_value() && engine.readEngineSampleClock() <= pendingLocateClock;
    const auto position = locatePending ? *pendingLocate : engine.getTransport().readPositionForDisplay();
    streamer->waitUntilReady (position, numFrames, std::chrono::seconds (10));
}

std::uint64_t SessionPlayer::getUnderrunCount() const noexcept
{
    return streamer->readTotalUnderruns();
}

} // namespace foldback
