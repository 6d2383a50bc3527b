#include "OscAddress.h"

#include <cmath>
#include <vector>

namespace foldback
{

namespace
{
    std::vector<std::string> splitAddress (const std::string& address)
    {
        std::vector<std::string> parts;
        std::string part;
        for (std::size_t i = 1; i <= address.size(); ++i)
        {
            if (i == address.size() || address[i] == '/')
            {
                parts.push_back (part);
                part.clear();
            }
            else
            {
                part += address[i];
            }
        }
        return parts;
    }

    /** The single numeric argument a control takes: an int or a float (TouchOSC sends floats). */
    bool readNumber (const OscMessage& message, double& value, std::string& error)
    {
        if (message.arguments.size() != 1)
            return error = "expects one number", false;
        if (const auto* i = std::get_if<std::int32_t> (&message.arguments[0]))
            value = *i;
        else if (const auto* f = std::get_if<float> (&message.arguments[0]))
            value = *f;
        else
            return error = "expects a number, got a string", false;
        return true;
    }
}

std::string oscPrefix (const std::string& token)
{
    return "/foldback/" + token;
}

bool readOscRequest (const OscMessage& message, OscRequest& request, std::string& error)
{
    using C = RemoteChange::Control;
    auto parts = splitAddress (message.address);

    if (parts.size() < 3 || parts[0] != "foldback")
        return error = "addresses start /foldback/TOKEN/", false;

    request = {};
    request.token = parts[1];
    auto& change = request.change;
    std::size_t next = 2;

    // "/mix/MIX/..." names a mix: the engineer's level.
    if (parts[next] == "mix")
    {
        if (parts.size() < next + 3)
            return error = "expected /foldback/TOKEN/mix/MIX/...", false;
        change.mixId = parts[next + 1];
        change.engineerLevel = true;
        next += 2;
    }

    const auto rest = std::vector<std::string> (parts.begin() + static_cast<std::ptrdiff_t> (next), parts.end());
    auto expectNoArguments = [&]
    {
        if (! message.arguments.empty())
            return error = "expects no arguments", false;
        return true;
    };

    if (rest.size() == 3 && rest[0] == "send")
    {
        change.sourceId = rest[1];
        if (rest[2] == "gain")      change.control = C::gain;
        else if (rest[2] == "pan")  change.control = C::pan;
        else if (rest[2] == "mute") change.control = C::mute;
        else return error = "a send's controls are gain, pan and mute", false;

        if (! readNumber (message, change.value, error))
            return false;
        if (change.control == C::mute && std::isfinite (change.value))
            change.value = change.value >= 0.5 ? 1.0 : 0.0; // a toggle sends 0.0 or 1.0
        return true;
    }

    if (rest.size() == 1 && rest[0] == "master")
    {
        change.control = C::master;
        return readNumber (message, change.value, error);
    }

    if (rest.size() == 1 && (rest[0] == "reset" || rest[0] == "subscribe"))
    {
        change.control = rest[0] == "reset" ? C::reset : C::subscribe;
        return expectNoArguments();
    }

    if (! change.engineerLevel && rest.size() == 2 && rest[0] == "transport" && (rest[1] == "play" || rest[1] == "stop"))
    {
        change.control = rest[1] == "play" ? C::play : C::stop;
        return expectNoArguments();
    }

    if (! change.engineerLevel && rest.size() == 1 && rest[0] == "talkback")
    {
        change.control = C::talkback;
        if (! readNumber (message, change.value, error))
            return false;
        if (std::isfinite (change.value))
            change.value = change.value >= 0.5 ? 1.0 : 0.0;
        return true;
    }

    return error = "unknown address " + message.address.substr (0, 128), false;
}

} // namespace foldback
