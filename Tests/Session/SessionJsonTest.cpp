#include <catch2/catch.hpp>

#include "Session/SessionJson.h"
#include "SessionTestData.h"

using namespace foldback;

namespace
{
    std::string minimalDocument (const std::string& mixFields = "")
    {
        return R"({ "format": "foldback-session", "version": 1,
                    "mixes": [ { "id": "a", "outputs": [1, 2])" + mixFields + R"( } ] })";
    }

    void requireParsesTo (const std::string& text, const Session& expected)
    {
        const auto result = parseSessionJson (text, "test.json");

        for (const auto& error : result.errors)
            FAIL_CHECK (error.toString());

        REQUIRE (result.session.has_value());
        CHECK (*result.session == expected);
    }

    SessionError firstError (const std::string& text)
    {
        const auto result = parseSessionJson (text, "test.json");
        CHECK_FALSE (result.session.has_value());
        REQUIRE_FALSE (result.errors.empty());
        return result.errors.front();
    }
}

TEST_CASE ("A default session survives serialization unchanged", "[session]")
{
    requireParsesTo (sessionToJson (Session {}), Session {});
}

TEST_CASE ("A session with every field set survives serialization unchanged", "[session]")
{
    const auto session = testdata::sessionWithEveryFieldSet();
    const auto text = sessionToJson (session);
    requireParsesTo (text, session);

    const auto again = parseSessionJson (text, "test.json");
    REQUIRE (again.session.has_value());
    CHECK (sessionToJson (*again.session) == text);
}

TEST_CASE ("A session is written in a fixed key order with two-space indentation", "[session]")
{
    const auto text = sessionToJson (testdata::sessionWithEveryFieldSet());

    CHECK (text.rfind ("{\n  \"format\": \"foldback-session\",\n  \"version\": 2,\n  \"name\": ", 0) == 0);
    CHECK (text.back() == '\n');

    std::size_t previous = 0;

    for (const auto* key : { "\"format\"", "\"version\"", "\"name\"", "\"audio\"", "\"inputs\"", "\"tracks\"",
                             "\"click\"", "\"talkback\"", "\"transport\"", "\"mixes\"" })
    {
        const auto position = text.find (std::string ("\n  ") + key);
        INFO (key);
        REQUIRE (position != std::string::npos);
        CHECK (position >= previous);
        previous = position;
    }

    CHECK (text.find ("\"channels\": [3, 4]") != std::string::npos);
}

TEST_CASE ("Sends are written in the order of the session's sources", "[session]")
{
    const auto text = sessionToJson (testdata::sessionWithEveryFieldSet());
    const auto sends = text.find ("\"sends\"");
    REQUIRE (sends != std::string::npos);

    const auto vox = text.find ("\"vox\": {", sends);
    const auto keys = text.find ("\"keys\": {", sends);
    const auto drums = text.find ("\"drums\": {", sends);
    const auto click = text.find ("\"click\": {", sends);
    const auto talkback = text.find ("\"talkback\": {", sends);
    CHECK (vox < keys);
    CHECK (keys < drums);
    CHECK (drums < click);
    CHECK (click < talkback);
    CHECK (talkback != std::string::npos);
}

TEST_CASE ("Absent optional keys take the Session defaults", "[session]")
{
    Session expected;
    CueMix mix;
    mix.id = "a";
    mix.outputs = { 1, 2 };
    expected.mixes = { mix };
    requireParsesTo (minimalDocument(), expected);
}

TEST_CASE ("Whole numbers are accepted for decimal fields and with a decimal point for integer fields", "[session]")
{
    Session expected;
    CueMix mix;
    mix.id = "a";
    mix.outputs = { 3, 4 };
    mix.masterDb = -6.0;
    expected.mixes = { mix };
    requireParsesTo (R"({ "format": "foldback-session", "version": 1.0,
                          "mixes": [ { "id": "a", "outputs": [3.0, 4], "masterDb": -6 } ] })", expected);
}

TEST_CASE ("A UTF-8 byte order mark before the document is accepted", "[session]")
{
    const auto result = parseSessionJson ("\xef\xbb\xbf" + minimalDocument(), "test.json");
    CHECK (result.errors.empty());
    CHECK (result.session.has_value());
}

TEST_CASE ("An out-of-range value is rejected, not clamped, with the allowed range", "[session]")
{
    const auto error = firstError (minimalDocument (R"(, "masterDb": 40)"));
    CHECK (error.toString() == "test.json: /mixes/0/masterDb: must be a number from -144 to 12, got 40");
}

