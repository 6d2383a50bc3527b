// The console at scale: narrow strips, fader scales, stereo meters, the one meter clock
// (hidden pages read nothing), shortened names, and the matrix showing what is heard.
#include "ConsoleTestFixture.h"
#include "Support/LargeSession.h"
#include "Support/MessageLoop.h"

#include "Gui/ChannelStrip.h"
#include "Gui/FaderScale.h"
#include "Gui/FoldbackLookAndFeel.h"
#include "Gui/GainFaderLaw.h"
#include "Gui/MainComponent.h"
#include "Gui/MatrixCell.h"
#include "Gui/MixMasterStrip.h"
#include "Gui/MixView.h"
#include "Gui/ShortName.h"

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using namespace foldback;
using namespace foldback::test;

namespace
{
    int pageIndex (const MainComponent& main, const juce::String& title)
    {
        for (int i = 0; i < main.getNumPages(); ++i)
            if (main.getPageTitle (i) == title)
                return i;
        return -1;
    }

    /** Strips of the view whose whole bounds lie inside the strip viewport's visible area. */
    int fullyVisibleStrips (MixView& view, const std::vector<std::string>& sources)
    {
        const auto visible = view.getStripViewport().getViewArea();
        int count = 0;
        for (const auto& id : sources)
            if (auto* strip = view.findStrip (id); strip != nullptr && visible.contains (strip->getBoundsInParent()))
                ++count;
        return count;
    }
}

TEST_CASE ("At 1600 px wide narrow strips show at least 24 whole strips, wide ones fewer than 12", "[gui][layout][narrow]")
{
    ConsoleTestFixture console (makeLargeSession (64, 16));
    MainComponent main (console.model, nullptr);
    main.setSize (1600, 900);
    auto* view = main.findMixView ("m1");
    REQUIRE (view != nullptr);

    std::vector<std::string> sources;
    for (int i = 1; i <= 64; ++i)
        sources.push_back ("in" + std::to_string (i));

    CHECK (fullyVisibleStrips (*view, sources) < 12);

    view->getNarrowButton().triggerClick();
    runMessageLoopFor (50); // triggerClick posts
    REQUIRE (console.model.getNarrowStrips());
    CHECK (view->getNarrowButton().getToggleState());
    CHECK (fullyVisibleStrips (*view, sources) >= 24);

    // Every mix page follows the one switch.
    auto* other = main.findMixView ("m16");
    REQUIRE (other != nullptr);
    other->setBounds (view->getBounds());
    CHECK (other->findStrip ("in1")->isNarrow());
    CHECK (fullyVisibleStrips (*other, sources) >= 24);

    // A narrow strip keeps name, fader, meter and mute, each with room to work.
    auto* strip = view->findStrip ("in12");
    REQUIRE (strip != nullptr);
    CHECK (strip->getMuteButton().isVisible());
    CHECK (strip->getMuteButton().getWidth() >= 30);
    CHECK (strip->getFader().getHeight() > 300);
    CHECK (strip->getMeter().getWidth() >= 8);
    CHECK (strip->getShownName().length() <= ChannelStrip::narrowNameChars);
    CHECK (strip->getNameTooltip().startsWith ("Input 12"));
    CHECK_FALSE (strip->getPanKnob().isVisible());

    console.model.setNarrowStrips (false);
    CHECK_FALSE (strip->isNarrow());
    CHECK (fullyVisibleStrips (*view, sources) < 12);
}

TEST_CASE ("Short names keep a trailing number, fit the room and leave short names alone", "[gui][narrow]")
{
    CHECK (shortName ("Kick", 5) == "Kick");
    CHECK (shortName ("Electric guitar 1", 5) != shortName ("Electric guitar 2", 5));
    CHECK (shortName ("Electric guitar 2", 5).endsWith ("2"));
    CHECK (shortName ("Overhead L", 5).endsWith ("L"));
    CHECK (shortName ("Backing vocal 12", 5).endsWith ("12"));
    for (const auto* name : { "Electric guitar 1", "Acoustic guitar", "Backing vocal 3", "Talkback", "Snare bottom", "Input 64" })
    {
        INFO (name);
        CHECK (shortName (name, 5).length() <= 5);
        CHECK (shortName (name, 5).isNotEmpty());
        CHECK (shortName (name, 5)[0] == juce::String (name)[0]); // it still starts as the name does
    }
    CHECK (shortName ("Acoustic guitar", 5) == "AcGtr");
    CHECK (shortName ("Talkback", 5) == "Tlkbc");
    CHECK (shortName ("Overhead L", 5) == "OvrhL");
    CHECK (shortName ("Input 19", 4) == "In19");

    // 64 numbered inputs stay 64 different names at a narrow strip's four characters.
    std::set<juce::String> names;
    for (int i = 1; i <= 64; ++i)
        names.insert (shortName ("Input " + juce::String (i), ChannelStrip::narrowNameChars));
    CHECK (names.size() == 64);
}

