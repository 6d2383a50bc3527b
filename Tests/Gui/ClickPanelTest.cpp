#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/ClickPanel.h"
#include "Gui/TempoMapEditor.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("The click panel edits the click settings and each mix's click", "[gui]")
{
    ConsoleTestFixture console;
    ClickPanel panel (console.model);
    panel.setSize (1300, 800);

    panel.getSubdivisionBox().setText ("triplets", juce::sendNotificationSync);
    CHECK (console.document.getSession().click.subdivision == Subdivision::triplets);
    panel.getSoundBox().setText ("cowbell", juce::sendNotificationSync);
    CHECK (console.document.getSession().click.sound == ClickSound::cowbell);

    auto* singer = panel.findMixRow ("singer");
    REQUIRE (singer != nullptr);
    REQUIRE (singer->getLevel().getValue() == Approx (-12.0));
    singer->getLevel().setValue (-20.0, juce::sendNotificationSync);
    CHECK (console.send ("singer", "click").gainDb == Approx (-20.0));

    console.document.undo();
    CHECK (console.send ("singer", "click").gainDb == Approx (-12.0));
    CHECK (singer->getLevel().getValue() == Approx (-12.0));
    console.document.undo();
    CHECK (console.document.getSession().click.sound == ClickSound::woodblock);
    CHECK (panel.getSoundBox().getText() == "woodblock");
}

TEST_CASE ("The tempo map editor adds and removes changes, and a bad tempo is refused", "[gui]")
{
    ConsoleTestFixture console;
    TempoMapEditor editor (console.model);
    editor.setSize (500, 400);
    REQUIRE (editor.getNumRows() == 1);

    CHECK_FALSE (editor.getRemoveButton (0)->isEnabled()); // the map always starts at bar 1
    editor.getAddButton().triggerClick();
    foldback::test::runMessageLoopFor (50);
    editor.rebuildIfNeeded();
    REQUIRE (console.document.getSession().click.tempoMap.size() == 2);
    CHECK (console.document.getSession().click.tempoMap[1].bar == 5);
    CHECK (editor.getNumRows() == 2);

    juce::Label* bpm = nullptr;
    for (auto* child : editor.getChildren())
        if (child->getName() == "bpm:1")
            bpm = dynamic_cast<juce::Label*> (child);
    REQUIRE (bpm != nullptr);

    bpm->setText ("96.5", juce::sendNotificationSync);
    CHECK (console.document.getSession().click.tempoMap[1].bpm == Approx (96.5));

    bpm->setText ("1000", juce::sendNotificationSync);
    CHECK (console.document.getSession().click.tempoMap[1].bpm == Approx (96.5));
    CHECK (bpm->getText() == "96.50");
    CHECK (console.notices.size() == 1);

    editor.getRemoveButton (1)->triggerClick();
    foldback::test::runMessageLoopFor (50);
    editor.rebuildIfNeeded();
    CHECK (console.document.getSession().click.tempoMap.size() == 1);
    CHECK (editor.getNumRows() == 1);
}
