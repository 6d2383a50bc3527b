#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    PlanSketch stereoAndMono()
    {
        PlanSketch sketch;
        const int mono = sketch.addLiveInput (0);
        const int stereo = sketch.addLiveInput (1, 2);
        sketch.mixes.push_back ({ 2, 0, { { mono, { 0.5f, 0.25f } }, { stereo, { 1.0f, 1.0f } } }, 0.5f });
        sketch.mixes.push_back ({ 1, 2, { { stereo, { 0.75f, 0.0f } } }, 1.0f });
        return sketch;
    }
}

TEST_CASE ("A plan's render state is built for it: a buffer per channel, every ramp resting on its target", "[engine][plans]")
{
    const auto plan = stereoAndMono().build (48000.0);
    const RenderState state (*plan);

    REQUIRE (state.sources.size() == plan->sources.size());
    REQUIRE (state.mixes.size() == plan->mixes.size());
    CHECK (state.sources[0].channels[0] != nullptr);
    CHECK (state.sources[0].channels[1] == nullptr); // mono
    CHECK (state.sources[1].channels[1] != nullptr);
    CHECK (state.rampedGainScratch.size() >= 2 * 2 * static_cast<std::size_t> (plan->getMaxFramesPerSegment()));

    for (std::size_t m = 0; m < plan->mixes.size(); ++m)
    {
        const auto& planMix = plan->mixes[m];
        const auto& mix = state.mixes[m];
        CHECK (mix.bus[0] != nullptr);
        CHECK (mix.bus[1] != nullptr);
        CHECK (mix.master.getCurrent() == planMix.targetMaster.load());
        CHECK_FALSE (mix.master.isRamping());
        CHECK (mix.listen.getCurrent() == 0.0f);
        CHECK (mix.termsNeedRebuild);
        CHECK (mix.programmeTerms.size() == 2 * planMix.sends.size());
        REQUIRE (mix.sends.size() == planMix.sends.size());
        for (std::size_t s = 0; s < planMix.sends.size(); ++s)
        {
            CHECK (mix.sends[s].left.getCurrent() == planMix.sends[s].targetLeft.load());
            CHECK (mix.sends[s].right.getCurrent() == planMix.sends[s].targetRight.load());
        }
    }
}

TEST_CASE ("Rendering writes the render state, never the plan", "[engine][plans]")
{
    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (stereoAndMono().build (48000.0));
    const Plan* plan = engine.plans().getLatest();

    auto targets = [plan]
    {
        std::vector<float> values;
        for (const auto& mix : plan->mixes)
        {
            values.push_back (mix.targetMaster.load());
            for (const auto& send : mix.sends)
            {
                values.push_back (send.targetLeft.load());
                values.push_back (send.targetRight.load());
            }
        }
        return values;
    };
    const auto before = targets();

    runEngine (engine, noise (3, 4800, 0.5f, 3), 4, { 256 });

    CHECK (targets() == before);
    CHECK (engine.plans().getLatestState()->sources[1].meter.readPeak() > 0.0f);
    CHECK (engine.plans().getLatestState()->mixes[0].meter.readPeak() > 0.0f);
}

TEST_CASE ("A swap carries meters and the limiter's gain into the new state, and a new mix fades in", "[engine][plans]")
{
    PlanSketch first;
    const int a = first.addLiveInput (0);
    first.mixes.push_back ({ 1, 0, { { a, { 1.0f, 0.0f } } }, 1.0f, 0.25f }); // the limiter works

    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (first.build (48000.0));

    Channels loud (1, 4800);
    for (auto& x : loud.data[0]) x = 0.9f;
    runEngine (engine, loud, 2, { 480 });
    const float peakBefore = engine.plans().getLatestState()->sources[0].meter.readPeak();
    const float limiterBefore = engine.plans().getLatestState()->mixes[0].limiterGain.load();
    REQUIRE (peakBefore == 0.9f);
    REQUIRE (limiterBefore < 1.0f);

    auto second = first;
    second.mixes.push_back ({ 1, 1, { { a, { 1.0f, 0.0f } } } });
    auto plan = second.build (48000.0);
    plan->sources[0].carryFrom = 0;
    plan->mixes[0].carryFrom = 0;
    plan->mixes[0].sends[0].carryFrom = 0;
    plan->mixes[1].carryFrom = -1; // new while audio runs
    engine.plans().publish (std::move (plan));

    // One sample of silence: a fresh meter would read 0 and a fresh limiter 1.
    const auto out = runEngine (engine, Channels (1, 1), 2, { 1 });
    const auto& state = *engine.plans().getLatestState();
    CHECK (state.sources[0].meter.readPeak() > 0.8f);
    CHECK (state.mixes[0].limiterGain.load() < 1.0f);
    CHECK (state.mixes[0].meter.readPeak() > 0.0f);
    CHECK (state.mixes[1].master.getCurrent() < 1.0f); // fading in from 0
    CHECK (state.mixes[1].master.getTarget() == 1.0f);
    CHECK (out.data[1][0] == 0.0f);
}
