#include "ConsoleTestFixture.h"
#include "Support/LargeSession.h"

#include "Gui/MainComponent.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
/** 64 inputs, 16 mixes and 16 (offline) backing tracks, every mix sending the click. */
Session bigRig()
{
    auto session = makeLargeSession (64, 16);
    for (int t = 1; t <= 16; ++t)
        session.tracks.push_back ({ "t" + std::to_string (t), "Track " + std::to_string (t), "missing-" + std::to_string (t) + ".wav" });
    for (auto& mix : session.mixes)
        mix.sends["click"] = {};
    return session;
}

int pageIndex (const MainComponent& main, const juce::String& title)
{
    for (int i = 0; i < main.getNumPages(); ++i)
        if (main.getPageTitle (i) == title)
            return i;
    return -1;
}
} // namespace

TEST_CASE ("With 16 mixes at 1280x720 the side bar keeps every page button whole and scrolls the performers", "[gui][layout]")
{
    ConsoleTestFixture console (bigRig());
    MainComponent main (console.model, nullptr);
    main.setSize (1280, 720);

    for (const auto* title : { "Matrix", "Click", "Tracks", "Devices", "Remotes", "Setup" })
    {
        const int index = pageIndex (main, title);
        REQUIRE (index >= 0);
        INFO (title);
        CHECK (main.getPageButton (index).getHeight() >= 40);
        CHECK (main.getPageButton (index).getBottom() <= main.getHeight() - 32); // above the status bar
    }

    auto& scroller = main.getMixButtonScroller();
    CHECK (scroller.getHeight() > 100);
    CHECK (scroller.getViewedComponent()->getHeight() > scroller.getHeight()); // 16 do not fit: they scroll
    for (int i = 0; i < 16; ++i)
        CHECK (main.getPageButton (i).getHeight() >= 34);

    // The last performer is reachable.
    scroller.setViewPosition (0, scroller.getViewedComponent()->getHeight());
    const auto last = main.getPageButton (15).getBoundsInParent();
    CHECK (scroller.getViewArea().contains (last));
    CHECK (main.getSoloPanel().getHeight() >= 40);
}

TEST_CASE ("The tracks and click pages scroll to their last rows at 1280x720", "[gui][layout]")
{
    ConsoleTestFixture console (bigRig());
    MainComponent main (console.model, nullptr);
    main.setSize (1280, 720);
    main.rebuildIfNeeded();

    const int tracks = pageIndex (main, "Tracks");
    const int click = pageIndex (main, "Click");
    REQUIRE (main.getPageScroller (tracks) != nullptr);
    REQUIRE (main.getPageScroller (click) != nullptr);

    auto& tracksPanel = dynamic_cast<TracksPanel&> (main.getPage (tracks));
    auto* lastTrack = tracksPanel.findRow ("t16");
    REQUIRE (lastTrack != nullptr);
    CHECK (lastTrack->getBottom() <= tracksPanel.getHeight());
    CHECK (tracksPanel.getHeight() > main.getPageScroller (tracks)->getHeight());

    auto& clickPanel = dynamic_cast<ClickPanel&> (main.getPage (click));
    auto* lastMix = clickPanel.findMixRow ("m16");
    REQUIRE (lastMix != nullptr);
    CHECK (lastMix->getBottom() <= clickPanel.getHeight());
    CHECK (clickPanel.getHeight() > main.getPageScroller (click)->getHeight());
}

TEST_CASE ("At 1280 wide every transport figure has room for its text on one line", "[gui][layout]")
{
    ConsoleTestFixture console;
    console.document.edit ("tempo", [] (Session& s)
                           { s.click.tempoMap[0].bpm = 124.5; });
    MainComponent main (console.model, nullptr);
    main.setSize (1280, 720);
    auto& transport = main.getTransportBar();
    transport.refreshPosition();

    const auto figures = transport.getFigures();
    for (std::size_t i = 0; i < figures.size(); ++i)
    {
        const auto* label = figures[i];
        INFO (label->getText());
        const auto font = label->getFont();
        // Fits on one line at the squeeze the label allows, so it is never wrapped or cut.
        CHECK (label->getWidth() * 1.0f >= 0.75f * font.getStringWidthFloat (label->getText()) + 4.0f);
        for (std::size_t j = i + 1; j < figures.size(); ++j)
            CHECK_FALSE (label->getBounds().intersects (figures[j]->getBounds()));
    }
}