TEST_CASE ("The transport's sync is internal by default, round-trips and names its choices when wrong", "[session]")
{
    const auto base = R"({ "format": "foldback-session", "version": 1, "mixes": [], "transport": )";

    const auto internal = parseSessionJson (std::string (base) + "{} }", "test.json");
    REQUIRE (internal.session.has_value());
    CHECK (internal.session->transport.sync == TransportSync::internal);
    CHECK (sessionToJson (*internal.session).find ("\"loopEndSeconds\": 0.0,\n    \"sync\": \"internal\",\n    \"transportOffsetSeconds\": 0.0,\n    \"timebase\": \"off\"\n")
           != std::string::npos);

    Session jack;
    jack.transport.sync = TransportSync::jack;
    requireParsesTo (sessionToJson (jack), jack);
    requireParsesTo (std::string (base) + R"({ "sync": "jack" } })", jack);

    CHECK (firstError (std::string (base) + R"({ "sync": "jackd" } })").toString()
           == "test.json: /transport/sync: must be \"internal\" or \"jack\", got \"jackd\" (did you mean 'jack'?)");
    CHECK (firstError (std::string (base) + R"({ "sync": true } })").toString()
           == "test.json: /transport/sync: must be a string, got true");

    Session late;
    late.transport.transportOffsetSeconds = 12.5;
    requireParsesTo (std::string (base) + R"({ "transportOffsetSeconds": 12.5 } })", late);
    CHECK (firstError (std::string (base) + R"({ "transportOffsetSeconds": -1 } })").toString().find ("/transport/transportOffsetSeconds")
           != std::string::npos);
}

TEST_CASE ("A misspelt key is rejected with a suggestion", "[session]")
{
    const auto error = firstError (minimalDocument (R"(, "sends": { "click": { "gian": -6 } })"));
    CHECK (error.pointer == "/mixes/0/sends/click/gian");
    CHECK (error.message == "unknown key \"gian\" (did you mean 'gainDb'?)");
}

TEST_CASE ("A key with no likely meaning is rejected without a suggestion", "[session]")
{
    const auto error = firstError (minimalDocument (R"(, "colour": "red")"));
    CHECK (error.pointer == "/mixes/0/colour");
    CHECK (error.message == "unknown key \"colour\"");
}

TEST_CASE ("Several faults in one document are all reported in document order", "[session]")
{
    const auto result = parseSessionJson (R"({ "format": "foldback-session", "version": 1, "name": 7,
        "inputs": [ { "id": "vox", "channels": "one" } ],
        "mixes": [ { "id": "a", "outputs": [1, 2], "masterDb": "loud", "clickMode": 3 } ] })", "test.json");

    CHECK_FALSE (result.session.has_value());
    REQUIRE (result.errors.size() == 4);
    CHECK (result.errors[0].pointer == "/name");
    CHECK (result.errors[1].pointer == "/inputs/0/channels");
    CHECK (result.errors[2].pointer == "/mixes/0/masterDb");
    CHECK (result.errors[3].pointer == "/mixes/0/clickMode");
}

TEST_CASE ("Several semantic faults are all reported", "[session]")
{
    const auto result = parseSessionJson (R"({ "format": "foldback-session", "version": 1,
        "click": { "countInBars": 20 },
        "mixes": [ { "id": "a", "outputs": [1, 2], "masterDb": 40, "sends": { "nobody": {} } } ] })", "test.json");

    REQUIRE (result.errors.size() == 3);
    CHECK (result.errors[0].pointer == "/click/countInBars");
    CHECK (result.errors[1].pointer == "/mixes/0/masterDb");
    CHECK (result.errors[2].pointer == "/mixes/0/sends/nobody");
}

TEST_CASE ("A repeated key deep in the document is reported with its full pointer", "[session]")
{
    const auto error = firstError (R"({ "format": "foldback-session", "version": 1, "mixes": [],
        "inputs": [ { "id": "a", "channels": [1] }, { "id": "b", "channels": [2], "id": "c" } ] })");
    CHECK (error.pointer == "/inputs/1/id");
    CHECK (error.message.find ("duplicate key 'id'") != std::string::npos);
}

TEST_CASE ("A number too large for a double inside an array is reported with its index", "[session]")
{
    const auto error = firstError (R"({ "format": "foldback-session", "version": 1,
        "mixes": [ { "id": "a", "outputs": [1, 2e400] } ] })");
    CHECK (error.pointer == "/mixes/0/outputs/1");
    CHECK (error.message == "number 2e400 is out of range: numbers must be finite");
}

TEST_CASE ("A syntax error names the line, column and byte offset", "[session]")
{
    const auto error = firstError ("{\n  \"format\": \"foldback-session\",\n  \"version\": ,\n}");
    CHECK (error.pointer.empty());
    CHECK (error.message.find ("not valid JSON") == 0);
    CHECK (error.message.find ("line 3") != std::string::npos);
    CHECK (error.message.find ("(byte 48)") != std::string::npos);
}

TEST_CASE ("Absurdly deep nesting is refused without exhausting the stack", "[session]")
{
    const std::string deep = R"({ "format": "foldback-session", "version": 1, "mixes": [], "name": )"
                           + std::string (100000, '[') + std::string (100000, ']') + "}";
    const auto error = firstError (deep);
    CHECK (error.pointer.rfind ("/name/0/0/0", 0) == 0);
    CHECK (error.message == "nested more than 64 levels deep");
}

TEST_CASE ("A document in another format is refused before anything else is checked", "[session]")
{
    const auto result = parseSessionJson (R"({ "format": "ardour-session", "version": 9, "mixes": 3 })", "test.json");
    REQUIRE (result.errors.size() == 1);
    CHECK (result.errors[0].toString() == "test.json: /format: must be \"foldback-session\", got \"ardour-session\"");
}
