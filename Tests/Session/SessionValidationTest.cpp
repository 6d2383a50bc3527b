#include <catch2/catch.hpp>

#include "Session/SessionValidation.h"
#include "SessionTestData.h"

using namespace foldback;

namespace
{
    std::vector<std::string> pointersOf (const std::vector<SessionError>& errors)
    {
        std::vector<std::string> pointers;

        for (const auto& error : errors)
            pointers.push_back (error.pointer);

        return pointers;
    }
}

TEST_CASE ("A session with every field set is valid", "[session]")
{
    CHECK (validateSession (testdata::sessionWithEveryFieldSet(), "s.json").empty());
}

TEST_CASE ("Range limits are inclusive and one step beyond is rejected", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    auto& send = session.mixes[0].sends["vox"];

    send.gainDb = 12.0;
    CHECK (validateSession (session, "s.json").empty());
    send.gainDb = -144.0;
    CHECK (validateSession (session, "s.json").empty());

    send.gainDb = std::nextafter (12.0, 13.0);
    const auto errors = validateSession (session, "s.json");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].toString() == "s.json: /mixes/0/sends/vox/gainDb: must be a number from -144 to 12, got 12.000000000000002");
}

TEST_CASE ("Not-a-number and infinite values are rejected wherever a number is expected", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[0].sends["keys"].pan = std::numeric_limits<double>::quiet_NaN();
    session.talkback.dimDb = -std::numeric_limits<double>::infinity();
    session.click.tempoMap[1].bpm = std::numeric_limits<double>::infinity();

    const auto errors = validateSession (session, "s.json");
    CHECK (pointersOf (errors) == std::vector<std::string> { "/click/tempoMap/1/bpm", "/talkback/dimDb",
                                                             "/mixes/0/sends/keys/pan" });
    REQUIRE (errors.size() == 3);
    CHECK (errors[2].message == "must be a number from -1 to 1, got nan");
}

TEST_CASE ("Input and track ids must be unique, well formed and not reserved", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.inputs.push_back ({ "drums", "", { 9 } });
    session.inputs.push_back ({ "talkback", "", { 10 } });
    session.inputs.push_back ({ "", "", { 11 } });

    const auto errors = validateSession (session, "s.json");
    CHECK (pointersOf (errors) == std::vector<std::string> { "/inputs/3/id", "/inputs/4/id", "/tracks/0/id" });
    REQUIRE (errors.size() == 3);
    CHECK (errors[0].message == "\"talkback\" is a reserved source id (\"click\", \"talkback\", \"clickCountIn\")");
    CHECK (errors[2].message == "duplicate id \"drums\": already used by /inputs/2");
}

TEST_CASE ("A send must name a source of the session", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[1].sends["clickCountIn"] = {};
    session.mixes[1].sends["kyes"] = {};

    const auto errors = validateSession (session, "s.json");
    REQUIRE (errors.size() == 2);
    CHECK (errors[0].pointer == "/mixes/1/sends/clickCountIn");
    CHECK (errors[1].pointer == "/mixes/1/sends/kyes");
    CHECK (errors[1].message.find ("(did you mean 'keys'?)") != std::string::npos);
}

TEST_CASE ("A send from talkback needs a talkback mic", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    CHECK (validateSession (session, "s.json").empty());

    session.talkback.channels.clear();
    const auto errors = validateSession (session, "s.json");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].pointer == "/mixes/0/sends/talkback");
}

TEST_CASE ("No output channel feeds two mixes", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[1].outputs = { 1 };

    const auto errors = validateSession (session, "s.json");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].pointer == "/mixes/1/outputs/0");
    CHECK (errors[0].message == "output channel 1 is already used by /mixes/0/outputs/1; each output channel feeds one mix");
}

TEST_CASE ("A custom click needs its file and a loop needs its end after its start", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.click.customFile.clear();
    session.transport.loopEndSeconds = session.transport.loopStartSeconds;

    CHECK (pointersOf (validateSession (session, "s.json"))
           == std::vector<std::string> { "/click/customFile", "/transport/loopEndSeconds" });

    session.click.sound = ClickSound::hihat;
    session.transport.loopEnabled = false;
    CHECK (validateSession (session, "s.json").empty());
}

TEST_CASE ("Text that is not UTF-8 is rejected so that a save always loads back", "[session]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[1].name = "Drum\xc3";

    const auto errors = validateSession (session, "s.json");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].pointer == "/mixes/1/name");
    CHECK (errors[0].message == "must be UTF-8 text; byte 4 is not");
}
