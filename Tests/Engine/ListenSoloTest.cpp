#include "Support/TestPlans.h"

#include "Engine/Engine.h"
#include "Session/MixTargets.h"
#include "Session/PlanCompiler.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace foldback;
using namespace foldback::test;

// The engineer's solo (PFL/AFL) is heard on the LISTEN outputs only: these tests compile a
// session as the console does (compilePlan, writeListenSolo) and play it on the engine.

namespace
{
/** vox mono on input 0, gtr stereo on 1-2; the singer on outputs 0-1, the guitarist on
    2-3; LISTEN on 4-5, listening to the singer. */
Session soloSession()
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
    CueMix singer;
    singer.id = "singer";
    singer.outputs = { 1, 2 };
    singer.sends["vox"] = { -6.0, -0.3, false };
    singer.sends["gtr"] = { -3.0, 0.0, false };
    CueMix guitarist;
    guitarist.id = "guitarist";
    guitarist.outputs = { 3, 4 };
    guitarist.sends["vox"] = { -12.0, 0.0, false };
    guitarist.sends["gtr"] = { 0.0, 0.4, false };
    guitarist.performer.sends["gtr"].gainOffsetDb = -5.0; // AFL hears what the performer gets
    session.mixes = { singer, guitarist };
    session.monitor.outputs = { 5, 6 };
    return session;
}

struct Rig
{
    explicit Rig (const ListenSolo& solo, const Session& s = soloSession()) : session (s)
    {
        engine.prepare (48000.0);
        auto compiled = compilePlan (session, 48000.0, Engine::maxFramesPerSegment, {}, nullptr);
        keys = compiled.keys;
        compiled.plan->listenMix.store (keys.indexOfMix ("singer"));
        writeListenSolo (*compiled.plan, keys, session, solo);
        engine.plans().publish (std::move (compiled.plan));
    }

    void setSolo (const ListenSolo& solo) { writeListenSolo (*engine.plans().getLatest(), keys, session, solo); }

    Session session;
    Engine engine;
    PlanKeys keys;
};

ListenSolo soloOf (const std::string& source, const std::string& mix, ListenSolo::Mode mode = ListenSolo::Mode::pfl)
{
    ListenSolo solo;
    solo.mode = mode;
    solo.soloed.push_back ({ source, mix });
    return solo;
}

std::vector<float> slice (const std::vector<float>& v, int from, int to)
{
    return { v.begin() + from, v.begin() + to };
}

constexpr int fade = 480; // the 10 ms listen crossfade at 48 kHz
} // namespace

TEST_CASE ("A solo changes no performer's output, sample for sample, in PFL or AFL", "[engine][solo]")
{
    const auto in = noise (3, 9600, 0.8f, 21);
    Rig reference ({});
    const auto plain = runEngine (reference.engine, in, 6, { 128 });

    for (const auto mode : { ListenSolo::Mode::pfl, ListenSolo::Mode::afl })
    {
        ListenSolo solo = soloOf ("gtr", "guitarist", mode);
        solo.soloed.push_back ({ "vox", "singer" });
        Rig soloed (solo);
        const auto out = runEngine (soloed.engine, in, 6, { 128 });
        for (std::size_t c = 0; c < 4; ++c)
            CHECK (out.data[c] == plain.data[c]);
        CHECK (out.data[4] != plain.data[4]); // and the engineer does hear something else
    }
}

TEST_CASE ("PFL puts the soloed source on the LISTEN outputs at its own level instead of the listened mix", "[engine][solo][listen]")
{
    const auto in = noise (3, 9600, 0.8f, 22);
    Rig rig (soloOf ("vox", "singer"));
    const auto out = runEngine (rig.engine, in, 6, { 256 });

    // After the crossfade the listen outputs are the vocal alone, both sides, exactly.
    CHECK (slice (out.data[4], fade, 9600) == slice (in.data[0], fade, 9600));
    CHECK (slice (out.data[5], fade, 9600) == slice (in.data[0], fade, 9600));

    // A stereo source: left on the left, right on the right.
    Rig stereo (soloOf ("gtr", "singer"));
    const auto gtr = runEngine (stereo.engine, in, 6, { 256 });
    CHECK (slice (gtr.data[4], fade, 9600) == slice (in.data[1], fade, 9600));
    CHECK (slice (gtr.data[5], fade, 9600) == slice (in.data[2], fade, 9600));
}

