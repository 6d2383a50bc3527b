#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/MixMatrix.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("The matrix has a cell for every source in every mix, bound to the sends", "[gui]")
{
    ConsoleTestFixture console;
    MixMatrix matrix (console.model);
    matrix.setSize (1200, 700);

    for (const auto& mix : console.document.getSession().mixes)
        for (const auto& source : sourceIdsOf (console.document.getSession()))
            CHECK (matrix.findCell (mix.id, source) != nullptr);

    auto* cell = matrix.findCell ("guitarist", "gtr");
    REQUIRE (cell != nullptr);
    cell->getLevel().setValue (-4.0, juce::sendNotificationSync);
    CHECK (console.send ("guitarist", "gtr").gainDb == Approx (-4.0));

    cell->getMute().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK (console.send ("guitarist", "gtr").mute);

    console.document.undo();
    console.document.undo();
    CHECK (console.send ("guitarist", "gtr").gainDb == 0.0);
    CHECK_FALSE (console.send ("guitarist", "gtr").mute);
    CHECK (cell->getLevel().getValue() == Approx (0.0));
    CHECK_FALSE (cell->getMute().getToggleState());
}

TEST_CASE ("The matrix grows a column when a performer's mix is added", "[gui]")
{
    ConsoleTestFixture console;
    MixMatrix matrix (console.model);
    REQUIRE (matrix.findCell ("drummer", "vox") == nullptr);

    console.model.edit ("Add mix", [] (Session& s)
                        {
                            CueMix drummer;
                            drummer.id = "drummer";
                            drummer.name = "Drummer";
                            drummer.outputs = { 5, 6 };
                            s.mixes.push_back (drummer);
                        });
    matrix.rebuildIfNeeded();
    CHECK (matrix.findCell ("drummer", "vox") != nullptr);
}
