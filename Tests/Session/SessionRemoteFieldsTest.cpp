#include <catch2/catch.hpp>

#include "Session/PerformerLayer.h"
#include "Session/SessionJson.h"
#include "Session/SessionValidation.h"
#include "SessionTestData.h"

using namespace foldback;

namespace
{
    std::vector<std::string> messagesAt (const Session& session, const std::string& pointer)
    {
        std::vector<std::string> messages;
        for (const auto& error : validateSession (session, "s.json"))
            if (error.pointer == pointer)
                messages.push_back (error.message);
        return messages;
    }
}

TEST_CASE ("A session without monitor and remote sections reads with remote control off and no listen outputs", "[session][remote]")
{
    const auto parsed = parseSessionJson (R"({ "format": "foldback-session", "version": 1,
        "inputs": [ { "id": "vox", "channels": [1] } ],
        "mixes": [ { "id": "singer", "outputs": [1, 2], "sends": { "vox": {} } } ] })", "old.json");
    REQUIRE (parsed.session.has_value());
    CHECK_FALSE (parsed.session->remote.enabled);
    CHECK (parsed.session->monitor.outputs.empty());
    CHECK (parsed.session->mixes[0].remote.token.empty());
    CHECK (parsed.session->mixes[0].remote.allow.size() == 5);
    CHECK (parsed.session->mixes[0].performer == PerformerLayer {});
}

TEST_CASE ("Remote tokens must be 8 to 64 URL-safe characters and name one holder each", "[session][remote]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[0].remote.token = "short";
    CHECK_FALSE (messagesAt (session, "/mixes/0/remote/token").empty());
    session.mixes[0].remote.token = "has space in it";
    CHECK_FALSE (messagesAt (session, "/mixes/0/remote/token").empty());
    session.mixes[0].remote.token = session.remote.engineerToken;
    const auto duplicate = messagesAt (session, "/remote/engineerToken");
    REQUIRE (duplicate.size() == 1);
    CHECK (duplicate[0].find ("/mixes/0/remote/token") != std::string::npos);
}

TEST_CASE ("A remote's allowed controls are gain, pan, mute, master and click, and never the limiter ceiling", "[session][remote]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[0].remote.allow = { "gain", "limiterCeiling" };
    const auto errors = messagesAt (session, "/mixes/0/remote/allow/1");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].find ("\"gain\", \"pan\", \"mute\", \"master\" or \"click\"") != std::string::npos);
}

TEST_CASE ("Performer offsets are bounded and only for sends the mix has", "[session][remote]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.mixes[0].performer.sends["vox"].gainOffsetDb = 24.5;
    CHECK_FALSE (messagesAt (session, "/mixes/0/performer/sends/vox/gainOffsetDb").empty());
    session.mixes[0].performer.sends["vox"].gainOffsetDb = 0.0;
    session.mixes[1].performer.sends["vox"] = { 1.0, 0.0, false };
    CHECK_FALSE (messagesAt (session, "/mixes/1/performer/sends/vox").empty());

    prunePerformerLayers (session);
    CHECK (session.mixes[1].performer.sends.empty());
    CHECK (validateSession (session, "s.json").empty());
}

TEST_CASE ("Listen outputs are one or two channels no mix uses", "[session][listen]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    session.monitor.outputs = { 7, 8 }; // 7 feeds the drummer
    const auto errors = messagesAt (session, "/monitor/outputs/0");
    REQUIRE (errors.size() == 1);
    CHECK (errors[0].find ("/mixes/1/outputs/0") != std::string::npos);
    session.monitor.outputs = { 9, 10, 11 };
    CHECK (messagesAt (session, "/monitor/outputs") == std::vector<std::string> { "must list 0 to 2 channels, got 3" });
}

TEST_CASE ("The remote address must be IPv4 and the two ports distinct", "[session][remote]")
{
    auto session = testdata::sessionWithEveryFieldSet();
    for (const auto* bad : { "localhost", "256.1.1.1", "1.2.3", "1.2.3.4.5", "", "1..2.3" })
    {
        session.remote.address = bad;
        INFO (bad);
        CHECK_FALSE (messagesAt (session, "/remote/address").empty());
    }
    session.remote.address = "0.0.0.0";
    session.remote.oscPort = session.remote.httpPort;
    CHECK_FALSE (messagesAt (session, "/remote/oscPort").empty());
    session.remote.oscPort = 80;
    CHECK_FALSE (messagesAt (session, "/remote/oscPort").empty());
}

TEST_CASE ("What a performer hears is the engineer's value plus their offset, clamped, and the engineer's off stays off", "[session][remote]")
{
    CueMix mix;
    mix.sends["vox"] = { -6.0, 0.5, false };
    mix.sends["gtr"] = { -144.0, 0.0, false };
    mix.masterDb = 6.0;

    setPerformerGain (mix, "vox", 0.0);
    setPerformerPan (mix, "vox", 1.0);
    setPerformerMaster (mix, 12.0);
    CHECK (effectiveSend (mix, "vox").gainDb == 0.0);
    CHECK (effectiveSend (mix, "vox").pan == 1.0);
    CHECK (effectiveMasterDb (mix) == 12.0);

    mix.sends["vox"].gainDb = 6.0; // the engineer rebalances: the performer's +6 stays
    CHECK (mix.performer.sends["vox"].gainOffsetDb == 6.0);
    CHECK (effectiveSend (mix, "vox").gainDb == 12.0);

    setPerformerGain (mix, "gtr", 12.0);
    CHECK (effectiveSend (mix, "gtr").gainDb == -144.0);

    setPerformerMute (mix, "vox", true);
    CHECK (effectiveSend (mix, "vox").mute);
    CHECK_FALSE (mix.sends["vox"].mute);

    setPerformerGain (mix, "nothing", 3.0); // no such send: nothing happens
    CHECK (mix.performer.sends.count ("nothing") == 0);
}
