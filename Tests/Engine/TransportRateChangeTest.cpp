#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    double positionSeconds (const Engine& engine)
    {
        return static_cast<double> (engine.getTransport().readPositionForDisplay()) / engine.getSampleRate();
    }

    void roll (Engine& engine, int frames)
    {
        Channels in (1, frames);
        runEngine (engine, in, 2, { 256 });
    }
}

TEST_CASE ("A device that comes back at another sample rate keeps the transport's time in seconds", "[engine][transport]")
{
    PlanSketch sketch;
    sketch.addLiveInput (0);
    sketch.mixes.push_back ({ 1, 0, {} });

    Engine engine;
    engine.prepare (44100.0);
    engine.plans().publish (sketch.build (44100.0));
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::setLoop, 44100 * 2, true, 44100 * 20));
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::play));
    roll (engine, 346185);                                   // 7.85 s at 44.1 kHz
    REQUIRE (positionSeconds (engine) == Approx (7.85).margin (1e-9));

    // 44.1 to 96 kHz: 7.85 s stays 7.85 s (not 346185 samples, which would read as 3.61 s).
    engine.prepare (96000.0);
    CHECK (engine.getTransport().readPositionForDisplay() == 753600);
    CHECK (positionSeconds (engine) == Approx (7.85).margin (1e-9));

    // 96 to 48 kHz, rolling on: the loop points moved with it, so the loop still wraps at 20 s.
    engine.plans().publish (sketch.build (96000.0));
    roll (engine, 96000);
    engine.prepare (48000.0);
    CHECK (positionSeconds (engine) == Approx (8.85).margin (1e-9));
    engine.plans().publish (sketch.build (48000.0));
    roll (engine, 48000 * 12);                                // 20.85 s without the loop
    CHECK (positionSeconds (engine) == Approx (2.0 + 0.85).margin (1e-9));
}

TEST_CASE ("Preparing again at the same rate leaves the transport where it is", "[engine][transport]")
{
    PlanSketch sketch;
    sketch.addLiveInput (0);
    sketch.mixes.push_back ({ 1, 0, {} });

    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (sketch.build (48000.0));
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::play));
    roll (engine, 48000);
    engine.prepare (48000.0);
    CHECK (engine.getTransport().readPositionForDisplay() == 48000);
}
