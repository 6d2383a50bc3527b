#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    /** Two performers' stereo mixes on outputs 0-1 and 2-3; listen outputs 4-5. */
    std::unique_ptr<Plan> twoMixesWithListen (int listenMix, std::array<int, 2> listenOutputs = { 4, 5 })
    {
        PlanSketch sketch;
        const int vox = sketch.addLiveInput (0);
        const int gtr = sketch.addLiveInput (1, 2);
        sketch.mixes.push_back ({ 2, 0, { { vox, constantPowerPan (-0.3f) }, { gtr, balancePan (0.2f) } }, 1.5f, 0.5f });
        sketch.mixes.push_back ({ 2, 2, { { vox, { 0.2f, 0.1f } }, { gtr, { 0.9f, 0.9f } } }, 0.8f, 0.9f });
        auto plan = sketch.build (48000.0);
        plan->listenOutputChannels = listenOutputs;
        plan->listenMix.store (listenMix);
        return plan;
    }

    std::vector<float> slice (const std::vector<float>& v, int from, int to)
    {
        return { v.begin() + from, v.begin() + to };
    }
}

TEST_CASE ("Listen plays the chosen mix on the listen outputs exactly as the performer hears it, after its limiter", "[engine][listen]")
{
    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (twoMixesWithListen (1));

    const auto in = noise (3, 9600, 0.9f, 11);
    const auto out = runEngine (engine, in, 6, { 256 });

    // The 10 ms fade-in at the start (480 samples), then sample for sample the performer's feed.
    CHECK (slice (out.data[4], 480, 9600) == slice (out.data[2], 480, 9600));
    CHECK (slice (out.data[5], 480, 9600) == slice (out.data[3], 480, 9600));
    // The performers' own outputs are untouched by listening.
    Engine alone;
    alone.prepare (48000.0);
    alone.plans().publish (twoMixesWithListen (-1));
    const auto reference = runEngine (alone, in, 6, { 256 });
    for (int c = 0; c < 4; ++c)
        CHECK (out.data[static_cast<std::size_t> (c)] == reference.data[static_cast<std::size_t> (c)]);
    CHECK (reference.data[4] == std::vector<float> (9600, 0.0f));
}

TEST_CASE ("Switching the listened mix crossfades in 10 ms with no step and is identical at any block size", "[engine][listen][blocksize]")
{
    const auto in = noise (3, 24000, 0.5f, 12);

    auto render = [&] (const std::vector<int>& blocks)
    {
        Engine engine;
        engine.prepare (48000.0);
        engine.plans().publish (twoMixesWithListen (0));
        Channels output (6, in.numFrames());
        std::size_t which = 0;
        for (int offset = 0; offset < in.numFrames();)
        {
            // The engineer switches at sample 9600 (to mix 1) and 19200 (off); a switch takes
            // effect at the next block, so the switch lands on a block edge for every size.
            if (offset >= 9600 && offset < 19200)
                engine.plans().getLatest()->listenMix.store (1);
            else if (offset >= 19200)
                engine.plans().getLatest()->listenMix.store (-1);
            const int n = std::min ({ blocks[which++ % blocks.size()], in.numFrames() - offset,
                                      offset < 9600 ? 9600 - offset : offset < 19200 ? 19200 - offset : in.numFrames() - offset });
            auto i = in.readPointers (offset);
            auto o = output.writePointers (offset);
            engine.processBlock (i.data(), 3, o.data(), 6, n);
            offset += n;
        }
        return output;
    };

    const auto out = render ({ 64 });
    for (int size : { 1, 7, 513, 4096 })
    {
        INFO ("block size " << size);
        CHECK (render ({ size }).data == out.data);
    }

    // During the crossfade the listen output is the linear blend of the two mixes.
    const float ramp = 1.0f / 480.0f;
    float largestError = 0.0f;
    for (int i = 0; i < 480; ++i)
    {
        const int n = 9600 + i;
        const float up = static_cast<float> (i + 1) * ramp, down = 1.0f - up;
        const float expected = out.data[0][static_cast<std::size_t> (n)] * down + out.data[2][static_cast<std::size_t> (n)] * up;
        largestError = std::max (largestError, std::abs (out.data[4][static_cast<std::size_t> (n)] - expected));
    }
    CHECK (largestError < 1.0e-5f);
    CHECK (slice (out.data[4], 10080, 19200) == slice (out.data[2], 10080, 19200));
    // Off: faded out 10 ms after the switch, silent after.
    CHECK (slice (out.data[4], 19680, 24000) == std::vector<float> (24000 - 19680, 0.0f));
}

TEST_CASE ("A single listen output hears a stereo mix folded to mono", "[engine][listen]")
{
    Engine engine;
    engine.prepare (48000.0);
    engine.plans().publish (twoMixesWithListen (0, { 4, -1 }));
    const auto in = noise (3, 4800, 0.5f, 13);
    const auto out = runEngine (engine, in, 6, { 128 });
    for (int n = 480; n < 4800; ++n)
        REQUIRE (out.data[4][static_cast<std::size_t> (n)]
                 == (out.data[0][static_cast<std::size_t> (n)] + out.data[1][static_cast<std::size_t> (n)]) * 0.5f);
    CHECK (out.data[5] == std::vector<float> (4800, 0.0f));
}
