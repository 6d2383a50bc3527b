#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    Engine& preparedEngine (Engine& engine, const PlanSketch& sketch, double rate = 48000.0)
    {
        engine.prepare (rate);
        engine.plans().publish (sketch.build (rate));
        return engine;
    }
}

TEST_CASE ("A unity send reaches the headphones sample for sample", "[engine]")
{
    PlanSketch sketch;
    const int vox = sketch.addLiveInput (0);
    const int keys = sketch.addLiveInput (1, 2);

    SECTION ("a mono input panned hard left and hard right")
    {
        sketch.mixes.push_back ({ 2, 0, { { vox, constantPowerPan (-1.0f) } } });
        sketch.mixes.push_back ({ 2, 2, { { vox, constantPowerPan (1.0f) } } });
        Engine engine;
        preparedEngine (engine, sketch);
        const auto in = noise (3, 4096, 0.5f, 1);
        const auto out = runEngine (engine, in, 4, { 256 });
        CHECK (out.data[0] == in.data[0]);
        CHECK (out.data[3] == in.data[0]);
        CHECK (out.data[1] == std::vector<float> (4096, 0.0f));
        CHECK (out.data[2] == std::vector<float> (4096, 0.0f));
    }

    SECTION ("a stereo input at centre balance")
    {
        sketch.mixes.push_back ({ 2, 0, { { keys, balancePan (0.0f) } } });
        Engine engine;
        preparedEngine (engine, sketch);
        const auto in = noise (3, 4096, 0.5f, 2);
        const auto out = runEngine (engine, in, 2, { 64 });
        CHECK (out.data[0] == in.data[1]);
        CHECK (out.data[1] == in.data[2]);
    }

    SECTION ("a mono input into a mono mix, in the same frame: zero added latency")
    {
        sketch.mixes.push_back ({ 1, 0, { { vox, { 1.0f, 0.0f } } } });
        Engine engine;
        preparedEngine (engine, sketch);
        Channels in (1, 1024);
        in.data[0][100] = 0.75f;
        const auto out = runEngine (engine, in, 1, { 32 });
        CHECK (out.data[0] == in.data[0]);
    }
}

TEST_CASE ("The pan law is constant power with -3 dB at centre, and stereo sources balance", "[engine][pan]")
{
    const auto centre = constantPowerPan (0.0f);
    CHECK (centre.left == Approx (std::sqrt (0.5f)).margin (1e-7));
    CHECK (centre.right == Approx (std::sqrt (0.5f)).margin (1e-7));
    CHECK (gainToDecibels (centre.left) == Approx (-3.0103).margin (1e-3));

    for (float pan = -1.0f; pan <= 1.0f; pan += 0.125f)
    {
        const auto g = constantPowerPan (pan);
        CHECK (g.left * g.left + g.right * g.right == Approx (1.0f).margin (1e-6));
    }

    CHECK (constantPowerPan (-1.0f).left == 1.0f);
    CHECK (constantPowerPan (-1.0f).right == 0.0f);
    CHECK (constantPowerPan (0.5f).right > constantPowerPan (0.5f).left);

    CHECK (balancePan (0.0f).left == 1.0f);
    CHECK (balancePan (0.0f).right == 1.0f);
    CHECK (balancePan (0.5f).left == 0.5f);
    CHECK (balancePan (0.5f).right == 1.0f);
    CHECK (balancePan (-1.0f).right == 0.0f);
}

