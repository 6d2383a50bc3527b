#include <catch2/catch.hpp>

#include "Session/SessionFile.h"
#include "Session/SessionJson.h"
#include "Session/SessionMigration.h"
#include "SessionTestData.h"

using namespace foldback;

TEST_CASE ("A version 0 draft loads as the same session as its current equivalent", "[session]")
{
    const auto draft = loadSessionFile (testdata::testDataPath ("sessions/corpus-base-v0.json"));
    const auto current = loadSessionFile (testdata::testDataPath ("sessions/corpus-base.json"));

    for (const auto& error : draft.errors)
        FAIL_CHECK (error.toString());

    REQUIRE (draft.session.has_value());
    REQUIRE (current.session.has_value());
    CHECK (*draft.session == *current.session);
    CHECK (draft.session->mixes[0].limiterCeilingDb == -2.0);
    CHECK (draft.session->mixes[0].sends.at ("gtr").pan == -0.3);
}

TEST_CASE ("Migration turns version 0 sends and limiter into the current layout", "[session]")
{
    auto document = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 0,
        "mixes": [ { "id": "a", "limiter": { "ceilingDb": -4 },
                     "sends": [ { "source": "vox", "gainDb": -6, "pan": 0.5 }, { "source": "click", "mute": true } ] },
                   { "id": "b", "limiter": {} } ] })");

    const auto errors = migrateSessionDocument (document, "old.json");
    CHECK (errors.empty());

    const auto expected = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 2,
        "mixes": [ { "id": "a", "limiterCeilingDb": -4,
                     "sends": { "vox": { "gainDb": -6, "pan": 0.5 }, "click": { "mute": true } } },
                   { "id": "b" } ] })");
    CHECK (document == expected);
}

TEST_CASE ("A current document passes through migration unchanged", "[session]")
{
    const auto original = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 2,
        "mixes": [ { "id": "a", "limiterCeilingDb": -4, "sends": { "vox": {} } } ] })");
    auto document = original;

    CHECK (migrateSessionDocument (document, "new.json").empty());
    CHECK (document == original);
}

TEST_CASE ("A session from a newer Foldback is refused with the versions this one reads", "[session]")
{
    auto document = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 7, "mixes": [] })");
    const auto errors = migrateSessionDocument (document, "future.json");

    REQUIRE (errors.size() == 1);
    CHECK (errors[0].toString()
           == "future.json: /version: written by a newer Foldback (session version 7); this Foldback reads versions 0 to 2");
}

TEST_CASE ("A version 0 limiter next to a current ceiling is refused", "[session]")
{
    auto document = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 0,
        "mixes": [ { "id": "a", "limiterCeilingDb": -1, "limiter": { "ceilingDb": -4 } } ] })");
    const auto errors = migrateSessionDocument (document, "old.json");

    REQUIRE (errors.size() == 1);
    CHECK (errors[0].pointer == "/mixes/0/limiterCeilingDb");
}

TEST_CASE ("Version 1 solo in place becomes mutes so every performer hears what they heard", "[session][solo]")
{
    auto document = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 1,
        "mixes": [ { "id": "a", "sends": { "vox": { "gainDb": -6, "solo": true }, "gtr": { "pan": 0.5, "solo": false },
                                           "keys": {}, "talkback": { "solo": false } } },
                   { "id": "b", "sends": { "vox": { "solo": false, "mute": false }, "gtr": { "mute": true } } } ] })");

    const auto errors = migrateSessionDocument (document, "old.json");
    CHECK (errors.empty());

    // Mix a soloed vox: the others are muted, talkback (never muted by solo) is not.
    // Mix b soloed nothing: only the solo keys go.
    const auto expected = nlohmann::json::parse (R"({ "format": "foldback-session", "version": 2,
        "mixes": [ { "id": "a", "sends": { "vox": { "gainDb": -6 }, "gtr": { "pan": 0.5, "mute": true },
                                           "keys": { "mute": true }, "talkback": {} } },
                   { "id": "b", "sends": { "vox": { "mute": false }, "gtr": { "mute": true } } } ] })");
    CHECK (document == expected);
}

TEST_CASE ("A version 1 file with solo loads and saves as version 2 with no solo", "[session][solo]")
{
    const auto current = loadSessionFile (testdata::testDataPath ("sessions/corpus-base.json"));
    REQUIRE (current.session.has_value());

    auto text = nlohmann::json::parse (sessionToJson (*current.session));
    text["version"] = 1;
    for (auto& mix : text["mixes"])
        for (auto& [id, send] : mix["sends"].items())
            send["solo"] = false;
    const auto migrated = parseSessionJson (text.dump(), "v1.json");
    for (const auto& error : migrated.errors)
        FAIL_CHECK (error.toString());
    REQUIRE (migrated.session.has_value());
    CHECK (*migrated.session == *current.session);

    const auto written = sessionToJson (*migrated.session);
    CHECK (written.find ("\"solo\"") == std::string::npos);
    CHECK (written.find ("\"version\": 2,") != std::string::npos);
}
