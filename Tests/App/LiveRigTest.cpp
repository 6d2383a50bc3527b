#include "App/LiveRig.h"
#include "Support/FreePorts.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

#include <chrono>
#include <thread>

using namespace foldback;

namespace
{
    Session virtualSession()
    {
        Session session;
        session.name = "rig";
        session.audio.deviceType = DeviceType::virtualDevice;
        session.inputs = { { "vox", "Vocal", { 1 } } };
        CueMix singer;
        singer.id = "singer";
        singer.sends["vox"] = SendSettings {};
        session.mixes = { singer };
        return session;
    }

    template <typename Condition>
    bool eventually (Condition condition)
    {
        // Generous: the Virtual device's thread on a loaded machine, never a timing claim.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds (20);
        while (! condition())
        {
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for (std::chrono::milliseconds (10));
        }
        return true;
    }
}

TEST_CASE ("The live rig opens the session's device, plays it, and stops", "[rig]")
{
    const juce::ScopedJuceInitialiser_GUI juce;
    LiveRig rig (virtualSession(), {}, {});

    CHECK (rig.getAudio().getOpened().type == "Virtual");
    CHECK (rig.getEngine().getSampleRate() == rig.getAudio().getOpened().sampleRate);
    CHECK (rig.getDocument().getSession() == virtualSession());
    CHECK (rig.getOpenedSettings() == virtualSession().audio);

    rig.start();
    rig.getPlayer().play();
    CHECK (eventually ([&] { return rig.getEngine().getTransport().readPositionForDisplay() > 0; }));

    rig.stop();
    const auto stoppedAt = rig.getEngine().readEngineSampleClock();
    std::this_thread::sleep_for (std::chrono::milliseconds (100));
    CHECK (rig.getEngine().readEngineSampleClock() == stoppedAt);   // no callback after stop()
}

TEST_CASE ("The live rig edits through its document into its engine", "[rig]")
{
    const juce::ScopedJuceInitialiser_GUI juce;
    LiveRig rig (virtualSession(), {}, {});
    rig.start();

    const auto errors = rig.getDocument().edit ("Vocal down", [] (Session& s) { s.mixes[0].sends["vox"].gainDb = -12.0; });
    CHECK (errors.empty());
    CHECK (rig.getPlayer().getSession().mixes[0].sends.at ("vox").gainDb == -12.0);
    CHECK (rig.getDocument().canUndo());
}

TEST_CASE ("The live rig turns the remotes on when asked, though the session has them off", "[rig][remote]")
{
    const juce::ScopedJuceInitialiser_GUI juce;
    auto session = virtualSession();
    session.remote.address = "127.0.0.1";
    session.remote.httpPort = foldback::test::pickFreePortPair();
    session.remote.oscPort = session.remote.httpPort + 1;
    LiveRig::Options options;
    options.enableRemotes = true;
    LiveRig rig (session, {}, options);
    INFO (rig.getRemotes().getProblem());
    CHECK (rig.getDocument().getSession().remote.enabled);
    CHECK (rig.getRemotes().getProblem().empty());
}
