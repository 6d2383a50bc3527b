#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/ChannelStrip.h"
#include "Gui/SoloPanel.h"
#include "Gui/FoldbackLookAndFeel.h"
#include "Gui/MixMasterStrip.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("A channel strip's fader sets the send's gain, and undo puts it back", "[gui]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "singer", "vox");
    REQUIRE (strip.getComponentID() == "strip:singer:vox");
    REQUIRE (strip.getFader().getValue() == Approx (3.0));

    strip.getFader().setValue (-6.5, juce::sendNotificationSync);
    CHECK (console.send ("singer", "vox").gainDb == Approx (-6.5));
    CHECK (console.send ("guitarist", "gtr").gainDb == 0.0); // no other send moved

    console.document.undo();
    CHECK (console.send ("singer", "vox").gainDb == Approx (3.0));
    CHECK (strip.getFader().getValue() == Approx (3.0)); // and the fader followed

    console.document.redo();
    CHECK (console.send ("singer", "vox").gainDb == Approx (-6.5));
    CHECK (strip.getFader().getValue() == Approx (-6.5));
}

TEST_CASE ("A fader drag undoes in one step", "[gui]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "singer", "gtr");

    for (double db : { -7.0, -6.0, -5.0, -4.0, -3.0 })
        strip.getFader().setValue (db, juce::sendNotificationSync);
    CHECK (console.send ("singer", "gtr").gainDb == Approx (-3.0));

    console.document.undo();
    CHECK (console.send ("singer", "gtr").gainDb == Approx (-8.0));
    CHECK_FALSE (console.document.canUndo());
}

TEST_CASE ("Pan and mute edit the send and light from the session", "[gui]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "singer", "gtr");
    REQUIRE (strip.getPanKnob().getValue() == Approx (-0.4));

    strip.getPanKnob().setValue (0.25, juce::sendNotificationSync);
    CHECK (console.send ("singer", "gtr").pan == Approx (0.25));

    strip.getMuteButton().triggerClick();
    foldback::test::runMessageLoopFor (50); // triggerClick posts
    CHECK (console.send ("singer", "gtr").mute);
    CHECK (strip.getMuteButton().getToggleState());

    console.document.undo();
    CHECK_FALSE (console.send ("singer", "gtr").mute);
    CHECK_FALSE (strip.getMuteButton().getToggleState());
}

TEST_CASE ("Solo on a strip is the engineer's: it lights on every mix and edits no send", "[gui][solo]")
{
    ConsoleTestFixture console;
    ChannelStrip singers (console.model, "singer", "gtr");
    ChannelStrip guitarists (console.model, "guitarist", "gtr");
    const auto before = console.document.getSession();

    singers.getSoloButton().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK (console.model.isSoloed ("gtr"));
    CHECK (singers.getSoloButton().getToggleState());
    CHECK (guitarists.getSoloButton().getToggleState());
    CHECK (console.document.getSession() == before);
    CHECK_FALSE (console.document.canUndo());

    guitarists.getSoloButton().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK_FALSE (console.model.isSoloed ("gtr"));
    CHECK_FALSE (singers.getSoloButton().getToggleState());
}

TEST_CASE ("A strip follows an edit made elsewhere, such as a performer's remote", "[gui]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "guitarist", "gtr");

    console.document.edit ("Remote level", [] (Session& s) { s.mixes[1].sends["gtr"].gainDb = -12.0; },
                           EditOrigin { "guitarist's phone" });
    CHECK (strip.getFader().getValue() == Approx (-12.0));
}

TEST_CASE ("Touching the fader of a source the mix does not take creates the send", "[gui]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "guitarist", "vox");
    REQUIRE (console.mix ("guitarist").sends.count ("vox") == 0);
    CHECK (strip.getFader().getValue() == Approx (-144.0));

    strip.getFader().setValue (-10.0, juce::sendNotificationSync);
    REQUIRE (console.mix ("guitarist").sends.count ("vox") == 1);
    CHECK (console.send ("guitarist", "vox").gainDb == Approx (-10.0));

    console.document.undo();
    CHECK (console.mix ("guitarist").sends.count ("vox") == 0);
}

TEST_CASE ("The master section sets the mix's master and limiter ceiling", "[gui]")
{
    ConsoleTestFixture console;
    MixMasterStrip master (console.model, "guitarist");
    REQUIRE (master.getMasterFader().getValue() == Approx (-2.0));

    master.getMasterFader().setValue (1.5, juce::sendNotificationSync);
    master.getCeilingKnob().setValue (-6.0, juce::sendNotificationSync);
    CHECK (console.mix ("guitarist").masterDb == Approx (1.5));
    CHECK (console.mix ("guitarist").limiterCeilingDb == Approx (-6.0));
    CHECK (console.mix ("singer").limiterCeilingDb == Approx (-1.0));

    console.document.undo();
    CHECK (console.mix ("guitarist").limiterCeilingDb == Approx (-1.0));
    CHECK (master.getCeilingKnob().getValue() == Approx (-1.0));
}

TEST_CASE ("The solo indicator lights while anything is soloed and one click clears every solo", "[gui][solo]")
{
    ConsoleTestFixture console;
    SoloPanel panel (console.model);
    CHECK_FALSE (panel.getClearButton().getToggleState());
    CHECK_FALSE (panel.getClearButton().isEnabled());

    console.model.setSolo ("gtr", true, "singer");
    console.model.setSolo ("vox", true, "guitarist");
    CHECK (panel.getClearButton().getToggleState());
    CHECK (panel.getClearButton().getButtonText().contains ("2"));

    panel.getClearButton().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK_FALSE (console.model.isSoloed ("gtr"));
    CHECK_FALSE (console.model.isSoloed ("vox"));
    CHECK_FALSE (panel.getClearButton().getToggleState());

    CHECK (panel.getModeButton().getButtonText() == "PFL");
    panel.getModeButton().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK (console.model.getSolo().mode == ListenSolo::Mode::afl);
    CHECK (panel.getModeButton().getButtonText() == "AFL");
}

TEST_CASE ("The master fader shows the master the performer hears and keeps their offset when moved", "[gui][heard]")
{
    ConsoleTestFixture console;
    MixMasterStrip master (console.model, "singer");
    const double engineer = console.mix ("singer").masterDb;

    console.document.edit ("singer: master", [] (Session& s) { s.mixes[0].performer.masterOffsetDb = -6.0; },
                           EditOrigin { "singer (web 10.0.0.7)" });
    CHECK (master.getMasterFader().getValue() == Approx (engineer - 6.0));
    CHECK (static_cast<double> (master.getMasterFader().getProperties()[FoldbackLookAndFeel::secondMarkerProperty]) == engineer);

    master.getMasterFader().setValue (-10.0, juce::sendNotificationSync);
    CHECK (console.mix ("singer").masterDb == Approx (-4.0));
    CHECK (console.mix ("singer").performer.masterOffsetDb == -6.0);
}
