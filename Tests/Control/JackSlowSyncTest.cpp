#include "Support/MessageLoop.h"
#include "Support/OpenJackDevice.h"
#include "Audio/AudioDeviceHost.h"
#include "Audio/AudioFileIO.h"
#include "Audio/EngineDeviceCallback.h"
#include "Audio/JackAudioDevice.h"
#include "Control/SessionPlayer.h"
#include "EndToEnd/Support/JackDummyServer.h"
#include "EndToEnd/Support/TempDirectory.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

using namespace foldback;
using namespace foldback::test;

namespace
{
    /** A client of the test's own that moves the JACK transport, as a DAW's transport bar. */
    struct TransportRemote
    {
        explicit TransportRemote (const std::string& server)
        {
            jack_status_t status {};
            client = jack_client_open ("remote", static_cast<jack_options_t> (JackNoStartServer | JackServerName), &status, server.c_str());
            REQUIRE (client != nullptr);
            REQUIRE (jack_activate (client) == 0);
        }
        ~TransportRemote() { jack_deactivate (client); jack_client_close (client); }

        jack_transport_state_t state() const { return jack_transport_query (client, nullptr); }

        jack_client_t* client = nullptr;
    };
}

TEST_CASE ("Under JACK sync a roll after a locate waits until the backing track's ring is filled there: zero underruns from a slow disk",
           "[jack][transport][streaming]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    // A minute of a steady tone, so every frame played counts.
    AudioData tone;
    tone.sampleRate = 48000.0;
    tone.channels = { std::vector<float> (48000 * 60, 0.25f) };
    writeFloatWav (directory.file ("tone.wav"), tone);

    Session session;
    session.tracks = { { "tone", "Tone", "tone.wav", 0.0, 0.0 } };
    CueMix mix;
    mix.id = "singer";
    mix.outputs = { 1, 2 };
    mix.sends["tone"] = {};
    session.mixes = { mix };

    AudioDeviceHost host;
    const auto [opened, jack] = openJackDevice (host, server.name(), session);

    Engine engine;
    engine.prepare (opened.sampleRate);
    SessionPlayer player (engine);
    // 30 ms per 4096-frame block: the disk keeps up with a roll (85 ms of audio per block)
    // but needs about 0.7 s to fill half a ring after a locate, far longer than JACK takes
    // to start rolling (two cycles, 11 ms) if nobody holds it back.
    player.setDiskReadDelayForTesting (std::chrono::milliseconds (30));
    player.setSession (session, directory.path);

    JackTransportLink link (engine);
    jack->setTransportLink (&link);
    player.setExternalTransport ({ [jack] { jack->requestTransportStart(); }, [jack] { jack->requestTransportStop(); },
                                   [jack, &link] (std::int64_t at) { jack->requestTransportLocate (link.frameOf (at)); } });
    EngineDeviceCallback callback (engine);
    host.start (callback);
    TransportRemote remote (server.name());

    for (const double seconds : { 40.0, 7.5, 52.25 })
    {
        INFO ("locate to " << seconds << " s");
        player.locate (static_cast<std::int64_t> (seconds * 48000.0));
        player.play();
        REQUIRE (runMessageLoopUntil ([&] { return remote.state() == JackTransportRolling; }, 20000.0));
        foldback::test::runMessageLoopFor (500);
        player.stop();
        REQUIRE (runMessageLoopUntil ([&] { return remote.state() == JackTransportStopped; }, 5000.0));
        CHECK (engine.getTransport().readPositionForDisplay() > static_cast<std::int64_t> (seconds * 48000.0));
        CHECK (player.getUnderrunCount() == 0);
    }

    host.close();
    player.reclaim();
}
