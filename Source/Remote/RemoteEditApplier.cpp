#include "RemoteEditApplier.h"

#include "Control/SessionDocument.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionLimits.h"
#include "Session/SessionQueries.h"

#include <cstdio>
#include <map>

namespace foldback
{

namespace
{
    using C = RemoteChange::Control;

    std::string describe (const RemoteChange& change)
    {
        char value[32];
        std::snprintf (value, sizeof (value), "%.1f", change.value);

        switch (change.control)
        {
            case C::gain:   return change.sourceId + " level " + value + " dB";
            case C::pan:    return change.sourceId + " pan " + value;
            case C::mute:   return change.sourceId + (change.value != 0.0 ? " muted" : " unmuted");
            case C::master: return std::string ("master ") + value + " dB";
            case C::reset:  return "reset performer layer";
            default:        return controlName (change.control);
        }
    }

    void applyToMix (CueMix& mix, const RemoteChange& change);

    std::string decibels (double db)
    {
        if (db <= sessionLimits::minGainDb)
            return "off";
        char text[32];
        std::snprintf (text, sizeof (text), "%.1f dB", db);
        return text;
    }

    /** The audit line of one change, with the values it leaves: what the performer now hears
        (the engineer's level and the performer's offset together) and whether it is muted. */
    std::string describeResult (const Session& session, const RemoteChange& change)
    {
        const auto* before = findMix (session, change.mixId);
        if (before == nullptr || change.control == C::reset)
            return describe (change);

        CueMix after = *before;
        applyToMix (after, change);
        const bool hasSend = after.sends.count (change.sourceId) > 0;
        const auto heard = effectiveSend (after, change.sourceId);
        const std::string muted = heard.mute ? ", muted" : "";

        switch (change.control)
        {
            case C::gain:
                if (! hasSend)
                    return describe (change);
                return change.sourceId + " heard at " + decibels (heard.gainDb) + " (engineer "
                       + decibels (after.sends.at (change.sourceId).gainDb) + ")" + muted;
            case C::mute:
                if (! hasSend)
                    return describe (change);
                return change.sourceId + (change.value != 0.0 ? " muted" : " unmuted")
                       + (heard.mute && change.value == 0.0 ? " (still muted by the engineer)" : "");
            case C::master:
                return "master heard at " + decibels (effectiveMasterDb (after)) + " (engineer " + decibels (after.masterDb) + ")";
            default:
                return describe (change);
        }
    }

    void applyToMix (CueMix& mix, const RemoteChange& change)
    {
        if (change.engineerLevel)
        {
            if (change.control == C::master)
            {
                mix.masterDb = change.value;
                return;
            }
            const auto send = mix.sends.find (change.sourceId);
            if (send == mix.sends.end())
                return;
            if (change.control == C::gain) send->second.gainDb = change.value;
            if (change.control == C::pan)  send->second.pan = change.value;
            if (change.control == C::mute) send->second.mute = change.value != 0.0;
            return;
        }

        switch (change.control)
        {
            case C::gain:   setPerformerGain (mix, change.sourceId, change.value); break;
            case C::pan:    setPerformerPan (mix, change.sourceId, change.value); break;
            case C::mute:   setPerformerMute (mix, change.sourceId, change.value != 0.0); break;
            case C::master: setPerformerMaster (mix, change.value); break;
            case C::reset:  mix.performer = PerformerLayer {}; break;
            default: break;
        }
    }
}

std::vector<std::string> applyRemoteChanges (SessionDocument& document, const std::vector<PendingRemoteChanges::Entry>& entries)
{
    std::vector<std::string> errors;
    std::map<std::string, std::vector<RemoteChange>> byClient;
    std::vector<std::string> clientOrder;

    for (const auto& entry : entries)
    {
        const auto& change = entry.change;
        if (change.control == C::subscribe)
            continue;
        if (change.control == C::play)     { document.getPlayer().play(); continue; }
        if (change.control == C::stop)     { document.getPlayer().stop(); continue; }
        if (change.control == C::talkback) { document.getPlayer().setTalkback (change.value != 0.0); continue; }

        if (byClient.count (entry.client) == 0)
            clientOrder.push_back (entry.client);
        byClient[entry.client].push_back (change);
    }

    for (const auto& client : clientOrder)
    {
        const auto& changes = byClient[client];
        std::string description = changes.size() == 1 ? describeResult (document.getSession(), changes.front())
                                                       : std::to_string (changes.size()) + " changes";
        if (! changes.front().mixId.empty())
            description = changes.front().mixId + ": " + description;

        // Successive moves of the same control merge into one undo step and one audit line.
        std::string coalesceKey = "remote " + client;
        for (const auto& change : changes)
            coalesceKey += " " + change.mixId + "/" + change.sourceId + "/" + controlName (change.control);

        const auto refused = document.edit (description, [&changes] (Session& session)
        {
            for (const auto& change : changes)
                if (auto* mix = findMix (session, change.mixId))
                    applyToMix (*mix, change);
        }, EditOrigin { client }, coalesceKey);

        for (const auto& error : refused)
            errors.push_back (client + ": " + error.pointer + " " + error.message);
    }
    return errors;
}

} // namespace foldback
