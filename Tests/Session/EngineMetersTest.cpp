#include "Session/EngineMeters.h"

#include "Engine/AudioMath.h"
#include "Engine/Engine.h"
#include "Session/PlanCompiler.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace foldback;

namespace
{
    Session twoInputsTwoMixes()
    {
        Session session;
        session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2 } } };
        session.mixes = { { "singer", "Singer", { 1, 2 } }, { "drummer", "Drummer", { 3 } } };
        session.mixes[0].sends["vox"] = SendSettings { 0.0, 0.0, false };
        session.mixes[1].sends["gtr"] = SendSettings { 0.0, 0.0, false };
        session.mixes[1].limiterCeilingDb = -12.0;
        return session;
    }

    void run (Engine& engine, float vox, float gtr, int frames)
    {
        std::vector<float> a (static_cast<std::size_t> (frames), vox), b (static_cast<std::size_t> (frames), gtr);
        std::vector<float> out0 (a.size()), out1 (a.size()), out2 (a.size());
        const float* in[] = { a.data(), b.data() };
        float* out[] = { out0.data(), out1.data(), out2.data() };
        engine.processBlock (in, 2, out, 3, frames);
    }
}

TEST_CASE ("readMeters is empty before the first plan", "[session][meters]")
{
    Engine engine;
    engine.prepare (48000.0);
    const auto meters = readMeters (engine.plans(), PlanKeys {});
    CHECK (meters.sources.empty());
    CHECK (meters.mixes.empty());
    CHECK (meters.findSource ("vox") == nullptr);
    CHECK (meters.findMix ("singer") == nullptr);
}

TEST_CASE ("readMeters reads every meter and limiter of the newest plan by session id", "[session][meters]")
{
    Engine engine;
    engine.prepare (48000.0);
    auto compiled = compilePlan (twoInputsTwoMixes(), 48000.0, Engine::maxFramesPerSegment, {}, nullptr);
    const auto keys = compiled.keys;
    engine.plans().publish (std::move (compiled.plan));

    run (engine, 0.5f, 0.9f, 48000); // a second: the RMS settles (300 ms window)
    const auto meters = readMeters (engine.plans(), keys);

    REQUIRE (meters.sources.size() == keys.sources.size());
    REQUIRE (meters.mixes.size() == 2);
    CHECK (meters.mixes[0].id == "singer"); // in the session's order
    CHECK (meters.mixes[1].id == "drummer");

    const auto* vox = meters.findSource ("vox");
    REQUIRE (vox != nullptr);
    CHECK (vox->levels.peak == 0.5f);
    CHECK (vox->levels.rms == Approx (0.5f).margin (0.01));
    CHECK (meters.findSource ("gtr")->levels.peak == 0.9f);
    CHECK (meters.findSource ("nosuch") == nullptr);

    const auto* singer = meters.findMix ("singer");
    REQUIRE (singer != nullptr);
    CHECK (singer->levels.peak > 0.0f);
    CHECK (singer->limiterGain == 1.0f);
    CHECK (singer->gainReductionDb() == 0.0f);

    // 0.9 into a -12 dB ceiling: the limiter holds it down by about 11 dB.
    const auto* drummer = meters.findMix ("drummer");
    REQUIRE (drummer != nullptr);
    CHECK (drummer->limiterGain < 1.0f);
    CHECK (drummer->gainReductionDb() == Approx (-12.0 - gainToDecibels (0.9f)).margin (0.1));
    CHECK (drummer->levels.peak <= decibelsToGain (-12.0f));
}

TEST_CASE ("A mix's gain reduction is never positive and has the one floor", "[session][meters]")
{
    MeterSnapshot::Mix mix;
    mix.limiterGain = 1.0f;
    CHECK (mix.gainReductionDb() == 0.0f);
    mix.limiterGain = 0.5f;
    CHECK (mix.gainReductionDb() == gainToDecibels (0.5f));
    mix.limiterGain = 0.0f;
    CHECK (mix.gainReductionDb() == kSilenceDb);
}

TEST_CASE ("readMeters gives a stereo mix's left and right their own peaks and a mono source one channel", "[session][meters]")
{
    Engine engine;
    engine.prepare (48000.0);
    auto session = twoInputsTwoMixes();
    session.mixes[0].sends["vox"].pan = -1.0; // hard left: the right channel stays silent
    session.mixes[0].sends["gtr"] = SendSettings { 0.0, 1.0, false }; // hard right
    auto compiled = compilePlan (session, 48000.0, Engine::maxFramesPerSegment, {}, nullptr);
    const auto keys = compiled.keys;
    engine.plans().publish (std::move (compiled.plan));

    run (engine, 0.5f, 0.25f, 48000);
    const auto meters = readMeters (engine.plans(), keys);

    const auto* singer = meters.findMix ("singer");
    REQUIRE (singer != nullptr);
    CHECK (singer->levels.numChannels == 2);
    CHECK (singer->levels.channelPeak[0] == Approx (0.5f).margin (0.01));
    CHECK (singer->levels.channelPeak[1] == Approx (0.25f).margin (0.01));
    CHECK (singer->levels.channelRms[0] == Approx (0.5f).margin (0.01));
    CHECK (singer->levels.channelRms[1] == Approx (0.25f).margin (0.01));
    CHECK (singer->levels.peak == Approx (0.5f).margin (0.01)); // the whole: the louder side

    const auto* vox = meters.findSource ("vox");
    REQUIRE (vox != nullptr);
    CHECK (vox->levels.numChannels == 1);
    CHECK (vox->levels.channelPeak[0] == 0.5f);
    CHECK (vox->levels.channelPeak[1] == 0.5f); // a mono meter's second column reads its only channel

    const auto* drummer = meters.findMix ("drummer"); // one output: a mono mix
    REQUIRE (drummer != nullptr);
    CHECK (drummer->levels.numChannels == 1);
}
