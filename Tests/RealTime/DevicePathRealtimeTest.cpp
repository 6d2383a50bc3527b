#include "Support/MessageLoop.h"
#include "RealtimeAuditor.h"
#include "SessionEditHammer.h"

#include "Control/SessionPlayer.h"
#include "Audio/AudioDeviceHost.h"
#include "Audio/EngineDeviceCallback.h"
#include "Audio/JackAudioDevice.h"
#include "EndToEnd/Support/JackDummyServer.h"
#include "EndToEnd/Support/TempDirectory.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

#include <atomic>
#include <optional>
#include <new>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    // The audit is a scope; the devices call the probe at the edges of each cycle. The storage
    // is a trivial thread_local, so touching it on the audio thread registers no destructor.
    alignas (ScopedRealtimeAudit) thread_local unsigned char auditStorage[sizeof (ScopedRealtimeAudit)];
    std::atomic<long> auditedCycles { 0 };

    void enterAudit() noexcept { new (auditStorage) ScopedRealtimeAudit(); }

    void leaveAudit() noexcept
    {
        std::launder (reinterpret_cast<ScopedRealtimeAudit*> (auditStorage))->~ScopedRealtimeAudit();
        auditedCycles.fetch_add (1, std::memory_order_relaxed);
    }

    const RealtimeProbe auditProbe { enterAudit, leaveAudit };

    /** Opens the device through the host with every cycle audited, plays the session while the
        message thread edits it (faders, solo, talkback, transport, structure), and returns
        what the audit saw. */
    /** Another client as JACK timebase master: 4/4 at 133 bpm from frame 0. */
    struct TimebaseMaster
    {
        explicit TimebaseMaster (const std::string& server)
        {
            jack_status_t status {};
            client = jack_client_open ("master", static_cast<jack_options_t> (JackNoStartServer | JackServerName), &status, server.c_str());
            REQUIRE (client != nullptr);
            REQUIRE (jack_activate (client) == 0);
            REQUIRE (jack_set_timebase_callback (client, 0, publish, nullptr) == 0);
        }
        ~TimebaseMaster() { jack_release_timebase (client); jack_deactivate (client); jack_client_close (client); }

        static void publish (jack_transport_state_t, jack_nframes_t numFrames, jack_position_t* p, int, void*)
        {
            // Every fifth cycle the BBT of the cycle before, as from a master that missed its
            // callback, so the follower's path for a held-over BBT is audited too.
            const bool holdOver = numFrames > 0 && p->frame >= numFrames && (p->frame / numFrames) % 5 == 0;
            const auto frame = holdOver ? p->frame - numFrames : p->frame;
            const double beats = static_cast<double> (frame) / 48000.0 * 133.0 / 60.0;
            const auto whole = static_cast<std::int64_t> (beats);
            p->valid = JackPositionBBT;
            p->bar = static_cast<std::int32_t> (whole / 4 + 1);
            p->beat = static_cast<std::int32_t> (whole % 4 + 1);
            p->tick = static_cast<std::int32_t> ((beats - static_cast<double> (whole)) * 1920.0);
            p->ticks_per_beat = 1920.0;
            p->beats_per_bar = 4.0f;
            p->beat_type = 4.0f;
            p->beats_per_minute = 133.0;
        }

        jack_client_t* client = nullptr;
    };

    RealtimeViolations playWhileEditing (const DeviceRequest& request, long cyclesWanted, bool followJackTransport = false,
                                         TransportTimebase timebase = TransportTimebase::off)
    {
        const juce::ScopedJuceInitialiser_GUI juceRuntime;
        auto session = makeHammerSession (4);

        AudioDeviceHost host;
        host.setRealtimeProbe (&auditProbe);
        std::vector<std::string> warnings;
        const auto opened = host.open (request, makeJackPortLayout (session), warnings);
        REQUIRE (opened.type == request.type);

        auto engine = std::make_unique<Engine>();
        engine->prepare (opened.sampleRate);
        SessionPlayer player (*engine);
        player.setSession (session, ".");
        EngineDeviceCallback callback (*engine);

        // Under JACK sync the process callback reads the transport and JACK calls the sync
        // callback after every locate; the player's play, stop and locate go to the server.
        JackTransportLink link (*engine);
        link.setTimebase (timebase);
        std::optional<TimebaseMaster> master;
        if (timebase == TransportTimebase::follow)
            master.emplace (request.inputDevice);
        auto* jack = dynamic_cast<JackAudioDevice*> (host.getDevice());
        if (followJackTransport)
        {
            REQUIRE (jack != nullptr);
            jack->setTransportLink (&link);
            player.setExternalTransport ({ [jack] { jack->requestTransportStart(); }, [jack] { jack->requestTransportStop(); },
                                           [jack] (std::int64_t at) { jack->requestTransportLocate (static_cast<jack_nframes_t> (std::max<std::int64_t> (0, at))); } });
        }

        resetRealtimeViolations();
        auditedCycles = 0;
        host.start (callback);
        player.play();

        std::mt19937 rng (7);
        const auto deadline = juce::Time::getMillisecondCounterHiRes() + 120000.0;
        for (int round = 0; auditedCycles.load() < cyclesWanted && juce::Time::getMillisecondCounterHiRes() < deadline; ++round)
        {
            editSessionOnce (player, session, round, rng);
            foldback::test::runMessageLoopFor (2);
        }

        host.close();
        player.reclaim();
        const auto seen = readRealtimeViolations();
        CHECK (auditedCycles.load() >= cyclesWanted);
        if (followJackTransport)
        {
            CHECK (link.readCycleCount() > 0);
            CHECK (link.readLocateCount() > 1);   // the edits' locates reached the process thread
        }
        return seen;
    }
}

