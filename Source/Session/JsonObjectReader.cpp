#include "JsonObjectReader.h"

#include "JsonPointer.h"
#include "SessionErrorText.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace foldback
{

std::string integerRangeMessage (int min, int max, const std::string& got)
{
    return "must be an integer from " + std::to_string (min) + " to " + std::to_string (max) + ", got " + got;
}

std::string numberRangeMessage (double min, double max, const std::string& got)
{
    return "must be a number from " + errorText::number (min) + " to " + errorText::number (max) + ", got " + got;
}

JsonObjectReader::JsonObjectReader (const nlohmann::json& objectToRead,
                                    std::string pointerOfObject,
                                    const std::string& nameOfFile,
                                    std::vector<SessionError>& errorList,
                                    std::vector<SessionError>& unknownNameList)
    : object (objectToRead),
      pointer (std::move (pointerOfObject)),
      fileName (nameOfFile),
      errors (errorList),
      unknownNames (unknownNameList)
{
}

void JsonObjectReader::rejectUnknownKeys (const std::vector<std::string>& knownKeys)
{
    for (const auto& item : object.items())
    {
        bool known = false;

        for (const auto& knownKey : knownKeys)
            known = known || knownKey == item.key();

        if (! known)
            addError (pointerTo (item.key()),
                      "unknown key " + errorText::inQuotes (item.key()) + errorText::didYouMean (item.key(), knownKeys));
    }
}

const nlohmann::json* JsonObjectReader::find (const char* key, KeyPresence presence)
{
    const auto found = object.find (key);

    if (found != object.end())
        return &*found;

    if (presence == KeyPresence::required)
        addError (pointerTo (key), "required key '" + std::string (key) + "' is missing");

    return nullptr;
}

void JsonObjectReader::readString (const char* key, std::string& target, KeyPresence presence)
{
    readStringValue (key, target, presence);
}

bool JsonObjectReader::readStringValue (const char* key, std::string& target, KeyPresence presence)
{
    const auto* value = find (key, presence);

    if (value == nullptr)
        return false;

    if (! value->is_string())
    {
        addError (pointerTo (key), "must be a string, got " + errorText::describe (*value));
        return false;
    }

    target = value->get<std::string>();
    return true;
}

void JsonObjectReader::readBool (const char* key, bool& target, KeyPresence presence)
{
    if (const auto* value = find (key, presence))
    {
        if (value->is_boolean())
            target = value->get<bool>();
        else
            addError (pointerTo (key), "must be true or false, got " + errorText::describe (*value));
    }
}

void JsonObjectReader::readDouble (const char* key, double& target, KeyPresence presence)
{
    if (const auto* value = find (key, presence))
    {
        if (! value->is_number())
            addError (pointerTo (key), "must be a number, got " + errorText::describe (*value));
        else if (! std::isfinite (value->get<double>()))
            addError (pointerTo (key), "must be a finite number, got " + errorText::describe (*value));
        else
            target = value->get<double>();
    }
}

bool JsonObjectReader::readWholeNumber (const nlohmann::json& value, const std::string& where, int& target, int min, int max)
{
    if (value.is_number_integer())
    {
        // Unsigned values above INT64_MAX are stored unsigned; both cases compare safely.
        const bool fits = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() <= static_cast<std::uint64_t> (std::numeric_limits<int>::max())
                            : (value.get<std::int64_t>() >= std::numeric_limits<int>::min()
                               && value.get<std::int64_t>() <= std::numeric_limits<int>::max());

        if (fits)
        {
            target = static_cast<int> (value.get<std::int64_t>());
            return true;
        }

        addError (where, integerRangeMessage (min, max, errorText::describe (value)));
        return false;
    }

    if (value.is_number_float())
    {
        const auto number = value.get<double>();

        if (std::isfinite (number) && std::trunc (number) == number
            && number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max())
        {
            target = static_cast<int> (number);
            return true;
        }

        addError (where, integerRangeMessage (min, max, errorText::describe (value)));
        return false;
    }

    addError (where, "must be an integer, got " + errorText::describe (value));
    return false;
}

void JsonObjectReader::readInt (const char* key, int& target, KeyPresence presence, int min, int max)
{
    if (const auto* value = find (key, presence))
        readWholeNumber (*value, pointerTo (key), target, min, max);
}

void JsonObjectReader::readIntArray (const char* key, std::vector<int>& target, KeyPresence presence, int min, int max)
{
    const auto* array = findArray (key, presence);

    if (array == nullptr)
        return;

    std::vector<int> numbers;
    bool allRead = true;
    const auto where = pointerTo (key);

    for (std::size_t i = 0; i < array->size(); ++i)
    {
        int number = 0;
        allRead = readWholeNumber ((*array)[i], appendToPointer (where, i), number, min, max) && allRead;
        numbers.push_back (number);
    }

    if (allRead)
        target = std::move (numbers);
}

const nlohmann::json* JsonObjectReader::findObject (const char* key, KeyPresence presence)
{
    const auto* value = find (key, presence);

    if (value != nullptr && ! value->is_object())
    {
        addError (pointerTo (key), "must be an object, got " + errorText::describe (*value));
        return nullptr;
    }

    return value;
}

const nlohmann::json* JsonObjectReader::findArray (const char* key, KeyPresence presence)
{
    const auto* value = find (key, presence);

    if (value != nullptr && ! value->is_array())
    {
        addError (pointerTo (key), "must be an array, got " + errorText::describe (*value));
        return nullptr;
    }

    return value;
}

std::string JsonObjectReader::pointerTo (std::string_view key) const
{
    return appendToPointer (pointer, key);
}

void JsonObjectReader::addError (std::string where, std::string message)
{
    errors.push_back ({ fileName, std::move (where), std::move (message) });
}

void JsonObjectReader::readStringArray (const char* key, std::vector<std::string>& target, KeyPresence presence)
{
    const auto* array = findArray (key, presence);

    if (array == nullptr)
        return;

    std::vector<std::string> strings;
    bool allRead = true;
    const auto where = pointerTo (key);

    for (std::size_t i = 0; i < array->size(); ++i)
    {
        const auto& element = (*array)[i];

        if (! element.is_string())
        {
            addError (appendToPointer (where, i), "must be a string, got " + errorText::describe (element));
            allRead = false;
            continue;
        }

        strings.push_back (element.get<std::string>());
    }

    if (allRead)
        target = std::move (strings);
}

} // namespace foldback
