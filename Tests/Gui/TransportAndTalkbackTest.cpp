#include "ConsoleTestFixture.h"
#include "Gui/TalkbackPanel.h"
#include "Gui/TransportBar.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("The transport bar plays, stops and shows bars and beats from the engine", "[gui]")
{
    ConsoleTestFixture console;
    TransportBar transport (console.model);
    REQUIRE (transport.getPositionText() == "1|1");

    transport.togglePlayStop();
    for (int i = 0; i < 200; ++i) // 200 x 256 frames at 48 kHz: past beat 2 at 120 BPM
        console.processBlock();
    transport.refreshPosition();
    CHECK (console.engine.getTransport().readRollingForDisplay());
    CHECK (transport.getPositionText() == "1|3");

    transport.togglePlayStop();
    console.processBlock();
    CHECK_FALSE (console.engine.getTransport().readRollingForDisplay());
}

TEST_CASE ("Talkback is momentary unless latched, and its dim is a session setting", "[gui]")
{
    ConsoleTestFixture console;
    TalkbackPanel talkback (console.model);

    talkback.press();
    console.processBlock();
    CHECK (console.engine.readTalkbackForDisplay());
    talkback.release();
    console.processBlock();
    CHECK_FALSE (console.engine.readTalkbackForDisplay());

    // Latched: the release does nothing; the next press switches it off.
    talkback.getLatchButton().setToggleState (true, juce::sendNotificationSync);
    talkback.press();
    talkback.release();
    console.processBlock();
    CHECK (console.engine.readTalkbackForDisplay());
    talkback.press();
    talkback.release();
    console.processBlock();
    CHECK_FALSE (console.engine.readTalkbackForDisplay());

    talkback.getDimSlider().setValue (-30.0, juce::sendNotificationSync);
    CHECK (console.document.getSession().talkback.dimDb == Approx (-30.0));
}

TEST_CASE ("Talkback is disabled when the session has no talkback mic", "[gui]")
{
    auto session = makeConsoleTestSession();
    session.talkback.channels.clear();
    ConsoleTestFixture console (session);
    TalkbackPanel talkback (console.model);

    CHECK_FALSE (talkback.getTalkButton().isEnabled());
    CHECK (talkback.getTalkButton().getTooltip().contains ("no talkback mic"));
    talkback.press();
    console.processBlock();
    CHECK_FALSE (console.engine.readTalkbackForDisplay());
}