TEST_CASE ("The fader scale's ticks sit exactly where the fader law puts those levels", "[gui][scale]")
{
    ConsoleTestFixture console;
    ChannelStrip strip (console.model, "singer", "vox");
    strip.setSize (ChannelStrip::preferredWidth, 620);

    auto& fader = strip.getFader();
    auto& scale = strip.getFaderScale();
    REQUIRE (scale.getParentComponent() == fader.getParentComponent());
    REQUIRE (scale.getRight() <= fader.getX()); // beside the fader, not over it

    // The fader's travel in the strip's coordinates: the cap's centre at the bottom and the top.
    const double bottom = fader.getY() + fader.getPositionOfValue (sessionLimits::minGainDb);
    const double top = fader.getY() + fader.getPositionOfValue (sessionLimits::maxGainDb);
    REQUIRE (bottom - top > 300.0);

    const auto ticks = scale.getTicks();
    REQUIRE (ticks.size() == FaderScale::tickValues().size());
    for (const auto& tick : ticks)
    {
        INFO (tick.db << " dB");
        const double y = scale.getY() + tick.y;
        CHECK ((bottom - y) / (bottom - top) == Approx (gainFaderLaw::dbToPosition (tick.db)).margin (1.0e-6));
    }

    // Labels: 0 dB always, none overlapping, and the top and bottom of the law named.
    std::vector<FaderScale::Tick> labelled;
    for (const auto& tick : ticks)
        if (tick.label.isNotEmpty())
            labelled.push_back (tick);
    REQUIRE (labelled.size() >= 6);
    CHECK (std::any_of (labelled.begin(), labelled.end(), [] (const auto& t) { return t.db == 0.0 && t.label == "0"; }));
    CHECK (labelled.front().label == "+12");
    CHECK (labelled.back().label == "-inf");
    for (std::size_t i = 1; i < labelled.size(); ++i)
        CHECK (labelled[i].y - labelled[i - 1].y >= fontSizes::scale);

    // The master fader has the same scale.
    MixMasterStrip master (console.model, "singer");
    master.setSize (MixMasterStrip::preferredWidth, 620);
    auto& masterFader = master.getMasterFader();
    for (const auto& tick : master.getFaderScale().getTicks())
        CHECK (master.getFaderScale().getY() + tick.y
               == Approx (masterFader.getY() + masterFader.getPositionOfValue (tick.db)).margin (1.0e-3));
}

TEST_CASE ("A stereo mix's meter shows left and right apart, a mono source one column", "[gui][meters]")
{
    auto session = makeConsoleTestSession();
    session.mixes[0].sends["vox"].pan = -1.0; // the singer hears the vocal only on the left
    ConsoleTestFixture console (session);
    MixMasterStrip master (console.model, "singer");
    master.setSize (MixMasterStrip::preferredWidth, 600);
    ChannelStrip vox (console.model, "singer", "vox");
    vox.setSize (ChannelStrip::preferredWidth, 600);

    for (int i = 0; i < 40; ++i)
        console.processBlock (256, 0.5f);
    auto& meter = master.getOutputMeter();
    meter.refresh();
    vox.getMeter().refresh();

    CHECK (meter.getNumColumns() == 2);
    // Left: the vocal at -6 dBFS (plus the guitar and click); right: no vocal, so well below.
    CHECK (meter.getChannelPeakHoldDb (0) > meter.getChannelPeakHoldDb (1) + 3.0f);
    CHECK (vox.getMeter().getNumColumns() == 1);
    CHECK (vox.getMeter().getPeakHoldDb() == Approx (-6.02).margin (0.1));
}

TEST_CASE ("The meter clock reads one snapshot a frame and refreshes only meters on the page shown", "[gui][meters][cost]")
{
    ConsoleTestFixture console (makeLargeSession (64, 16));
    MainComponent main (console.model, nullptr);
    main.setSize (1600, 900);
    main.setVisible (true);

    auto& clock = console.model.getMeterClock();
    main.showPage (0);
    clock.tick();
    // One mix page: its strips' meters (64 inputs and the click), its master meter and its
    // limiter meter.
    const int strips = main.findMixView ("m1")->getNumStrips();
    REQUIRE (strips == 65);
    CHECK (clock.getNumRefreshedLastFrame() == strips + 2);

    main.showPage (pageIndex (main, "Devices"));
    clock.tick();
    CHECK (clock.getNumRefreshedLastFrame() == 0); // 16 hidden mix pages and the matrix: nothing

    main.showPage (pageIndex (main, "Matrix"));
    clock.tick();
    CHECK (clock.getNumRefreshedLastFrame() == strips); // the matrix's row meters

    main.setVisible (false);
    clock.tick();
    CHECK (clock.getNumRefreshedLastFrame() == 0);
}

