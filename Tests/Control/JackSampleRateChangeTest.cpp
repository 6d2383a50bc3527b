#include "Support/MessageLoop.h"
#include "Support/OpenJackDevice.h"
#include "Audio/AudioDeviceHost.h"
#include "Audio/EngineDeviceCallback.h"
#include "Audio/JackAudioDevice.h"
#include "Control/SessionPlayer.h"
#include "EndToEnd/Support/JackDummyServer.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

using namespace foldback;
using namespace foldback::test;

// jackd cannot change its rate while running (PipeWire's JACK layer can), so the test plays
// the server's part of the notification; everything after it is the real device on a real
// server: the engine is re-prepared off the process thread and the callback goes on.
TEST_CASE ("A live sample-rate change of the JACK server re-prepares the engine at the new rate and keeps it playing from where it was",
           "[jack][device][rate]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    Session session;
    CueMix mix;
    mix.id = "singer";
    mix.outputs = { 1, 2 };
    session.mixes = { mix };

    AudioDeviceHost host;
    const auto [opened, jack] = openJackDevice (host, server.name(), session);

    Engine engine;
    engine.prepare (opened.sampleRate);
    SessionPlayer player (engine);
    player.setSession (session, directory.path);

    EngineDeviceCallback callback (engine);
    int preparesSeen = 0;
    callback.onAboutToStart = [&] (double rate, int)     // what LiveAudio and LiveRig do
    {
        ++preparesSeen;
        if (rate != engine.getSampleRate())
            engine.prepare (rate);
    };
    host.start (callback);
    REQUIRE (preparesSeen == 1);

    player.play();
    REQUIRE (runMessageLoopUntil ([&] { return engine.getTransport().readPositionForDisplay() > 24000; }, 20000.0));
    const double secondsBefore = static_cast<double> (engine.getTransport().readPositionForDisplay()) / 48000.0;

    jack->serverSampleRateChanged (96000);
    REQUIRE (runMessageLoopUntil ([&] { return jack->getSampleRateChangeCount() == 1; }, 5000.0));
    CHECK (preparesSeen == 2);
    CHECK (engine.getSampleRate() == 96000.0);
    CHECK (jack->getCurrentSampleRate() == 96000.0);

    // The play head was rescaled, not restarted, and the process thread renders again.
    const auto positionAfter = engine.getTransport().readPositionForDisplay();
    CHECK (static_cast<double> (positionAfter) / 96000.0 >= secondsBefore);
    REQUIRE (runMessageLoopUntil ([&] { return engine.getTransport().readPositionForDisplay() > positionAfter + 4800; }, 20000.0));

    // The same rate again is no change.
    jack->serverSampleRateChanged (96000);
    foldback::test::runMessageLoopFor (300);
    CHECK (jack->getSampleRateChangeCount() == 1);
    CHECK (preparesSeen == 2);

    host.close();
    player.reclaim();
}
