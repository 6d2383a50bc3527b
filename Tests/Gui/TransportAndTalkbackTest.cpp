#include "ConsoleTestFixture.h"
#include "Gui/TalkbackPanel.h"
#include "Gui/TransportBar.h"
#include "Remote/RemoteStateJson.h"

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

TEST_CASE ("During the count-in the position counts down to the song and the performer's meters carry it", "[gui][countin]")
{
    Session session = makeConsoleTestSession();
    session.click.countInBars = 2;
    session.click.tempoMap = { { 1, 120.0, 4, 4 } }; // a beat is 24000 samples, the count-in 192000
    ConsoleTestFixture console (session);
    TransportBar transport (console.model);

    transport.togglePlayStop();
    console.processBlock (240);
    transport.refreshPosition();
    CHECK (console.engine.getTransport().readCountingInForDisplay());
    CHECK (transport.getPositionText() == "-2|1");
    const auto meters = metersJson ({}, 0.0f, 0.0f, { true, console.player.readCountInForDisplay().bar,
                                                      console.player.readCountInForDisplay().beat });
    CHECK (meters.find ("\"countIn\":{\"bar\":-2,\"beat\":1}") != std::string::npos);

    for (int i = 0; i < 100; ++i) // to 24240: the second beat
        console.processBlock (240);
    transport.refreshPosition();
    CHECK (transport.getPositionText() == "-2|2");

    for (int i = 0; i < 400; ++i) // to 120240: bar -1, beat 2
        console.processBlock (240);
    transport.refreshPosition();
    CHECK (transport.getPositionText() == "-1|2");
    CHECK (console.player.readCountInForDisplay().samplesLeft == 192000 - 120240);

    for (int i = 0; i < 300; ++i) // past 192000: the song rolls from bar 1
        console.processBlock (240);
    transport.refreshPosition();
    CHECK_FALSE (console.player.readCountInForDisplay().active);
    CHECK (transport.getPositionText() == "1|1");
    CHECK (metersJson ({}, 0.0f, 0.0f).find ("countIn") == std::string::npos);
}
