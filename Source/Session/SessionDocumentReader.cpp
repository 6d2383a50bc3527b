#include "SessionDocumentReader.h"

#include "JsonObjectReader.h"
#include "JsonPointer.h"
#include "SessionErrorText.h"
#include "SessionJson.h"
#include "SessionSchema.h"

namespace foldback
{

namespace
{
    using json = nlohmann::json;

    template <schema::Described Struct>
    void readFields (JsonObjectReader& reader, Struct& target);

    /** Reads each element of an array that must hold objects, each starting from its
        default value. */
    template <schema::Described Element>
    std::vector<Element> readObjectArray (const json& array, const std::string& pointer, JsonObjectReader& parent)
    {
        std::vector<Element> elements;

        for (std::size_t i = 0; i < array.size(); ++i)
        {
            const auto where = appendToPointer (pointer, i);

            if (! array[i].is_object())
            {
                parent.addError (where, "must be an object, got " + errorText::describe (array[i]));
                continue;
            }

            auto reader = parent.child (array[i], where);
            Element element;
            readFields (reader, element);
            elements.push_back (std::move (element));
        }

        return elements;
    }

    /** Reads an object keyed by source id whose values are objects, such as a mix's sends. */
    template <schema::Described Value>
    void readKeyedObjects (const json& object, const std::string& pointer, JsonObjectReader& parent,
                           std::map<std::string, Value>& target)
    {
        for (const auto& item : object.items())
        {
            const auto where = pointer + appendToPointer ("", item.key());

            if (! item.value().is_object())
            {
                parent.addError (where, "must be an object, got " + errorText::describe (item.value()));
                continue;
            }

            auto reader = parent.child (item.value(), where);
            Value value;
            readFields (reader, value);
            target[item.key()] = value;
        }
    }

    /** One field, by its type: the only place a JSON type is matched to a C++ one. */
    template <typename Struct, typename Value>
    void readField (JsonObjectReader& reader, const schema::Field<Struct, Value>& field, Value& target)
    {
        const std::string key (field.key);

        if constexpr (std::is_same_v<Value, std::string>)
            reader.readString (key.c_str(), target, field.presence);
        else if constexpr (std::is_same_v<Value, bool>)
            reader.readBool (key.c_str(), target, field.presence);
        else if constexpr (std::is_same_v<Value, double>)
            reader.readDouble (key.c_str(), target, field.presence);
        else if constexpr (std::is_same_v<Value, int>)
            reader.readInt (key.c_str(), target, field.presence, field.limits.min, field.limits.max);
        else if constexpr (SessionEnum<Value>)
            reader.readEnum (key.c_str(), target, field.presence);
        else if constexpr (std::is_same_v<Value, std::vector<int>>)
            reader.readIntArray (key.c_str(), target, field.presence, field.limits.min, field.limits.max);
        else if constexpr (std::is_same_v<Value, std::vector<std::string>>)
            reader.readStringArray (key.c_str(), target, field.presence);
        else if constexpr (schema::Described<Value>)
        {
            if (const auto* section = reader.findObject (key.c_str(), field.presence))
            {
                auto sectionReader = reader.child (*section, reader.pointerTo (key));
                readFields (sectionReader, target);
            }
        }
        else if constexpr (schema::ListOfObjects<Value>)
        {
            if (const auto* array = reader.findArray (key.c_str(), field.presence))
                target = readObjectArray<typename Value::value_type> (*array, reader.pointerTo (key), reader);
        }
        else
        {
            static_assert (schema::KeyedObjects<Value>, "a session field of a type the reader does not know");

            if (const auto* object = reader.findObject (key.c_str(), field.presence))
                readKeyedObjects (*object, reader.pointerTo (key), reader, target);
        }
    }

    template <schema::Described Struct>
    void readFields (JsonObjectReader& reader, Struct& target)
    {
        reader.rejectUnknownKeys (schema::keysOf<Struct>());
        schema::forEachField<Struct> ([&] (const auto& field) { readField (reader, field, field.of (target)); });
    }
}

void readSessionDocument (const json& document,
                          const std::string& fileName,
                          Session& session,
                          std::vector<SessionError>& errors,
                          std::vector<SessionError>& unknownNames)
{
    if (! document.is_object())
    {
        errors.push_back ({ fileName, {}, "the top level must be a JSON object, got " + errorText::describe (document) });
        return;
    }

    JsonObjectReader reader (document, {}, fileName, errors, unknownNames);
    auto knownKeys = schema::keysOf<Session>();
    knownKeys.insert (knownKeys.begin(), { "format", "version" });
    reader.rejectUnknownKeys (knownKeys);

    std::string format (sessionFormatName);
    reader.readString ("format", format, KeyPresence::required);

    if (format != sessionFormatName)
        reader.addError ("/format", "must be " + errorText::inQuotes (sessionFormatName) + ", got " + errorText::inQuotes (format));

    int version = Session::currentVersion;
    reader.readInt ("version", version, KeyPresence::required, Session::currentVersion, Session::currentVersion);

    if (version != Session::currentVersion)
        reader.addError ("/version", integerRangeMessage (Session::currentVersion, Session::currentVersion, std::to_string (version)));

    // Every other key: the same walk as any other object, after the hand-read two.
    schema::forEachField<Session> ([&] (const auto& field) { readField (reader, field, field.of (session)); });
}

} // namespace foldback
