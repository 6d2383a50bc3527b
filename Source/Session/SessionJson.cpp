#include "SessionJson.h"

#include "JsonDocumentParser.h"
#include "SessionDocumentReader.h"
#include "SessionErrorText.h"
#include "SessionMigration.h"
#include "SessionQueries.h"
#include "SessionSchemaJson.h"
#include "SessionValidation.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace foldback
{

namespace
{
    using json = nlohmann::json;
    using ordered = nlohmann::ordered_json;

    /** Checks "format" before anything else: a file that is not a session gets one clear
        error instead of a page of noise. */
    bool checkFormat (const json& document, const std::string& fileName, std::vector<SessionError>& errors)
    {
        const auto expected = errorText::inQuotes (sessionFormatName);
        const auto found = document.find ("format");

        if (found == document.end())
            errors.push_back ({ fileName, "/format", "required key 'format' is missing; a session file has \"format\": " + expected });
        else if (! found->is_string() || found->get_ref<const std::string&>() != sessionFormatName)
            errors.push_back ({ fileName, "/format", "must be " + expected + ", got " + errorText::describe (*found) });

        return errors.empty();
    }

    ordered sendsToJson (const Session& session, const CueMix& mix)
    {
        auto sends = ordered::object();

        for (const auto& source : sourceIdsOf (session))
            if (const auto found = mix.sends.find (source); found != mix.sends.end())
                sends[source] = schema::valueToJson (found->second);

        for (const auto& [source, send] : mix.sends)
            if (! sends.contains (source))
                sends[source] = schema::valueToJson (send);

        return sends;
    }

    ordered sessionToOrderedJson (const Session& session)
    {
        ordered document;
        document["format"] = std::string (sessionFormatName);
        document["version"] = Session::currentVersion;
        const auto fields = schema::fieldsToJson (session);

        for (const auto& item : fields.items())
            document[item.key()] = item.value();

        // Sends in the order of the session's sources, then any others alphabetically:
        // the one place the writer needs more than the mix itself.
        for (std::size_t i = 0; i < session.mixes.size(); ++i)
            document["mixes"][i]["sends"] = sendsToJson (session, session.mixes[i]);

        return document;
    }

    std::string scalarText (const ordered& value)
    {
        return value.dump (-1, ' ', false, ordered::error_handler_t::replace);
    }

    /** Like dump (2), except that arrays of plain values stay on one line: [1, 2]. */
    void writePretty (const ordered& value, int depth, std::string& out)
    {
        const std::string indent (static_cast<std::size_t> (depth + 1) * 2, ' ');
        const std::string closingIndent (static_cast<std::size_t> (depth) * 2, ' ');

        if (value.is_object() && ! value.empty())
        {
            out += "{\n";
            std::size_t i = 0;

            for (const auto& item : value.items())
            {
                out += indent + scalarText (item.key()) + ": ";
                writePretty (item.value(), depth + 1, out);
                out += (++i < value.size()) ? ",\n" : "\n";
            }

            out += closingIndent + "}";
        }
        else if (value.is_array() && ! value.empty())
        {
            const bool flat = std::none_of (value.begin(), value.end(), [] (const ordered& element)
            {
                return element.is_structured();
            });

            out += flat ? "[" : "[\n";

            for (std::size_t i = 0; i < value.size(); ++i)
            {
                if (! flat)
                    out += indent;

                writePretty (value[i], depth + 1, out);

                if (i + 1 < value.size())
                    out += flat ? ", " : ",\n";
            }

            out += flat ? "]" : "\n" + closingIndent + "]";
        }
        else
        {
            out += scalarText (value);
        }
    }
}

SessionParseResult parseSessionJson (const std::string& text, const std::string& fileName)
{
    SessionParseResult result;
    json document;

    if (! parseJsonDocument (text, fileName, document, result.errors))
        return result;

    if (! document.is_object())
    {
        result.errors.push_back ({ fileName, {}, "the top level must be a JSON object, got " + errorText::describe (document) });
        return result;
    }

    if (! checkFormat (document, fileName, result.errors))
        return result;

    result.errors = migrateSessionDocument (document, fileName);

    if (! result.errors.empty())
        return result;

    Session session;
    std::vector<SessionError> unknownNames;
    readSessionDocument (document, fileName, session, result.errors, unknownNames);

    if (! result.errors.empty())
        return result;

    result.errors = validateSession (session, fileName, unknownNames);

    if (result.errors.empty())
        result.session = std::move (session);

    return result;
}

std::string sessionToJson (const Session& session)
{
    std::string text;
    writePretty (sessionToOrderedJson (session), 0, text);
    text += '\n';
    return text;
}

} // namespace foldback
