#include <catch2/catch.hpp>

#include "Session/SessionSchemaJson.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

using namespace foldback;

namespace
{
    /** One row of a field table in docs/session-format.md:
        | Key | Type | Required | Default | Allowed |. */
    struct DocumentedField
    {
        std::string key, type, required, defaultValue, allowed;
    };

    /** A table, named by the heading above it and its place under that heading. */
    struct DocumentedTable
    {
        std::string heading;
        int index = 0;
        std::vector<DocumentedField> rows;
    };

    std::string trimmed (const std::string& text)
    {
        const auto first = text.find_first_not_of (' ');
        return first == std::string::npos ? std::string() : text.substr (first, text.find_last_not_of (' ') - first + 1);
    }

    std::string withoutBackticks (const std::string& text)
    {
        return text.size() >= 2 && text.front() == '`' && text.back() == '`' ? text.substr (1, text.size() - 2) : text;
    }

    std::vector<std::string> cellsOf (const std::string& line)
    {
        std::vector<std::string> cells;
        std::size_t start = 1;

        for (auto bar = line.find ('|', start); bar != std::string::npos; bar = line.find ('|', start))
        {
            cells.push_back (trimmed (line.substr (start, bar - start)));
            start = bar + 1;
        }

        return cells;
    }

    std::vector<DocumentedTable> readFieldTables()
    {
        std::ifstream file (std::filesystem::path (FOLDBACK_SOURCE_DIR) / "docs" / "session-format.md");
        REQUIRE (file.good());

        std::vector<DocumentedTable> tables;
        std::string line, heading;
        int indexUnderHeading = 0;
        bool inTable = false;

        while (std::getline (file, line))
        {
            if (line.rfind ("### ", 0) == 0)
            {
                heading = line.substr (4);
                indexUnderHeading = 0;
            }

            if (line.rfind ("| Key | Type | Required | Default | Allowed |", 0) == 0)
            {
                tables.push_back ({ heading, indexUnderHeading++, {} });
                inTable = true;
            }
            else if (inTable && line.rfind ("| `", 0) == 0)
            {
                const auto cells = cellsOf (line);
                REQUIRE (cells.size() == 5);
                tables.back().rows.push_back ({ withoutBackticks (cells[0]), cells[1], cells[2],
                                                withoutBackticks (cells[3]), cells[4] });
            }
            else if (line.rfind ("|", 0) != 0)
            {
                inTable = false;
            }
        }

        return tables;
    }

    template <typename Value>
    std::string documentedType()
    {
        if constexpr (std::is_same_v<Value, std::string> || SessionEnum<Value>) return "string";
        else if constexpr (std::is_same_v<Value, double>)                       return "number";
        else if constexpr (std::is_same_v<Value, int>)                          return "integer";
        else if constexpr (std::is_same_v<Value, bool>)                         return "boolean";
        else if constexpr (std::is_same_v<Value, std::vector<int>>)             return "array of integer";
        else if constexpr (std::is_same_v<Value, std::vector<std::string>>)     return "array of string";
        else if constexpr (schema::ListOfObjects<Value>)                        return "array of";
        else                                                                    return "object";
    }

    /** "-144 (off) to 12" and "0 to 86400; after ...": the first range in the text. */
    std::optional<std::pair<double, double>> documentedRange (const std::string& allowed)
    {
        static const std::regex range (R"((-?\d+(?:\.\d+)?)(?: \([^)]*\))? to (-?\d+(?:\.\d+)?))");
        std::smatch match;

        if (! std::regex_search (allowed, match, range))
            return std::nullopt;

        return std::pair { std::stod (match[1]), std::stod (match[2]) };
    }

    /** "1, 2, 4, 8, 16 or 32 (meter denominator)": the numbers before any remark. */
    std::vector<double> documentedValues (const std::string& allowed)
    {
        static const std::regex number (R"(-?\d+(?:\.\d+)?)");
        const auto list = allowed.substr (0, allowed.find_first_of ("(:;"));
        std::vector<double> values;

        for (std::sregex_iterator i (list.begin(), list.end(), number), end; i != end; ++i)
            values.push_back (std::stod (i->str()));

        return values;
    }

    /** Every "quoted" name in the text, in order. */
    std::vector<std::string> documentedNames (const std::string& allowed)
    {
        static const std::regex quoted ("\"([^\"]*)\"");
        std::vector<std::string> names;

        for (std::sregex_iterator i (allowed.begin(), allowed.end(), quoted), end; i != end; ++i)
            names.push_back ((*i)[1]);

        return names;
    }

