#include "LiveRig.h"

#include "Audio/JackAudioDevice.h"

#include <cmath>
#include <filesystem>

namespace foldback
{

namespace
{
    // Often enough that a retired plan is freed well within a second; the status line and
    // the console poll at their own rates.
    constexpr int serviceIntervalMs = 100;
} // namespace

std::string LiveRig::folderOf (const std::string& sessionPath)
{
    if (sessionPath.empty())
        return std::filesystem::current_path().string();
    return std::filesystem::absolute (std::filesystem::path (sessionPath)).parent_path().string();
}

LiveRig::LiveRig (const Session& session, const std::string& path, const Options& options)
    : engine (std::make_unique<Engine>()),
      audio (std::make_unique<LiveAudio> (*engine)),
      transportLink (std::make_unique<JackTransportLink> (*engine)),
      syncOverride (options.sync)
{
    // The device opens first, so the engine is prepared for the rate it really runs at
    // before the player (and its backing-track streams) exist.
    audio->setJackClientName (options.jackClientName);
    warnings = audio->open (session, options.overrides, options.autoConnect);
    openedSettings = session.audio;
    engine->prepare (audio->getOpened().sampleRate);

    player = std::make_unique<SessionPlayer> (*engine);
    document = std::make_unique<SessionDocument> (*player);
    document->reset (session, path);
    for (const auto& track : player->getTrackStatuses())
        if (! track.online)
            warnings.push_back ("track " + track.id + " is offline: " + track.message);
    if (! player->getClickWarning().empty())
        warnings.push_back (player->getClickWarning());

    applyTransportSync (warnings);

    remotes = std::make_unique<RemoteControl> (*document, *engine);
    if (options.enableRemotes && ! document->getSession().remote.enabled)
        remotes->setEnabled (true);

    audio->onRateChanged = [this] (double sampleRate)
    { followRateChange (sampleRate); };
    startTimer (serviceIntervalMs);
}

LiveRig::~LiveRig()
{
    stopTimer();
    stop();          // no callback may run into an engine or plan that is going away
    remotes.reset(); // the servers stop before the document they edit goes
    document.reset();
    if (player != nullptr)
        player->reclaim();
    player.reset();
    audio.reset();   // no device holds the transport link any more
    transportLink.reset();
    engine.reset();
}

void LiveRig::start()
{
    audio->start();
    for (const auto& warning : audio->getStartWarnings())
        warnings.push_back (warning);
}

void LiveRig::stop()
{
    if (audio != nullptr)
        audio->close();
    if (player != nullptr)
        player->reclaim();
}

std::vector<std::string> LiveRig::reopenDevice()
{
    const auto& session = document->getSession();
    std::vector<std::string> reopened;
    try
    {
        reopened = audio->open (session);
    }
    catch (const std::exception& e)
    {
        return { e.what() };
    }
    openedSettings = session.audio;

    // No callback runs until start(): the one moment the engine may be prepared again.
    const double rate = audio->getOpened().sampleRate;
    if (rate != engine->getSampleRate())
    {
        engine->prepare (rate);
        player->setSession (session, folderOf (document->getFilePath()));
    }
    applyTransportSync (reopened);   // the new device, and the offset in frames at its rate
    audio->start();
    for (const auto& warning : audio->getStartWarnings())
        reopened.push_back (warning);
    return reopened;
}

void LiveRig::followRateChange (double sampleRate)
{
    // A JACK server that came back at another rate, before its first callback.
    warn ("the device now runs at " + std::to_string (static_cast<int> (sampleRate)) + " Hz");
    engine->prepare (sampleRate);
    player->setSession (document->getSession(), folderOf (document->getFilePath()));
    std::vector<std::string> ignored;
    applyTransportSync (ignored); // the offset is in frames at the new rate
}

void LiveRig::applyTransportSync (std::vector<std::string>& warningsOut)
{
    const auto& transport = document->getSession().transport;
    const auto sync = syncOverride.value_or (transport.sync);
    auto* jack = dynamic_cast<JackAudioDevice*> (audio->getHost().getDevice());

    followingJack = sync == TransportSync::jack && jack != nullptr;
    if (sync == TransportSync::jack && jack == nullptr)
        warningsOut.push_back ("transport sync 'jack' needs the JACK device; the " + audio->getOpened().type
                               + " device plays on Foldback's own clock");

    if (! followingJack && transport.timebase != TransportTimebase::off)
        warningsOut.push_back ("transport timebase '" + std::string (toString (transport.timebase))
                               + "' needs JACK sync; the tempo map plays as it is");

    if (! followingJack)
    {
        if (jack != nullptr)
            jack->setTransportLink (nullptr);
        player->setExternalTransport ({});
        return;
    }

    const double rate = engine->getSampleRate();
    transportLink->setTimebase (transport.timebase);
    transportLink->setOffset (static_cast<std::int64_t> (std::llround (transport.transportOffsetSeconds * rate)));
    jack->setTransportLink (transportLink.get());

    // Looked up at each press: a reopened device is another object.
    auto device = [this] { return dynamic_cast<JackAudioDevice*> (audio->getHost().getDevice()); };
    SessionPlayer::ExternalTransport external;
    external.start = [device] { if (auto* d = device()) d->requestTransportStart(); };
    external.stop = [device] { if (auto* d = device()) d->requestTransportStop(); };
    external.locate = [this, device] (std::int64_t timelineSample)
    {
        if (auto* d = device())
            d->requestTransportLocate (transportLink->frameOf (timelineSample));
    };
    player->setExternalTransport (std::move (external));
}

void LiveRig::timerCallback()
{
    player->reclaim();
    for (const auto& track : player->refreshTrackStatuses())
    {
        warn ("track " + track.id + " went offline: " + track.message);
        if (onTrackWentOffline)
            onTrackWentOffline (track);
    }
}

void LiveRig::warn (const std::string& warning)
{
    if (onWarning)
        onWarning (warning);
}

} // namespace foldback
