#pragma once

#include "SessionSchema.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <type_traits>
#include <vector>

namespace foldback::schema
{

/** The writer's half of the schema: any Session value as the JSON a session file holds,
    objects' keys in the order of their Schema. Used by sessionToJson, and by the test
    that checks the documented defaults. */

template <typename Value>
nlohmann::ordered_json valueToJson (const Value& value);

template <Described Struct>
nlohmann::ordered_json fieldsToJson (const Struct& owner)
{
    auto object = nlohmann::ordered_json::object();
    forEachField<Struct> ([&] (const auto& field) { object[std::string (field.key)] = valueToJson (field.of (owner)); });
    return object;
}

template <typename Value>
nlohmann::ordered_json valueToJson (const Value& value)
{
    using ordered = nlohmann::ordered_json;

    if constexpr (std::is_same_v<Value, std::string> || std::is_same_v<Value, bool>
                  || std::is_same_v<Value, double> || std::is_same_v<Value, int>)
    {
        return value;
    }
    else if constexpr (SessionEnum<Value>)
    {
        return std::string (toString (value));
    }
    else if constexpr (Described<Value>)
    {
        return fieldsToJson (value);
    }
    else if constexpr (KeyedObjects<Value>)
    {
        auto object = ordered::object(); // keyed objects, in key order
        for (const auto& [key, element] : value)
            object[key] = valueToJson (element);
        return object;
    }
    else
    {
        auto array = ordered::array();
        for (const auto& element : value)
            array.push_back (valueToJson (element));
        return array;
    }
}

} // namespace foldback::schema
