#include "Session/SessionValidation.h"
#include "Session/StarterSession.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace foldback;

TEST_CASE ("Session New for four performers makes a valid session in which each hears their own mic, the click and talkback", "[session][new]")
{
    AudioSettings device;
    device.sampleRate = 44100.0;
    const auto session = makeStarterSession (parsePerformerNames ("Singer, Lead guitar,\n Bass ,, Drums"), device);

    CHECK (validateSession (session, "new.json").empty());
    CHECK (session.audio.sampleRate == 44100.0);
    REQUIRE (session.mixes.size() == 4);
    REQUIRE (session.inputs.size() == 4);
    CHECK (session.talkback.channels == std::vector<int> { 5 });

    const std::vector<std::string> names { "Singer", "Lead guitar", "Bass", "Drums" };
    for (std::size_t k = 0; k < names.size(); ++k)
    {
        const auto& mix = session.mixes[k];
        const auto& mic = session.inputs[k];
        INFO (mix.id);
        CHECK (mix.name == names[k]);
        CHECK (mic.name == names[k] + " mic");
        CHECK (mic.channels == std::vector<int> { static_cast<int> (k) + 1 });
        CHECK (mix.outputs == std::vector<int> { 2 * static_cast<int> (k) + 1, 2 * static_cast<int> (k) + 2 });
        REQUIRE (mix.sends.size() == 3); // nobody else's mic until the engineer raises it
        CHECK (mix.sends.at (mic.id).gainDb == 0.0);
        CHECK (mix.sends.at ("click").gainDb == -12.0);
        CHECK (mix.sends.at ("talkback").gainDb == 0.0);
    }
    CHECK (session.mixes[1].id == "Lead-guitar");
    CHECK (session.inputs[1].id == "Lead-guitar-mic");
}

TEST_CASE ("Session New makes ids that never collide, whatever the names", "[session][new]")
{
    const auto session = makeStarterSession ({ "Vox", "Vox", "vox-mic", "click", "???" }, {});
    CHECK (validateSession (session, "new.json").empty());
    std::vector<std::string> ids;
    for (const auto& mix : session.mixes)
        ids.push_back (mix.id);
    for (const auto& input : session.inputs)
        ids.push_back (input.id);
    std::sort (ids.begin(), ids.end());
    CHECK (std::adjacent_find (ids.begin(), ids.end()) == ids.end());
    CHECK (session.mixes[3].name == "click");
    CHECK (session.mixes[3].id != "click");

    // No names: one performer, never an empty session.
    const auto one = makeStarterSession (parsePerformerNames (" , \n"), {});
    REQUIRE (one.mixes.size() == 1);
    CHECK (one.mixes[0].name == "Performer 1");
    CHECK (validateSession (one, "new.json").empty());

    CHECK (parsePerformerNames (std::string (200, ',') + "a").size() == 1);
}
