#include "Engine/ClickGenerator.h"
#include "Support/TestPlans.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr double rate = 48000.0;

    /** One cycle of another transport (JACK's): rolling or not, at a transport frame. */
    struct Cycle
    {
        bool rolling = false;
        std::int64_t frame = 0;
    };

    /** A script of the other transport, as a DAW would drive it: `cycles` cycles of
        `period` frames, with the changes at the cycle boundaries where JACK makes them. */
    std::vector<Cycle> dawScript (int period)
    {
        struct Change { std::int64_t atCycle; bool rolling; std::int64_t locateTo; };
        // Locate off the beat grid, roll, stop, locate far ahead, roll, "loop" back.
        const std::vector<Change> changes { { 0, false, 12345 }, { 3, true, -1 }, { 400, false, -1 },
                                            { 420, false, 48000 * 170 + 77 }, { 425, true, -1 },
                                            { 700, true, 48000 * 169 + 5 }, { 900, false, -1 } };
        std::vector<Cycle> cycles;
        Cycle now;
        std::size_t next = 0;
        for (std::int64_t c = 0; c < 1000; ++c)
        {
            if (c > 0 && now.rolling)
                now.frame += period;
            while (next < changes.size() && changes[next].atCycle == c)
            {
                now.rolling = changes[next].rolling;
                if (changes[next].locateTo >= 0)
                    now.frame = changes[next].locateTo;
                ++next;
            }
            cycles.push_back (now);
        }
        return cycles;
    }

    std::unique_ptr<Plan> clickPlan()
    {
        auto map = std::make_shared<const TempoMap> (std::vector<TempoMapEntry> { { 1, 120.0, 4, 4 } }, rate);
        auto sounds = std::make_shared<const ClickSounds> (ClickSounds::fromSample ({ 1.0f }));
        PlanSketch sketch;
        PlanSource click;
        click.kind = SourceKind::click;
        click.timeline = std::make_shared<ClickGenerator> (map, sounds, ClickGenerator::Settings {}, ClickGenerator::Mode::always);
        sketch.sources.push_back (click);
        sketch.mixes.push_back ({ 1, 0, { { 0, { 1.0f, 1.0f } } } });
        return sketch.build (rate);
    }
}

TEST_CASE ("Following another transport puts every click on the transport frame the tempo map gives, at any period", "[engine][transport][jack]")
{
    for (const int period : { 64, 256, 1024 })
    {
        INFO ("period " << period);
        Engine engine;
        engine.prepare (rate);
        engine.plans().publish (clickPlan());
        // Our own commands must not move a followed transport, nor count in.
        engine.pushCommand (EngineCommand::make (EngineCommand::Type::play, 96000));

        std::vector<float> out (static_cast<std::size_t> (period));
        std::vector<float*> outputs { out.data() };
        int onsets = 0, wrong = 0, soundWhileStopped = 0;

        for (const auto& cycle : dawScript (period))
        {
            engine.followExternalTransport (cycle.rolling, cycle.frame);
            engine.processBlock (nullptr, 0, outputs.data(), 1, period);

            for (int i = 0; i < period; ++i)
            {
                if (out[static_cast<std::size_t> (i)] == 0.0f)
                    continue;
                if (! cycle.rolling)
                {
                    ++soundWhileStopped;
                    continue;
                }
                ++onsets;
                if ((cycle.frame + i) % 24000 != 0)  // 120 bpm: a beat every 24000 frames
                    ++wrong;
            }
        }

        // Every beat inside a rolled stretch: [12345, ...) for 397 cycles, then [170 s + 77, ...)
        // for 275 cycles, then [169 s + 5, ...) for 200 cycles.
        auto beatsIn = [] (std::int64_t from, std::int64_t to) { return (to - 1) / 24000 - (from - 1) / 24000; };
        const auto expected = beatsIn (12345, 12345 + 397 * period) + beatsIn (48000 * 170 + 77, 48000 * 170 + 77 + 275 * period)
                              + beatsIn (48000 * 169 + 5, 48000 * 169 + 5 + 200 * period);
        CHECK (wrong == 0);
        CHECK (soundWhileStopped == 0);
        CHECK (onsets == expected);
    }
}

TEST_CASE ("A followed transport ignores our own loop and reports where it stands", "[engine][transport][jack]")
{
    Engine engine;
    engine.prepare (rate);
    engine.plans().publish (clickPlan());
    engine.pushCommand (EngineCommand::make (EngineCommand::Type::setLoop, 0, true, 1000));

    std::vector<float> out (512);
    std::vector<float*> outputs { out.data() };
    engine.followExternalTransport (true, 900);
    engine.processBlock (nullptr, 0, outputs.data(), 1, 512);
    // Our loop would have wrapped at 1000; the other transport's frames win.
    CHECK (engine.getTransport().readPositionForDisplay() == 900 + 512);
    CHECK (engine.getTransport().readRollingForDisplay());

    engine.releaseExternalTransport();
    CHECK_FALSE (engine.getTransport().isFollowing());
    CHECK_FALSE (engine.getTransport().readRollingForDisplay());
}