TEST_CASE ("The device probe audits the device's own thread: an allocation in its callback is caught", "[realtime][device]")
{
    // Without this, a probe that never switched the audit on would pass the tests below.
    struct AllocatingCallback : juce::AudioIODeviceCallback
    {
        void audioDeviceIOCallbackWithContext (const float* const*, int, float* const*, int, int,
                                               const juce::AudioIODeviceCallbackContext&) override
        {
            kept = new int (1);   // through a volatile, so the compiler cannot elide the pair
            delete kept;
        }
        int* volatile kept = nullptr;
        void audioDeviceAboutToStart (juce::AudioIODevice*) override {}
        void audioDeviceStopped() override {}
    } callback;

    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    AudioDeviceHost host;
    host.setRealtimeProbe (&auditProbe);
    std::vector<std::string> warnings;
    host.open ({ "Virtual", "", "", 48000.0, 64 }, {}, warnings);
    resetRealtimeViolations();
    auditedCycles = 0;
    host.start (callback);
    while (auditedCycles.load() < 10)
        foldback::test::runMessageLoopFor (5);
    host.close();

    const auto seen = readRealtimeViolations();
    CHECK (seen.allocations >= 10);
    CHECK (seen.deallocations >= 10);
}

TEST_CASE ("On the Virtual device the whole audio callback never allocates, frees, locks or waits while the session is edited",
           "[realtime][device]")
{
    const auto seen = playWhileEditing ({ "Virtual", "", "", 48000.0, 64 }, 2000);
    checkNoRealtimeViolations (seen);
}

TEST_CASE ("On JACK the whole process callback never allocates, frees, locks or waits while the session is edited",
           "[realtime][device][jack]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 64);
    server.start();

    const auto seen = playWhileEditing ({ "JACK", server.name(), "", 48000.0, 64 }, 2000);
    checkNoRealtimeViolations (seen);
}

TEST_CASE ("On JACK under JACK sync the process, sync and timebase callbacks never allocate, free, lock or wait while the transport is driven",
           "[realtime][device][jack][transport]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 64);
    server.start();

    for (const auto timebase : { TransportTimebase::lead, TransportTimebase::follow })
    {
        INFO ("timebase " << toString (timebase));
        const auto seen = playWhileEditing ({ "JACK", server.name(), "", 48000.0, 64 }, 2000, true, timebase);
        checkNoRealtimeViolations (seen);
    }
}
