#include "RemoteControl.h"

#include "OscAddress.h"
#include "RemoteEditApplier.h"
#include "RemoteStateJson.h"
#include "RemoteToken.h"
#include "Control/SessionDocument.h"
#include "Engine/Engine.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

#include <cmath>
#include <set>

namespace foldback
{

namespace
{
    constexpr int serviceIntervalMs = 20;   // changes applied within 20 ms, state out right after
    constexpr int idleIntervalMs = 250;     // remotes off: only watch the session, and wake the
                                            // machine's two cores as seldom as possible
    constexpr int webMeterEveryTicks = 2;   // 25 meter messages a second
    constexpr int oscMeterEveryTicks = 4;   // 12.5 a second: UDP to a tablet
    constexpr std::size_t maxRecentErrors = 50;
}

RemoteControl::RemoteControl (SessionDocument& documentToEdit, Engine& engineToRead, OscRemoteServer::ClockFunction clock)
    : document (documentToEdit), engine (engineToRead), web (std::make_unique<WebRemoteServer> (directory, pending)),
      osc (directory, pending, std::move (clock))
{
    service();
}

RemoteControl::~RemoteControl()
{
    stopTimer();
    web->stop();
    osc.stop();
    waitForRetiredServers();
}

void RemoteControl::retireWebServer()
{
    if (! web->isRunning())
        return;
    // civetweb's shutdown takes about two seconds (its threads notice on their poll
    // timeouts): on a thread of its own, never on the message thread the GUI draws on.
    retiring.push_back (std::async (std::launch::async, [old = std::move (web)] { old->stop(); }));
    web = std::make_unique<WebRemoteServer> (directory, pending);
}

void RemoteControl::waitForRetiredServers()
{
    for (auto& stopped : retiring)
        stopped.wait();
    retiring.clear();
}

void RemoteControl::setEnabled (bool enabled)
{
    document.edit (enabled ? "Turn remote control on" : "Turn remote control off",
                   [enabled] (Session& session) { session.remote.enabled = enabled; });
    service();
}

void RemoteControl::publishIfSessionChanged()
{
    if (document.getChangeCount() == seenChangeCount)
        return;
    followSessionSettings();
    publishDirectory();
    seenChangeCount = document.getChangeCount();
    web->publishStates();
    sendOscValues();
}

void RemoteControl::service()
{
    publishIfSessionChanged();

    // 50 wake-ups a second only while there is something to serve.
    if (const int interval = isRunning() ? serviceIntervalMs : idleIntervalMs; getTimerInterval() != interval)
        startTimer (interval);

    if (! isRunning())
        return;

    if (auto entries = pending.takeAll(); ! entries.empty())
    {
        for (auto& error : applyRemoteChanges (document, entries))
        {
            recentErrors.push_back (std::move (error));
            if (recentErrors.size() > maxRecentErrors)
                recentErrors.erase (recentErrors.begin());
        }
        publishIfSessionChanged(); // the edit's state goes out now, not a tick later
    }

    ++tick;
    sendMeters();
}

void RemoteControl::followSessionSettings()
{
    const auto& settings = document.getSession().remote;

    std::erase_if (retiring, [] (const std::future<void>& f) { return f.wait_for (std::chrono::seconds (0)) == std::future_status::ready; });

    if (! settings.enabled)
    {
        retireWebServer();
        osc.stop();
        problem.clear();
        runningAddress.clear();
        return;
    }

    ensureTokens();

    if (isRunning() && runningAddress == settings.address && runningHttpPort == settings.httpPort && runningOscPort == settings.oscPort)
        return;

    retireWebServer();
    osc.stop();
    problem.clear();
    runningAddress = settings.address;
    runningHttpPort = settings.httpPort;
    runningOscPort = settings.oscPort;

    std::string error;
    if (! web->start (settings.address, settings.httpPort, error) && ! retiring.empty())
    {
        // Off and straight on again on the same port: the old server is still closing it.
        waitForRetiredServers();
        error.clear();
        web->start (settings.address, settings.httpPort, error);
    }
    if (! web->isRunning())
        problem = error;
    else if (! osc.start (settings.address, settings.oscPort, error))
        problem = error; // the web remote still serves; OSC's trouble is shown
}

void RemoteControl::ensureTokens()
{
    const auto& session = document.getSession();
    const bool missing = session.remote.engineerToken.empty()
                         || std::any_of (session.mixes.begin(), session.mixes.end(), [] (const CueMix& m) { return m.remote.token.empty(); });
    if (! missing)
        return;

    // The links this session file had the last time it ran come back (a performer's phone
    // reconnects to the same mix); only what was never made is made now, and remembered.
    const auto sessionPath = document.getFilePath();
    document.edit ("Create remote tokens", [this, &sessionPath] (Session& s)
    {
        links.recall (sessionPath, s);
        if (s.remote.engineerToken.empty())
            s.remote.engineerToken = generateRemoteToken();
        for (auto& mix : s.mixes)
            if (mix.remote.token.empty())
                mix.remote.token = generateRemoteToken();
    });

    std::string error;
    if (! links.remember (sessionPath, document.getSession(), error))
    {
        recentErrors.push_back ("the performers' links could not be remembered for the next start: " + error);
        if (recentErrors.size() > maxRecentErrors)
            recentErrors.erase (recentErrors.begin());
    }
}

void RemoteControl::publishDirectory()
{
    const auto& session = document.getSession();
    directory.publish (RemoteDirectory::rebuild (session, publishedSession, *directory.get()));
    publishedSession = session;
}

std::string RemoteControl::getHostForLinks() const
{
    const auto& address = document.getSession().remote.address;
    if (address != "0.0.0.0")
        return address;
    for (const auto& candidate : juce::IPAddress::getAllAddresses (false))
        if (! candidate.isNull() && candidate != juce::IPAddress::local())
            return candidate.toString().toStdString();
    return "127.0.0.1";
}

std::string RemoteControl::performerLink (const std::string& mixId) const
{
    const auto* mix = findMix (document.getSession(), mixId);
    if (mix == nullptr || mix->remote.token.empty())
        return {};
    return "http://" + getHostForLinks() + ":" + std::to_string (document.getSession().remote.httpPort) + "/mix?token=" + mix->remote.token;
}

std::string RemoteControl::webMetersFor (const std::string& mixId, const MeterSnapshot& meters) const
{
    const auto current = directory.get();
    const auto* mix = current->findMix (mixId);
    const auto* mixMeters = meters.findMix (mixId);
    if (mix == nullptr || mixMeters == nullptr)
        return metersJson ({}, 0.0f, 0.0f);

    std::vector<RemoteMeterLevel> levels;
    for (const auto& sourceId : mix->sourceIds)
    {
        const auto* source = meters.findSource (sourceId);
        levels.push_back ({ sourceId, source != nullptr ? source->levels.peak : 0.0f });
    }
    const auto count = document.getPlayer().readCountInForDisplay();
    return metersJson (levels, mixMeters->levels.peak, std::fmax (remoteSilenceDb, mixMeters->gainReductionDb()),
                       { count.active, count.bar, count.beat });
}

void RemoteControl::sendMeters()
{
    const bool webDue = tick % webMeterEveryTicks == 0 && web->getConnectionCount() > 0;
    const bool oscDue = tick % oscMeterEveryTicks == 0 && osc.isRunning();
    if (! webDue && ! oscDue)
        return;

    const auto meters = document.getPlayer().readMeters(); // one snapshot for every client this tick

    if (webDue)
        web->publishMeters ([this, &meters] (const std::string& mixId) { return webMetersFor (mixId, meters); });

    if (! oscDue)
        return;

    sendOscValues(); // a client heard for the first time gets every value; the rest only changes

    if (meters.mixes.empty() && meters.sources.empty())
        return;
    const auto current = directory.get();

    auto peakDb = [] (float peak) { return static_cast<float> (remotePeakDb (peak)); };
    auto mixPeak = [&meters] (const std::string& mixId)
    {
        const auto* mix = meters.findMix (mixId);
        return mix != nullptr ? mix->levels.peak : 0.0f;
    };

    for (const auto& client : osc.getClients())
    {
        const auto prefix = oscPrefix (client.token);
        if (client.identity.engineer)
        {
            for (const auto& mix : current->mixes)
                osc.send (client, juce::OSCMessage (juce::String (prefix + "/mix/" + mix.id + "/meter/mix"), peakDb (mixPeak (mix.id))));
            continue;
        }

        const auto* mix = current->findMix (client.identity.mixId);
        if (mix == nullptr)
            continue;
        for (const auto& sourceId : mix->sourceIds)
            if (const auto* source = meters.findSource (sourceId))
                osc.send (client, juce::OSCMessage (juce::String (prefix + "/meter/" + sourceId), peakDb (source->levels.peak)));
        osc.send (client, juce::OSCMessage (juce::String (prefix + "/meter/mix"), peakDb (mixPeak (mix->id))));
    }
}

void RemoteControl::sendOscValues()
{
    if (! osc.isRunning())
    {
        oscFeedback.clear();
        return;
    }

    const auto& session = document.getSession();
    const auto changeCount = document.getChangeCount();
    const auto clients = osc.getClients();
    auto keyOf = [] (const OscRemoteServer::Client& client) { return client.ip + ":" + std::to_string (client.port) + "/" + client.token; };

    std::set<std::string> live;
    for (const auto& client : clients)
        live.insert (keyOf (client));
    std::erase_if (oscFeedback, [&live] (const auto& entry) { return live.count (entry.first) == 0; });

    // What a token's clients should see now, as address -> value: the same for every client
    // with that token, so built once per round, and only for clients not yet up to date.
    std::map<std::string, std::map<std::string, float>> valuesOfToken;
    auto valuesFor = [&] (const OscRemoteServer::Client& client) -> const std::map<std::string, float>&
    {
        const auto [found, isNew] = valuesOfToken.try_emplace (client.token);
        if (! isNew)
            return found->second;

        auto& values = found->second;
        const auto prefix = oscPrefix (client.token);
        auto addMix = [&] (const CueMix& mix, const std::string& mixPrefix, bool engineerValues)
        {
            for (const auto& sourceId : remoteSourceIdsOf (session, mix))
            {
                const auto send = engineerValues ? mix.sends.at (sourceId) : effectiveSend (mix, sourceId);
                const auto sendPrefix = mixPrefix + "/send/" + sourceId;
                values[sendPrefix + "/gain"] = static_cast<float> (send.gainDb);
                values[sendPrefix + "/pan"] = static_cast<float> (send.pan);
                values[sendPrefix + "/mute"] = send.mute ? 1.0f : 0.0f;
            }
            values[mixPrefix + "/master"] = static_cast<float> (engineerValues ? mix.masterDb : effectiveMasterDb (mix));
        };

        if (client.identity.engineer)
        {
            for (const auto& mix : session.mixes)
                addMix (mix, prefix + "/mix/" + mix.id, true);
        }
        else if (const auto* mix = findMix (session, client.identity.mixId))
        {
            addMix (*mix, prefix, false);
        }
        return values;
    };

    for (const auto& client : clients)
    {
        // Values only change with the session: a client told since the last change has
        // nothing to hear (this runs 12.5 times a second for up to maxClients clients).
        auto& feedback = oscFeedback[keyOf (client)];
        if (feedback.sentAtChange == changeCount)
            continue;
        feedback.sentAtChange = changeCount;

        // Only what changed since this client was last told (everything, the first time).
        auto& sent = feedback.values;
        for (const auto& [address, value] : valuesFor (client))
        {
            const auto previous = sent.find (address);
            if (previous != sent.end() && previous->second == value)
                continue;
            const bool isMute = address.size() > 5 && address.compare (address.size() - 5, 5, "/mute") == 0;
            if (isMute)
                osc.send (client, juce::OSCMessage (juce::String (address), static_cast<juce::int32> (value)));
            else
                osc.send (client, juce::OSCMessage (juce::String (address), value));
            sent[address] = value;
        }
    }
}

} // namespace foldback
