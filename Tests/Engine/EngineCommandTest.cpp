#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("Talkback opens on its stamped sample and dims the programme only in mixes that hear it", "[engine][talkback]")
{
    PlanSketch sketch;
    const int vox = sketch.addLiveInput (0);
    const int talk = sketch.addTalkback (1);
    sketch.mixes.push_back ({ 1, 0, { { vox, { 1.0f, 0.0f } }, { talk, { 1.0f, 0.0f } } }, 1.0f, 1.0f, 0.1f });
    sketch.mixes.push_back ({ 1, 1, { { vox, { 1.0f, 0.0f } } }, 1.0f, 1.0f, 0.1f });

    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (sketch.build (48000.0));

    Channels in (2, 9600);
    for (auto& x : in.data[0]) x = 0.5f;  // programme
    for (auto& x : in.data[1]) x = 0.25f; // the engineer talking

    engine.pushCommand (EngineCommand::make (EngineCommand::Type::talkback, 0, true, 0, 1000));
    const auto out = runEngine (engine, in, 2, { 333 });

    CHECK (out.data[0][999] == 0.5f);                          // closed until the stamped sample
    CHECK (out.data[0][1000] != 0.5f);                         // the ramp starts exactly there
    CHECK (out.data[0][9599] == Approx (0.05f + 0.25f).margin (1e-6)); // dimmed programme + talkback
    CHECK (out.data[1][9599] == 0.5f);                          // the other mix is untouched
    CHECK (engine.readTalkbackForDisplay());
}

TEST_CASE ("A plan published while audio runs carries ramps over and fades a new send in", "[engine][plans]")
{
    PlanSketch first;
    const int a = first.addLiveInput (0);
    first.addLiveInput (1);
    first.mixes.push_back ({ 1, 0, { { a, { 1.0f, 0.0f } } } });

    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (first.build (48000.0));

    Channels in (2, 4800);
    for (auto& x : in.data[0]) x = 0.5f;
    for (auto& x : in.data[1]) x = 0.25f;
    runEngine (engine, in, 1, { 256 });

    auto second = first;
    second.mixes[0].sends.push_back ({ 1, { 1.0f, 0.0f } });
    auto plan = second.build (48000.0);
    plan->sources[0].carryFrom = 0;
    plan->sources[1].carryFrom = 1;
    plan->mixes[0].carryFrom = 0;
    plan->mixes[0].sends[0].carryFrom = 0;
    plan->mixes[0].sends[1].carryFrom = -1; // new: must fade in, not jump in
    engine.plans().publish (std::move (plan));

    const auto out = runEngine (engine, in, 1, { 256 });
    CHECK (out.data[0][0] > 0.5f);
    CHECK (out.data[0][0] < 0.5f + 0.25f / 100.0f);
    CHECK (out.data[0][4799] == 0.75f);
    engine.plans().reclaimRetired();
}

TEST_CASE ("Meters report peak and RMS of each source and mix", "[engine][meters]")
{
    PlanSketch sketch;
    const int a = sketch.addLiveInput (0);
    sketch.mixes.push_back ({ 2, 0, { { a, constantPowerPan (0.0f) } } });

    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (sketch.build (48000.0));

    Channels in (1, 48000);
    for (auto& x : in.data[0]) x = 0.5f;
    runEngine (engine, in, 2, { 480 });

    const auto* state = engine.plans().getLatestState();
    REQUIRE (state != nullptr);
    CHECK (state->sources[0].meter.readPeak() == 0.5f);
    CHECK (state->sources[0].meter.readRms() == Approx (0.5f).margin (0.01));
    CHECK (state->mixes[0].meter.readPeak() == Approx (0.5f * std::sqrt (0.5f)).margin (1e-6));
    CHECK (state->mixes[0].limiterGain.load() == 1.0f);
}

TEST_CASE ("The transport counts in, then rolls, and wraps a loop on its exact sample", "[engine][transport]")
{
    Transport transport;
    transport.handle (EngineCommand::make (EngineCommand::Type::setLoop, 1000, true, 3000));
    transport.handle (EngineCommand::make (EngineCommand::Type::locate, 500));
    transport.handle (EngineCommand::make (EngineCommand::Type::play, 200));

    CHECK (transport.currentSegment().countingIn);
    CHECK (transport.framesUntilBoundary (512) == 200);
    transport.advance (200);
    CHECK (transport.currentSegment().rolling);
    CHECK (transport.currentSegment().position == 500);

    CHECK (transport.framesUntilBoundary (4096) == 2500);
    transport.advance (2500);
    CHECK (transport.currentSegment().position == 1000);
    CHECK (transport.currentSegment().relocated);
    CHECK (transport.readPositionForDisplay() == 1000);

    transport.handle (EngineCommand::make (EngineCommand::Type::stop));
    transport.advance (100);
    CHECK (transport.currentSegment().position == 1000);
    CHECK (! transport.readRollingForDisplay());
}
