#include "ConsoleTestFixture.h"
#include "Gui/MixView.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("A mix view has one strip per source of the session, named by mix and source", "[gui]")
{
    ConsoleTestFixture console;
    MixView view (console.model, "singer");
    view.setSize (1400, 800);

    const auto sources = sourceIdsOf (console.document.getSession());
    REQUIRE (sources == std::vector<std::string> { "vox", "gtr", "drums", "click", "talkback" });
    CHECK (view.getNumStrips() == static_cast<int> (sources.size()));
    for (const auto& source : sources)
    {
        auto* strip = view.findStrip (source);
        REQUIRE (strip != nullptr);
        CHECK (strip->getComponentID() == juce::String ("strip:singer:" + source));
        CHECK (strip->getWidth() > 0);
    }
    CHECK (view.getComponentID() == "mix:singer");
    CHECK (view.getMasterStrip().getComponentID() == "master:singer");
}

TEST_CASE ("A mix view rebuilds its strips when the session gains or loses a source", "[gui]")
{
    ConsoleTestFixture console;
    MixView view (console.model, "guitarist");
    REQUIRE (view.getNumStrips() == 5);

    console.model.edit ("Add input", [] (Session& s) { s.inputs.push_back ({ "bass", "Bass DI", { 5 } }); });
    view.rebuildIfNeeded();
    CHECK (view.getNumStrips() == 6);
    CHECK (view.findStrip ("bass") != nullptr);

    console.model.edit ("Remove talkback", [] (Session& s)
                        {
                            s.talkback.channels.clear();
                            for (auto& mix : s.mixes)
                                mix.sends.erase ("talkback");
                        });
    view.rebuildIfNeeded();
    CHECK (view.getNumStrips() == 5);
    CHECK (view.findStrip ("talkback") == nullptr);
}

TEST_CASE ("Copying a mix copies its sends and master as one undo step, and keeps the target's ceiling", "[gui]")
{
    ConsoleTestFixture console;
    console.model.editMix ("guitarist", "ceiling", [] (CueMix& m) { m.limiterCeilingDb = -9.0; });

    REQUIRE (console.model.copyMix ("singer", "guitarist"));
    CHECK (console.mix ("guitarist").sends == console.mix ("singer").sends);
    CHECK (console.mix ("guitarist").masterDb == console.mix ("singer").masterDb);
    CHECK (console.mix ("guitarist").limiterCeilingDb == Approx (-9.0));
    CHECK (console.mix ("guitarist").outputs == std::vector<int> { 3, 4 });

    console.document.undo();
    CHECK (console.mix ("guitarist").sends.size() == 1);
    CHECK (console.mix ("guitarist").masterDb == Approx (-2.0));
}

TEST_CASE ("An edit the session cannot hold is refused, reported, and the control springs back", "[gui]")
{
    ConsoleTestFixture console;
    MixView view (console.model, "singer");
    auto* strip = view.findStrip ("vox");
    REQUIRE (strip != nullptr);

    // Outputs shared with another mix are invalid: the edit must change nothing.
    CHECK_FALSE (console.model.editMix ("singer", "Reroute", [] (CueMix& m) { m.outputs = { 3, 4 }; }));
    CHECK (console.mix ("singer").outputs == std::vector<int> { 1, 2 });
    REQUIRE (console.notices.size() == 1);
    CHECK (console.notices[0].contains ("Reroute was not applied"));
    CHECK (strip->getFader().getValue() == Approx (3.0));
}