    template <typename Limits>
    void checkNumberLimits (const DocumentedField& row, const Limits& limits)
    {
        if (limits.only.empty())
        {
            const auto range = documentedRange (row.allowed);
            REQUIRE (range.has_value());
            CHECK (range->first == static_cast<double> (limits.min));
            CHECK (range->second == static_cast<double> (limits.max));
        }
        else
        {
            CHECK (documentedValues (row.allowed) == std::vector<double> (limits.only.begin(), limits.only.end()));
        }
    }

    template <typename Struct, typename Value>
    void checkRow (const DocumentedField& row, const schema::Field<Struct, Value>& field)
    {
        INFO ("documented as | " << row.key << " | " << row.type << " | " << row.required << " | "
                                 << row.defaultValue << " | " << row.allowed << " |");

        CHECK (row.type.rfind (documentedType<Value>(), 0) == 0);
        CHECK (row.required == (field.presence == KeyPresence::required ? "yes" : "no"));

        if (field.presence == KeyPresence::required)
            CHECK (row.defaultValue.empty());
        else if constexpr (schema::Described<Value>)
            CHECK (row.defaultValue == "all defaults");
        else
            CHECK (nlohmann::ordered_json::parse (row.defaultValue) == schema::valueToJson (field.of (Struct {})));

        if constexpr (std::is_same_v<Value, double> || std::is_same_v<Value, int>)
        {
            checkNumberLimits (row, field.limits);
        }
        else if constexpr (std::is_same_v<Value, std::vector<int>>)
        {
            const auto range = documentedRange (row.allowed);
            REQUIRE (range.has_value());
            CHECK (*range == std::pair<double, double> (field.limits.min, field.limits.max));
        }
        else if constexpr (SessionEnum<Value>)
        {
            CHECK (documentedNames (row.allowed) == nameStringsOf<Value>());
        }
    }

    /** The table documents exactly Struct's declared fields (and keys read by hand). */
    template <schema::Described Struct>
    void checkTable (const DocumentedTable& table, const std::set<std::string>& readByHand = {})
    {
        INFO ("docs/session-format.md, table " << table.index + 1 << " under \"" << table.heading << "\"");
        const auto declared = schema::keysOf<Struct>();

        for (const auto& row : table.rows)
        {
            INFO ("documented key " << row.key);
            CHECK ((std::find (declared.begin(), declared.end(), row.key) != declared.end() || readByHand.count (row.key) > 0));
        }

        schema::forEachField<Struct> ([&] (const auto& field)
        {
            INFO ("declared key " << field.key);
            const auto row = std::find_if (table.rows.begin(), table.rows.end(), [&] (const auto& r) { return r.key == field.key; });
            REQUIRE (row != table.rows.end());
            checkRow (*row, field);
        });
    }
}

TEST_CASE ("The field tables of docs/session-format.md match the schema declaration", "[session][schema]")
{
    const auto tables = readFieldTables();

    const auto table = [&tables] (const std::string& heading, int index = 0) -> const DocumentedTable&
    {
        const auto found = std::find_if (tables.begin(), tables.end(),
                                         [&] (const auto& t) { return t.heading == heading && t.index == index; });
        INFO ("no table " << index + 1 << " under \"" << heading << "\"");
        REQUIRE (found != tables.end());
        return *found;
    };

    checkTable<Session> (table ("Top level"), { "format", "version" });
    checkTable<AudioSettings> (table ("`audio`"));
    checkTable<LiveInput> (table ("`inputs[]`: live inputs"));
    checkTable<BackingTrack> (table ("`tracks[]`: backing tracks"));
    checkTable<ClickSettings> (table ("`click`"));
    checkTable<TempoChange> (table ("`click`", 1));
    checkTable<TalkbackSettings> (table ("`talkback`"));
    checkTable<TransportSettings> (table ("`transport`"));
    checkTable<CueMix> (table ("`mixes[]`: one cue mix per performer"));
    checkTable<SendSettings> (table ("`mixes[]`: one cue mix per performer", 1));
    checkTable<PerformerLayer> (table ("`mixes[]`: one cue mix per performer", 2));
    checkTable<PerformerSendOffset> (table ("`mixes[]`: one cue mix per performer", 3));
    checkTable<MixRemoteAccess> (table ("`mixes[]`: one cue mix per performer", 4));
    checkTable<MonitorSettings> (table ("`monitor`"));
    checkTable<RemoteSettings> (table ("`remote`"));

    CHECK (tables.size() == 15); // a new table needs a line above
}
