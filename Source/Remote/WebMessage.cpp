#include "WebMessage.h"

#include <nlohmann/json.hpp>

namespace foldback
{

std::variant<RemoteChange, std::string> parseWebMessage (std::string_view text)
{
    using json = nlohmann::json;

    if (text.size() > maxWebMessageBytes)
        return std::string ("message too large: " + std::to_string (text.size()) + " bytes, at most 4096");

    // The JSON parser takes a NUL for the end of its input, and would accept "{...}\0garbage".
    if (text.find ('\0') != std::string_view::npos)
        return std::string ("not JSON");

    // No exceptions: a hostile frame costs a failed parse, nothing more. Depth is bounded by the size.
    const auto message = json::parse (text.begin(), text.end(), nullptr, false);
    if (message.is_discarded())
        return std::string ("not JSON");
    if (! message.is_object())
        return std::string ("a message must be a JSON object");

    // Only the fields of the protocol: a message naming a mix (or anything else) is not one.
    for (const auto& item : message.items())
        if (item.key() != "type" && item.key() != "control" && item.key() != "source" && item.key() != "value")
            return std::string ("unknown field '" + item.key().substr (0, 32) + "'");

    const auto type = message.find ("type");
    if (type == message.end() || ! type->is_string())
        return std::string ("'type' must be \"set\" or \"reset\"");

    RemoteChange change;

    if (*type == "reset")
    {
        change.control = RemoteChange::Control::reset;
        return change;
    }
    if (*type != "set")
        return std::string ("'type' must be \"set\" or \"reset\"");

    const auto control = message.find ("control");
    if (control == message.end() || ! control->is_string())
        return std::string ("'control' must be \"gain\", \"pan\", \"mute\" or \"master\"");

    const auto& name = control->get_ref<const std::string&>();
    if (name == "gain")        change.control = RemoteChange::Control::gain;
    else if (name == "pan")    change.control = RemoteChange::Control::pan;
    else if (name == "mute")   change.control = RemoteChange::Control::mute;
    else if (name == "master") change.control = RemoteChange::Control::master;
    else return std::string ("'control' must be \"gain\", \"pan\", \"mute\" or \"master\"");

    if (change.control != RemoteChange::Control::master)
    {
        const auto source = message.find ("source");
        if (source == message.end() || ! source->is_string() || source->get_ref<const std::string&>().size() > 64)
            return std::string ("'source' must be a source id");
        change.sourceId = source->get<std::string>();
    }

    const auto value = message.find ("value");
    if (value == message.end())
        return std::string ("'value' is missing");

    if (change.control == RemoteChange::Control::mute)
    {
        if (value->is_boolean())
            change.value = value->get<bool>() ? 1.0 : 0.0;
        else if (value->is_number_integer() && (value->get<long long>() == 0 || value->get<long long>() == 1))
            change.value = static_cast<double> (value->get<long long>());
        else
            return std::string ("'value' of mute must be true or false");
    }
    else
    {
        if (! value->is_number())
            return std::string ("'value' must be a number");
        change.value = value->get<double>();
    }

    return change;
}

} // namespace foldback