TEST_CASE ("A fader move ramps over 20 ms with no step larger than one ramp increment", "[engine][smoothing]")
{
    PlanSketch sketch;
    const int vox = sketch.addLiveInput (0);
    sketch.mixes.push_back ({ 1, 0, { { vox, { 1.0f, 0.0f } } } });

    Engine engine;
    preparedEngine (engine, sketch);

    Channels dc (1, 4800);
    for (auto& x : dc.data[0]) x = 0.5f;

    auto before = runEngine (engine, Channels (dc), 1, { 128 });
    CHECK (before.data[0].back() == 0.5f);

    // Move the fader from 0 dB to -inf while the audio runs.
    engine.plans().getLatest()->mixes[0].sends[0].targetLeft.store (0.0f);
    engine.plans().getLatest()->announceTargetChanges();
    const auto after = runEngine (engine, dc, 1, { 128 });

    const int ramp = engine.getGainRampSamples();
    CHECK (ramp == 960);

    float largestStep = std::fabs (after.data[0][0] - 0.5f);
    for (int i = 1; i < 4800; ++i)
        largestStep = std::fmax (largestStep, std::fabs (after.data[0][static_cast<std::size_t> (i)] - after.data[0][static_cast<std::size_t> (i - 1)]));

    CHECK (largestStep <= 0.5f / ramp * 1.01f);
    CHECK (after.data[0][static_cast<std::size_t> (ramp / 2)] == Approx (0.25f).margin (1e-3));
    CHECK (after.data[0][static_cast<std::size_t> (ramp - 1)] == 0.0f);
    CHECK (after.data[0].back() == 0.0f);
}

TEST_CASE ("A muted send is silent and leaves the other mixes alone", "[engine][mute]")
{
    // Mute is resolved into target gains on the message thread (see MixTargets);
    // here the engine must honour a zero target as true silence and leave other mixes alone.
    PlanSketch sketch;
    const int a = sketch.addLiveInput (0);
    const int b = sketch.addLiveInput (1);
    sketch.mixes.push_back ({ 1, 0, { { a, { 1.0f, 0.0f } }, { b, { 0.0f, 0.0f } } } });
    sketch.mixes.push_back ({ 1, 1, { { a, { 1.0f, 0.0f } }, { b, { 1.0f, 0.0f } } } });

    Engine engine;
    preparedEngine (engine, sketch);
    const auto in = noise (2, 2048, 0.25f, 3);
    const auto out = runEngine (engine, in, 2, { 100 });

    CHECK (out.data[0] == in.data[0]);
    for (std::size_t i = 0; i < 2048; ++i)
        REQUIRE (out.data[1][i] == in.data[0][i] + in.data[1][i]);
}

TEST_CASE ("Output is bit-identical at block sizes 1, 7, 32, 64, 513, 4096 and random partitions", "[engine][blocksize]")
{
    PlanSketch sketch;
    const int vox = sketch.addLiveInput (0);
    const int gtr = sketch.addLiveInput (1, 2);
    const int talk = sketch.addTalkback (3);
    sketch.mixes.push_back ({ 2, 0, { { vox, constantPowerPan (-0.3f) }, { gtr, balancePan (0.2f) }, { talk, constantPowerPan (0.0f) } }, 1.5f, 0.5f, 0.1f });
    sketch.mixes.push_back ({ 1, 2, { { vox, { 2.0f, 0.0f } }, { gtr, { 0.3f, 0.3f } } }, 0.8f, 0.9f });

    const int frames = 48000;
    const auto in = noise (4, frames, 0.9f, 4);

    auto render = [&] (std::vector<int> blocks)
    {
        Engine engine;
        preparedEngine (engine, sketch);
        // Talkback pressed at a fixed engine sample, released later; fader moves stamped too.
        engine.pushCommand (EngineCommand::make (EngineCommand::Type::talkback, 0, true, 0, 1000));
        engine.pushCommand (EngineCommand::make (EngineCommand::Type::talkback, 0, false, 0, 20000));
        return runEngine (engine, in, 3, blocks);
    };

    const auto reference = render ({ 4096 });
    for (int size : { 1, 7, 32, 64, 513 })
    {
        INFO ("block size " << size);
        CHECK (render ({ size }).data == reference.data);
    }

    std::mt19937 rng (5);
    std::uniform_int_distribution<int> sizes (1, 700);
    std::vector<int> random;
    for (int i = 0; i < 500; ++i)
        random.push_back (sizes (rng));
    CHECK (render (random).data == reference.data);
}
