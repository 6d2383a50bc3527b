#include "RemoteValidation.h"

#include "Session/SessionLimits.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <cmath>

namespace foldback
{

namespace limits = sessionLimits;

const char* controlName (RemoteChange::Control control) noexcept
{
    switch (control)
    {
        case RemoteChange::Control::gain:      return "gain";
        case RemoteChange::Control::pan:       return "pan";
        case RemoteChange::Control::mute:      return "mute";
        case RemoteChange::Control::master:    return "master";
        case RemoteChange::Control::reset:     return "reset";
        case RemoteChange::Control::play:      return "play";
        case RemoteChange::Control::stop:      return "stop";
        case RemoteChange::Control::talkback:  return "talkback";
        case RemoteChange::Control::subscribe: return "subscribe";
    }
    return "unknown";
}

std::optional<RemoteIdentity> identifyRemote (const RemoteDirectory& directory, const std::string& token)
{
    if (token.size() < limits::minTokenLength || token.size() > limits::maxTokenLength)
        return std::nullopt;
    if (directory.isEngineerToken (token))
        return RemoteIdentity { true, {} };
    if (const auto* mix = directory.findByToken (token))
        return RemoteIdentity { false, mix->id };
    return std::nullopt;
}

namespace
{
    RemoteVerdict refuse (std::string why) { return { std::nullopt, std::move (why) }; }

    bool usesSource (RemoteChange::Control control) noexcept
    {
        using C = RemoteChange::Control;
        return control == C::gain || control == C::pan || control == C::mute;
    }

    /** The permission a performer needs for a change ("" when none is needed). */
    std::string permissionFor (const RemoteChange& change)
    {
        using C = RemoteChange::Control;
        switch (change.control)
        {
            case C::gain:   return change.sourceId == clickSourceId ? "click" : "gain";
            case C::pan:    return "pan";
            case C::mute:   return "mute";
            case C::master: return "master";
            default:        return {};
        }
    }

    std::string checkValue (const RemoteChange& change)
    {
        using C = RemoteChange::Control;
        const double v = change.value;
        if (! std::isfinite (v))
            return "value must be a finite number";

        switch (change.control)
        {
            case C::gain:
            case C::master:
                return v >= limits::minGainDb && v <= limits::maxGainDb ? std::string() : "value must be a level from -144 to 12 dB";
            case C::pan:
                return v >= limits::minPan && v <= limits::maxPan ? std::string() : "value must be a pan from -1 to 1";
            case C::mute:
            case C::talkback:
                return v == 0.0 || v == 1.0 ? std::string() : "value must be 0 or 1 (or false or true)";
            default:
                return {};
        }
    }
}

RemoteVerdict validateRemoteChange (const RemoteDirectory& directory, const RemoteIdentity& who, RemoteChange change)
{
    using C = RemoteChange::Control;

    if (const auto problem = checkValue (change); ! problem.empty())
        return refuse (problem);

    if (change.control == C::subscribe)
        return { change, {} };

    if (who.engineer)
    {
        change.engineerLevel = true;
        if (change.control == C::play || change.control == C::stop || change.control == C::talkback)
            return { change, {} };
        if (directory.findMix (change.mixId) == nullptr)
            return refuse ("no mix '" + change.mixId + "'");
    }
    else
    {
        if (change.control == C::play || change.control == C::stop || change.control == C::talkback)
            return refuse ("the transport and talkback are the engineer's");
        if (! change.mixId.empty() && change.mixId != who.mixId)
            return refuse ("this token can change only its own mix");
        change.mixId = who.mixId;
        change.engineerLevel = false;
    }

    const auto* mix = directory.findMix (change.mixId);
    if (mix == nullptr)
        return refuse ("no mix '" + change.mixId + "'");

    if (usesSource (change.control))
    {
        const auto& ids = mix->sourceIds;
        if (std::find (ids.begin(), ids.end(), change.sourceId) == ids.end())
            return refuse ("mix '" + mix->id + "' has no send from '" + change.sourceId.substr (0, 64) + "'");
    }

    if (! who.engineer)
        if (const auto permission = permissionFor (change); ! permission.empty() && ! directory.allows (*mix, permission))
            return refuse ("the engineer has not allowed '" + permission + "' on this mix");

    return { change, {} };
}

} // namespace foldback
