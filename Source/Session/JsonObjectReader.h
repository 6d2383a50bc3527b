#pragma once

#include "SessionEnums.h"
#include "SessionError.h"
#include "SessionErrorText.h"
#include "SessionSchema.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace foldback
{

/** Reads typed fields out of one JSON object of a session document, checking types
    (never ranges: that is validateSession's job), required keys and unknown keys, and
    recording an error naming the field's JSON pointer for each problem. A field with an
    error leaves its target unchanged.

    A string outside an enum's names goes to unknownNames instead of errors: it is a
    value problem, reported among validation's (validateSession), in its order. */
class JsonObjectReader
{
public:
    /** object must be a JSON object; pointer is its JSON pointer ("" for the top level). */
    JsonObjectReader (const nlohmann::json& object,
                      std::string pointer,
                      const std::string& fileName,
                      std::vector<SessionError>& errors,
                      std::vector<SessionError>& unknownNames);

    /** A reader for a member object or array element, recording into the same lists. */
    JsonObjectReader child (const nlohmann::json& member, std::string memberPointer) const
    {
        return { member, std::move (memberPointer), fileName, errors, unknownNames };
    }

    /** Records "unknown key" for every key not in knownKeys, with a suggestion. */
    void rejectUnknownKeys (const std::vector<std::string>& knownKeys);

    void readString (const char* key, std::string& target, KeyPresence);
    void readBool (const char* key, bool& target, KeyPresence);

    /** A string naming one of Enum's values. */
    template <SessionEnum Enum>
    void readEnum (const char* key, Enum& target, KeyPresence presence)
    {
        std::string name;

        if (! readStringValue (key, name, presence))
            return;

        if (const auto value = enumFromString<Enum> (name))
        {
            target = *value;
            return;
        }

        const auto names = nameStringsOf<Enum>();
        unknownNames.push_back ({ fileName, pointerTo (key), "must be " + errorText::alternatives (names) + ", got "
                                                                 + errorText::inQuotes (name) + errorText::didYouMean (name, names) });
    }

    /** Any finite JSON number. */
    void readDouble (const char* key, double& target, KeyPresence);

    /** A whole number (2 or 2.0) that fits an int; min and max only word the message
        when it does not fit. */
    void readInt (const char* key, int& target, KeyPresence, int min, int max);

    /** An array of whole numbers (device channels); sizes and ranges are validated later. */
    void readIntArray (const char* key, std::vector<int>& target, KeyPresence, int min, int max);

    /** An array of strings (a remote's allowed controls); values are validated later. */
    void readStringArray (const char* key, std::vector<std::string>& target, KeyPresence);

    /** The member if it is present and an object (or array); nullptr, with an error if it
        has the wrong type or is required and missing, otherwise. */
    const nlohmann::json* findObject (const char* key, KeyPresence);
    const nlohmann::json* findArray (const char* key, KeyPresence);

    /** The JSON pointer of a member of this object. */
    std::string pointerTo (std::string_view key) const;

    void addError (std::string pointer, std::string message);

    const std::string& getFileName() const { return fileName; }
    std::vector<SessionError>& getErrors() { return errors; }

private:
    const nlohmann::json& object;
    std::string pointer;
    const std::string& fileName;
    std::vector<SessionError>& errors;
    std::vector<SessionError>& unknownNames;

    bool readStringValue (const char* key, std::string& target, KeyPresence);
    const nlohmann::json* find (const char* key, KeyPresence);
    bool readWholeNumber (const nlohmann::json& value, const std::string& where, int& target, int min, int max);
};

/** "must be an integer from MIN to MAX, got VALUE": shared with validation. */
std::string integerRangeMessage (int min, int max, const std::string& got);

/** "must be a number from MIN to MAX, got VALUE": shared with validation. */
std::string numberRangeMessage (double min, double max, const std::string& got);

} // namespace foldback