TEST_CASE ("A meter asks for a repaint only when what it shows moved by a pixel", "[gui][meters][cost]")
{
    ConsoleTestFixture console;
    LevelMeterComponent meter;
    meter.setSize (20, 300);
    meter.setReader ([&console] { return console.model.readSourceMeter ("vox"); }, nullptr);
    const int atStart = meter.getNumRepaintsAsked();

    meter.refresh(); // silence again: nothing moved
    CHECK (meter.getNumRepaintsAsked() == atStart);

    console.processBlock (256, 0.5f);
    meter.refresh();
    CHECK (meter.getNumRepaintsAsked() == atStart + 1);
    meter.refresh(); // the same level
    CHECK (meter.getNumRepaintsAsked() == atStart + 1);

    // A peak jumping from -6 to -1 dBFS, and the RMS moving a little, repaint the rows
    // that changed, not the whole 300 px meter.
    console.processBlock (256, 0.9f);
    meter.refresh();
    CHECK (meter.getNumRepaintsAsked() == atStart + 2);
    int rows = 0;
    for (const auto& area : meter.getLastRepaintArea())
        rows += area.getHeight();
    CHECK (rows < 80);
    CHECK (meter.getLastRepaintArea().getBounds().getY() > 0);
}

TEST_CASE ("A matrix cell shows what the performer hears, with the engineer's send as a marker", "[gui][heard]")
{
    ConsoleTestFixture console;
    MatrixCell cell (console.model, "singer", "vox");
    cell.setSize (140, 44);
    CHECK (cell.getLevelText() == "+3.0");
    CHECK_FALSE (cell.showsEngineerMarker());

    console.document.edit ("singer: vox", [] (Session& s) { s.mixes[0].performer.sends["vox"].gainOffsetDb = -9.0; },
                           EditOrigin { "singer (web 10.0.0.7)" });
    cell.refreshFromSession(); // as the matrix does on every session change
    CHECK (cell.getLevelText() == "-6.0");
    CHECK (cell.showsEngineerMarker());
    CHECK (cell.getTooltip().contains ("your send is +3.0"));

    // Dragging sets what they hear; their offset is kept.
    cell.getLevel().setValue (-12.0, juce::sendNotificationSync);
    cell.refreshFromSession();
    CHECK (console.send ("singer", "vox").gainDb == Approx (-3.0));
    CHECK (console.mix ("singer").performer.sends.at ("vox").gainOffsetDb == -9.0);

    console.document.edit ("singer: vox mute", [] (Session& s) { s.mixes[0].performer.sends["vox"].mute = true; },
                           EditOrigin { "singer (web 10.0.0.7)" });
    cell.refreshFromSession();
    CHECK (cell.getLevelText() == "P MUTE");
    CHECK_FALSE (cell.getMute().getToggleState()); // the engineer's own mute is not on
}

TEST_CASE ("A wide strip cuts a long name in the middle so its trailing number stays", "[gui][narrow]")
{
    auto session = makeConsoleTestSession();
    session.inputs.push_back ({ "eg1", "Electric guitar with fuzz 1", { 4 } });
    session.inputs.push_back ({ "eg2", "Electric guitar with fuzz 2", { 5 } });
    ConsoleTestFixture console (session);
    ChannelStrip one (console.model, "singer", "eg1"), two (console.model, "singer", "eg2");
    one.setSize (ChannelStrip::preferredWidth, 600);
    two.setSize (ChannelStrip::preferredWidth, 600);

    CHECK (one.getShownName().endsWith ("... 1"));
    CHECK (two.getShownName().endsWith ("... 2"));
    CHECK (one.getShownName().startsWith ("Elec"));
    CHECK (one.getNameTooltip().startsWith ("Electric guitar with fuzz 1"));

    // A name that fits is left whole.
    ChannelStrip vox (console.model, "singer", "vox");
    vox.setSize (ChannelStrip::preferredWidth, 600);
    CHECK (vox.getShownName() == "Lead vocal");
}

TEST_CASE ("No label on any page of a 64 x 16 console is drawn smaller than the console's least text size", "[gui][legibility]")
{
    ConsoleTestFixture console (makeLargeSession (64, 16));
    MainComponent main (console.model, nullptr);
    main.setSize (1280, 720);

    std::function<void (juce::Component&)> visit = [&] (juce::Component& component)
    {
        if (auto* label = dynamic_cast<juce::Label*> (&component); label != nullptr && label->getText().isNotEmpty())
        {
            INFO (label->getText() << " in " << (label->getParentComponent() != nullptr ? label->getParentComponent()->getComponentID() : juce::String()));
            CHECK (label->getFont().getHeight() >= fontSizes::scale);
        }
        for (auto* child : component.getChildren())
            visit (*child);
    };
    for (const bool narrow : { false, true })
    {
        console.model.setNarrowStrips (narrow);
        visit (main);
    }
}