TEST_CASE ("AFL carries the source as the soloed mix sends it, the performer's offset included", "[engine][solo][listen]")
{
    const auto in = noise (3, 9600, 0.8f, 23);
    Rig rig (soloOf ("gtr", "guitarist", ListenSolo::Mode::afl));
    const auto out = runEngine (rig.engine, in, 6, { 256 });

    SendContext context;
    context.sourceChannels = 2;
    SendSettings heard{ -5.0, 0.4, false }; // 0 dB from the engineer, -5 from the performer
    const auto gains = computeSendTargets (heard, context);
    for (int i = fade; i < 9600; ++i)
    {
        REQUIRE (out.data[4][static_cast<std::size_t> (i)] == in.data[1][static_cast<std::size_t> (i)] * gains.left);
        REQUIRE (out.data[5][static_cast<std::size_t> (i)] == in.data[2][static_cast<std::size_t> (i)] * gains.right);
    }
}

TEST_CASE ("An AFL solo of a send at +12 dB never passes full scale on the LISTEN outputs", "[engine][solo][listen][limiter]")
{
    auto session = soloSession();
    session.mixes[1].sends["gtr"] = { 12.0, 0.0, false };
    session.mixes[1].performer.sends.clear();
    const auto in = noise (3, 9600, 0.8f, 26);
    Rig rig (soloOf ("gtr", "guitarist", ListenSolo::Mode::afl), session);
    const auto out = runEngine (rig.engine, in, 6, { 256 });

    float loudest = 0.0f;
    for (const std::size_t c : { std::size_t { 4 }, std::size_t { 5 } })
        for (const float sample : out.data[c])
        {
            REQUIRE (std::isfinite (sample));
            loudest = std::max (loudest, std::abs (sample));
        }
    CHECK (loudest <= 1.0f);
    CHECK (loudest > 0.9f);   // limited, not silenced: 0.8 at +12 dB is 3.2 before the limiter
}

TEST_CASE ("Clearing the solo gives the LISTEN outputs back to the listened mix", "[engine][solo][listen]")
{
    const auto in = noise (3, 9600, 0.8f, 24);
    Rig rig (soloOf ("vox", "singer"));
    runEngine (rig.engine, noise (3, 2048, 0.8f, 25), 6, { 256 });
    rig.setSolo ({});
    const auto out = runEngine (rig.engine, in, 6, { 256 });

    // The singer's feed on outputs 0-1 is what LISTEN plays once the crossfade is over.
    CHECK (slice (out.data[4], fade, 9600) == slice (out.data[0], fade, 9600));
    CHECK (slice (out.data[5], fade, 9600) == slice (out.data[1], fade, 9600));
}

TEST_CASE ("Solo on and off is bit-identical at block sizes 1, 7, 32, 64, 513, 4096 and random partitions", "[engine][solo][blocksize]")
{
    const auto in = noise (3, 24000, 0.5f, 26);

    auto render = [&] (const std::vector<int>& blocks)
    {
        Rig rig ({});
        Channels output (6, in.numFrames());
        std::size_t which = 0;
        int phase = 0;
        for (int offset = 0; offset < in.numFrames();)
        {
            // The engineer solos the guitar (AFL) at 9600 and clears at 19200; a change takes
            // effect at the next block, so blocks are cut at the switch for every size.
            const int wantPhase = offset < 9600 ? 0 : offset < 19200 ? 1
                                                                     : 2;
            if (wantPhase != phase)
            {
                phase = wantPhase;
                rig.setSolo (phase == 1 ? soloOf ("gtr", "guitarist", ListenSolo::Mode::afl) : ListenSolo{});
            }
            const int n = std::min ({ blocks[which++ % blocks.size()], in.numFrames() - offset,
                                      offset < 9600 ? 9600 - offset : offset < 19200 ? 19200 - offset
                                                                                     : in.numFrames() - offset });
            auto i = in.readPointers (offset);
            auto o = output.writePointers (offset);
            rig.engine.processBlock (i.data(), 3, o.data(), 6, n);
            offset += n;
        }
        return output;
    };

    const auto reference = render ({ 64 });
    CHECK (reference.data[4] != std::vector<float> (24000, 0.0f));
    std::mt19937 rng (27);
    std::uniform_int_distribution<int> size (1, 700);
    std::vector<int> random;
    for (int i = 0; i < 200; ++i)
        random.push_back (size (rng));
    for (const auto& blocks : std::vector<std::vector<int>>{ { 1 }, { 7 }, { 32 }, { 513 }, { 4096 }, random })
    {
        const auto out = render (blocks);
        for (std::size_t c = 0; c < 6; ++c)
            CHECK (out.data[c] == reference.data[c]);
    }
}
