#include "Engine/ClickGenerator.h"
#include "Support/TestPlans.h"
#include "Support/TimelineDriver.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <ostream>
#include <vector>

using namespace foldback;
using namespace foldback::test;

namespace
{
    using Type = EngineCommand::Type;
    using Settings = ClickGenerator::Settings;
    using Mode = ClickGenerator::Mode;

    /** A click sample one frame long: every onset shows as one exact sample of its level
        (accent 1, beat 0.5, subdivision 0.25, times the click's gains). */
    std::shared_ptr<const ClickSounds> impulses()
    {
        return std::make_shared<const ClickSounds> (ClickSounds::fromSample ({ 1.0f }));
    }

    std::shared_ptr<const TempoMap> tempoMap (std::vector<TempoMapEntry> entries, double rate)
    {
        return std::make_shared<const TempoMap> (std::move (entries), rate);
    }

    TimedCommand at (std::int64_t frame, EngineCommand command) { return { frame, command }; }
    EngineCommand play (std::int64_t countIn = 0)              { return EngineCommand::make (Type::play, countIn); }
    EngineCommand stop()                                        { return EngineCommand::make (Type::stop); }
    EngineCommand locate (std::int64_t position)                { return EngineCommand::make (Type::locate, position); }
    EngineCommand loop (std::int64_t start, std::int64_t end)  { return EngineCommand::make (Type::setLoop, start, true, end); }

    struct Event
    {
        std::int64_t frame;
        float value;
        bool operator== (const Event&) const = default;
    };

    std::ostream& operator<< (std::ostream& os, const Event& e) { return os << e.frame << ":" << e.value; }

    /** Every non-zero output sample: with impulse sounds, exactly the onsets. */
    std::vector<Event> eventsOf (ClickGenerator& click, std::int64_t totalFrames, const std::vector<TimedCommand>& commands,
                                 const std::vector<int>& blockSizes)
    {
        std::vector<Event> events;
        driveTimeline (click, totalFrames, commands, blockSizes, [&events] (std::int64_t first, const float* x, int n)
        {
            for (int i = 0; i < n; ++i)
                if (x[i] != 0.0f)
                    events.push_back ({ first + i, x[i] });
        });
        return events;
    }

    /** Index of the first difference, or -1: long event lists are not printed whole. */
    long firstDifference (const std::vector<Event>& a, const std::vector<Event>& b)
    {
        for (std::size_t i = 0; i < std::min (a.size(), b.size()); ++i)
            if (! (a[i] == b[i]))
                return static_cast<long> (i);
        return a.size() == b.size() ? -1 : static_cast<long> (std::min (a.size(), b.size()));
    }

    /** -1 when equal, else the first index that differs: a failure prints one number
        rather than a million samples. Sizes that differ count as a difference at the end. */
    long firstSampleDifference (const std::vector<float>& a, const std::vector<float>& b)
    {
        const auto n = std::min (a.size(), b.size());
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i])
                return static_cast<long> (i);
        return a.size() == b.size() ? -1 : static_cast<long> (n);
    }
}

TEST_CASE ("Click onsets land on their exact samples at a fractional tempo, for ten minutes", "[click]")
{
    for (double rate : { 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        for (double bpm : { 120.0, 97.3 })
        {
            INFO ("rate " << rate << ", bpm " << bpm);
            ClickGenerator click (tempoMap ({ { 1, bpm, 4, 4 } }, rate), impulses(), {}, Mode::always);
            const auto total = static_cast<std::int64_t> (600.0 * rate);

            std::vector<Event> expected;
            for (long k = 0;; ++k)
            {
                const auto sample = std::llround (static_cast<double> (k) * (60.0 / bpm) * rate);
                if (sample >= total)
                    break;
                expected.push_back ({ sample, k % 4 == 0 ? 1.0f : 0.5f });
            }

            const auto events = eventsOf (click, total, { at (0, play()) }, randomBlockSizes (static_cast<unsigned> (rate + bpm)));
            const auto difference = firstDifference (events, expected);
            INFO ("first difference at event " << difference << " of " << expected.size());
            CHECK (difference == -1);
        }
    }
}

TEST_CASE ("The click moves to 6/8 at 90 bpm on bar 17's exact sample", "[click]")
{
    const double rate = 44100.0;
    auto map = tempoMap ({ { 1, 120.0, 4, 4 }, { 17, 90.0, 6, 8 } }, rate);
    ClickGenerator click (map, impulses(), {}, Mode::always);

    const auto bar16 = map->sampleOfBar (16);
    REQUIRE (bar16 == 15 * 2 * 44100);
    const auto events = eventsOf (click, 5 * 44100, { at (0, locate (bar16)), at (0, play()) }, { 64 });

    std::vector<Event> expected;
    for (int i = 0; i < 4; ++i)               // bar 16: quarters, half a second apart
        expected.push_back ({ 22050 * i, i == 0 ? 1.0f : 0.5f });
    for (int i = 0; 88200 + 14700 * i < 5 * 44100; ++i) // bar 17 on: eighths, a third of a second apart
        expected.push_back ({ 88200 + 14700 * i, i % 6 == 0 ? 1.0f : 0.5f });

    CHECK (events == expected);
}

TEST_CASE ("Subdivisions sound between the beats at the subdivision level and gain", "[click]")
{
    auto map = tempoMap ({ { 1, 120.0, 4, 4 } }, 48000.0);

    SECTION ("triplets with an accent gain and a subdivision gain")
    {
        ClickGenerator click (map, impulses(), { 3, true, 2.0f, 0.5f }, Mode::always);
        const auto events = eventsOf (click, 4 * 48000, { at (0, play()) }, { 513 });

        std::vector<Event> expected;
        for (int i = 0; i < 24; ++i)
            expected.push_back ({ 8000 * i, i % 12 == 0 ? 2.0f : (i % 3 == 0 ? 0.5f : 0.125f) });
        CHECK (events == expected);
    }

    SECTION ("sixteenths without a downbeat accent")
    {
        ClickGenerator click (map, impulses(), { 4, false, 2.0f, 1.0f }, Mode::always);
        const auto events = eventsOf (click, 2 * 48000, { at (0, play()) }, { 7 });

        std::vector<Event> expected;
        for (int i = 0; i < 16; ++i)
            expected.push_back ({ 6000 * i, i % 4 == 0 ? 0.5f : 0.25f });
        CHECK (events == expected);
    }

    SECTION ("eighths at a fractional tempo, on the rounded exact times")
    {
        const double rate = 96000.0, beat = 60.0 / 97.3;
        ClickGenerator click (tempoMap ({ { 1, 97.3, 4, 4 } }, rate), impulses(), { 2, true, 1.0f, 1.0f }, Mode::always);
        const auto total = static_cast<std::int64_t> (60 * rate);
        const auto events = eventsOf (click, total, { at (0, play()) }, randomBlockSizes (3));

        std::vector<Event> expected;
        for (long i = 0;; ++i)
        {
            const long k = i / 2;
            const double seconds = static_cast<double> (k) * beat;
            const auto sample = i % 2 == 0 ? std::llround (seconds * rate) : std::llround ((seconds + 1.0 / 2 * beat) * rate);
            if (sample >= total)
                break;
            expected.push_back ({ sample, i % 2 == 1 ? 0.25f : (k % 4 == 0 ? 1.0f : 0.5f) });
        }
        CHECK (firstDifference (events, expected) == -1);
    }
}

TEST_CASE ("A count-in clicks its own bars at the tempo and meter where the roll starts", "[click][countin]")
{
    SECTION ("two bars of 6/8 at 90 bpm before a roll from bar 17, then bar 17 on the count-in's grid")
    {
        auto map = tempoMap ({ { 1, 120.0, 4, 4 }, { 17, 90.0, 6, 8 } }, 48000.0);
        const auto bar17 = map->sampleOfBar (17);
        const auto countIn = map->countInLength (bar17, 2);
        REQUIRE (countIn == 4 * 48000);

        ClickGenerator click (map, impulses(), {}, Mode::always);
        const auto events = eventsOf (click, 6 * 48000, { at (0, locate (bar17)), at (0, play (countIn)) }, { 32 });

        std::vector<Event> expected;
        for (int i = 0; i < 18; ++i) // 12 count-in eighths, then the roll's
            expected.push_back ({ 16000 * i, i % 6 == 0 ? 1.0f : 0.5f });
        CHECK (events == expected);
    }

    SECTION ("one bar at 97.3 bpm with eighths, from mid-song, in either mode")
    {
        const double rate = 44100.0, beat = 60.0 / 97.3;
        auto map = tempoMap ({ { 1, 97.3, 4, 4 } }, rate);
        const auto from = map->sampleOfBar (3);
        const auto countIn = map->countInLength (from, 1);
        REQUIRE (countIn == std::llround (4.0 * beat * rate));

        std::vector<Event> countInEvents;
        for (int i = 0; i < 8; ++i)
        {
            const double seconds = static_cast<double> (i / 2) * beat;
            const auto sample = i % 2 == 0 ? std::llround (seconds * rate) : std::llround ((seconds + 1.0 / 2 * beat) * rate);
            countInEvents.push_back ({ sample, i % 2 == 1 ? 0.25f : (i == 0 ? 1.0f : 0.5f) });
        }

        for (auto mode : { Mode::always, Mode::countInOnly })
        {
            ClickGenerator click (map, impulses(), { 2, true, 1.0f, 1.0f }, mode);
            const auto events = eventsOf (click, countIn + 3 * 44100, { at (0, locate (from)), at (0, play (countIn)) },
                                          randomBlockSizes (11));

            auto expected = countInEvents;
            if (mode == Mode::always)
            {
                // The roll's onsets from bar 3, offset by the count-in.
                for (std::int64_t s = from; ; )
                {
                    const auto onset = map->nextOnsetAtOrAfter (s, 2);
                    if (onset.sample - from + countIn >= countIn + 3 * 44100)
                        break;
                    const float level = onset.kind == OnsetKind::downbeat ? 1.0f : (onset.kind == OnsetKind::beat ? 0.5f : 0.25f);
                    expected.push_back ({ onset.sample - from + countIn, level });
                    s = onset.sample + 1;
                }
                REQUIRE (expected[8] == Event { countIn, 1.0f });
                REQUIRE (expected[9].frame == countIn + std::llround ((2.0 * 4 * beat + 1.0 / 2 * beat) * rate) - from);
            }
            CHECK (events == expected);
        }
    }
}

TEST_CASE ("The roll's first beat sounds once, from the timeline, even if a count-in segment runs long", "[click][countin]")
{
    // The engine ends a segment where the count-in ends; a caller that did not must still
    // not hear the beat at countInLength twice.
    ClickGenerator click (tempoMap ({ { 1, 120.0, 4, 4 } }, 48000.0), impulses(), {}, Mode::always);
    std::vector<float> out (100000 + 100, 0.0f);

    TimelineSegment countingIn;
    countingIn.countingIn = true;
    countingIn.countInLength = 96000;
    float* channel = out.data();
    click.renderSegment (countingIn, &channel, 1, 100000);

    TimelineSegment rolling;
    rolling.rolling = true;
    channel = out.data() + 100000;
    click.renderSegment (rolling, &channel, 1, 100);

    std::vector<Event> events;
    for (std::size_t n = 0; n < out.size(); ++n)
        if (out[n] != 0.0f)
            events.push_back ({ static_cast<std::int64_t> (n), out[n] });
    const std::vector<Event> expected { { 0, 1.0f }, { 24000, 0.5f }, { 48000, 0.5f }, { 72000, 0.5f }, { 100000, 1.0f } };
    CHECK (events == expected);
}

TEST_CASE ("A count-in-only click is silent while rolling once its last click has rung out", "[click][countin]")
{
    const double rate = 48000.0;
    auto map = tempoMap ({ { 1, 200.0, 4, 4 } }, rate);
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::builtIn ("cowbell", rate));
    ClickGenerator click (map, sounds, { 4, true, 1.0f, 1.0f }, Mode::countInOnly);

    const auto countIn = map->countInLength (0, 1);
    REQUIRE (countIn == 57600);
    const auto out = renderTimeline (click, countIn + 8 * 48000, { at (0, play (countIn)) }, { 256 });

    // The last count-in click, a sixteenth before the roll, rings on into it (a click is
    // never cut off), but nothing new starts while rolling.
    const auto lastOnset = map->nextCountInOnsetAtOrAfter (0, countIn - 3700, 4).sample;
    REQUIRE (lastOnset == countIn - 3600);
    const auto tail = static_cast<std::int64_t> (sounds->get (ClickSounds::Variant::subdivision).size());
    REQUIRE (lastOnset + tail > countIn);

    float before = 0.0f, after = 0.0f;
    for (std::int64_t n = 0; n < countIn; ++n)
        before = std::max (before, std::abs (out[static_cast<std::size_t> (n)]));
    for (auto n = lastOnset + tail; n < static_cast<std::int64_t> (out.size()); ++n)
        after = std::max (after, std::abs (out[static_cast<std::size_t> (n)]));
    CHECK (before == Approx (ClickSounds::accentPeak).margin (1.0e-6));
    CHECK (after == 0.0f);
    CHECK (out[static_cast<std::size_t> (countIn)] != 0.0f);
}

TEST_CASE ("A stopped click starts nothing, and a click already sounding plays to its end", "[click][transport]")
{
    const double rate = 48000.0;
    auto map = tempoMap ({ { 1, 120.0, 4, 4 } }, rate);
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::builtIn ("beep", rate));
    const auto& accent = sounds->get (ClickSounds::Variant::accent);

    SECTION ("never started: silence, even on beat 1")
    {
        ClickGenerator click (map, sounds, {}, Mode::always);
        const auto out = renderTimeline (click, 48000, {}, { 100 });
        CHECK (firstSampleDifference (out, std::vector<float> (48000, 0.0f)) == -1);
    }

    SECTION ("stopped 100 samples into the first click")
    {
        ClickGenerator click (map, sounds, {}, Mode::always);
        const auto out = renderTimeline (click, 48000, { at (0, play()), at (100, stop()) }, { 64 });

        std::vector<float> expected (48000, 0.0f);
        std::copy (accent.begin(), accent.end(), expected.begin());
        CHECK (firstSampleDifference (out, expected) == -1);
    }
}

TEST_CASE ("A new click fades out the one still sounding over 2 ms instead of cutting it", "[click][voices]")
{
    const double rate = 48000.0;
    auto map = tempoMap ({ { 1, 120.0, 4, 4 } }, rate);
    // A long flat "click": its fade is plain to read in the output.
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::fromSample (std::vector<float> (30000, 1.0f)));
    ClickGenerator click (map, sounds, {}, Mode::always);
    const int fade = click.getFadeSamples();
    REQUIRE (fade == 96);

    const auto out = renderTimeline (click, 30000, { at (0, play()) }, { 7 });

    CHECK (out[23999] == 1.0f);
    bool falling = true, inRange = true;
    for (int i = 0; i < fade; ++i)
    {
        const float expected = 0.5f + static_cast<float> (fade - i) / static_cast<float> (fade);
        inRange = inRange && std::abs (out[static_cast<std::size_t> (24000 + i)] - expected) <= 1.0e-6f;
        falling = falling && (i == 0 || out[static_cast<std::size_t> (24000 + i)] < out[static_cast<std::size_t> (24000 + i - 1)]);
    }
    CHECK (inRange);
    CHECK (falling);
    CHECK (firstSampleDifference (std::vector<float> (out.begin() + 24000 + fade, out.end()),
                                  std::vector<float> (30000 - 24000 - fade, 0.5f)) == -1);
}

TEST_CASE ("The click jumps to the right onset at a locate and a loop wrap", "[click][transport]")
{
    auto map = tempoMap ({ { 1, 120.0, 4, 4 } }, 48000.0);

    SECTION ("a loop from just after bar 2 to bar 3: the onset at the loop end never sounds")
    {
        ClickGenerator click (map, impulses(), {}, Mode::always);
        const auto events = eventsOf (click, 320000, { at (0, loop (96100, 192000)), at (0, play()) }, { 4096 });

        const std::vector<Event> expected { { 0, 1.0f }, { 24000, 0.5f }, { 48000, 0.5f }, { 72000, 0.5f },
                                            { 96000, 1.0f }, { 120000, 0.5f }, { 144000, 0.5f }, { 168000, 0.5f },
                                            // wrap at frame 192000 to 96100
                                            { 215900, 0.5f }, { 239900, 0.5f }, { 263900, 0.5f },
                                            // wrap at frame 287900 to 96100
                                            { 311800, 0.5f } };
        CHECK (events == expected);
    }

    SECTION ("a loop starting on a bar sounds that downbeat on the wrap's first sample")
    {
        ClickGenerator click (map, impulses(), {}, Mode::always);
        const auto events = eventsOf (click, 250000, { at (0, locate (150000)), at (0, loop (96000, 192000)), at (0, play()) }, { 1 });
        // Wraps at frames 42000, 138000 and 234000, each onto bar 2's downbeat.
        const std::vector<Event> expected { { 18000, 0.5f }, { 42000, 1.0f }, { 66000, 0.5f }, { 90000, 0.5f },
                                            { 114000, 0.5f }, { 138000, 1.0f }, { 162000, 0.5f }, { 186000, 0.5f },
                                            { 210000, 0.5f }, { 234000, 1.0f } };
        CHECK (events == expected);
    }

    SECTION ("a locate onto a beat sounds it at once; a locate between beats waits for the next")
    {
        ClickGenerator click (map, impulses(), {}, Mode::always);
        const auto events = eventsOf (click, 40000,
                                      { at (0, play()), at (1000, locate (72000)), at (11000, locate (100)) }, { 333 });
        const std::vector<Event> expected { { 0, 1.0f }, { 1000, 0.5f }, { 11000 + 23900, 0.5f } };
        CHECK (events == expected);
    }
}

TEST_CASE ("Click output is bit-identical in chunks of 1, 7, 32, 64, 513, 4096 and random sizes", "[click][blocksize]")
{
    const double rate = 44100.0;
    auto map = tempoMap ({ { 1, 97.3, 4, 4 }, { 3, 143.7, 7, 8 }, { 6, 61.0, 3, 4 } }, rate);
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::builtIn ("cowbell", rate));
    const Settings settings { 4, true, 1.5f, 0.7f };

    const auto countIn = map->countInLength (0, 1);
    const auto loopStart = map->sampleOfBarBeat (2, 2.5);
    const auto loopEnd = map->sampleOfBarBeat (4, 1.3);
    const std::int64_t total = 20 * 44100;
    // A count-in, a loop across the tempo change, a locate, a stop mid-click and a count-in again.
    const std::vector<TimedCommand> commands { at (0, loop (loopStart, loopEnd)), at (0, play (countIn)),
                                               at (8 * 44100 + 17, locate (map->sampleOfBarBeat (5, 2.9))),
                                               at (12 * 44100 + 5, stop()),
                                               at (13 * 44100, locate (map->sampleOfBar (7))),
                                               at (13 * 44100 + 1, play (map->countInLength (map->sampleOfBar (7), 1))) };

    for (auto mode : { Mode::always, Mode::countInOnly })
    {
        ClickGenerator reference (map, sounds, settings, mode);
        const auto expected = renderTimeline (reference, total, commands, { 4096 });

        float peak = 0.0f;
        for (float x : expected)
            peak = std::max (peak, std::abs (x));
        CHECK (peak > 0.1f);

        const std::vector<std::vector<int>> partitions { { 1 }, { 7 }, { 32 }, { 64 }, { 513 }, { 4096 },
                                                         randomBlockSizes (1), randomBlockSizes (2, 997, 40),
                                                         randomBlockSizes (3) };
        for (const auto& blocks : partitions)
        {
            INFO ("mode " << static_cast<int> (mode) << ", first block " << blocks.front() << " of " << blocks.size());
            ClickGenerator click (map, sounds, settings, mode);
            CHECK (firstSampleDifference (renderTimeline (click, total, commands, blocks), expected) == -1);
        }
    }
}

TEST_CASE ("A click replacing another in a new plan carries the sounding click on", "[click][plan]")
{
    const double rate = 48000.0;
    auto map = tempoMap ({ { 1, 120.0, 4, 4 } }, rate);
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::builtIn ("cowbell", rate));

    ClickGenerator whole (map, sounds, { 2, true, 1.0f, 1.0f }, Mode::always);
    const auto expected = renderTimeline (whole, 96000, { at (0, play()) }, { 512 });

    // The same timeline, with the click replaced by a new plan's click 5000 samples into
    // the cowbell's ring and again exactly on an eighth's onset (12000).
    auto renderReplaced = [&] (bool carryOn)
    {
        const Settings settings { 2, true, 1.0f, 1.0f };
        ClickGenerator first (map, sounds, settings, Mode::always);
        ClickGenerator second (map, sounds, settings, Mode::always);
        ClickGenerator third (map, sounds, settings, Mode::always);

        Transport transport;
        transport.handle (play());
        std::vector<float> out (96000, 0.0f);
        auto render = [&] (ClickGenerator& click, int from, int to)
        {
            for (int offset = from; offset < to;)
            {
                const int n = transport.framesUntilBoundary (std::min (512, to - offset));
                float* channel = out.data() + offset;
                click.renderSegment (transport.currentSegment(), &channel, 1, n);
                transport.advance (n);
                offset += n;
            }
        };

        render (first, 0, 5000);
        if (carryOn)
            second.continueFrom (first);
        render (second, 5000, 12000);
        if (carryOn)
            third.continueFrom (second);
        render (third, 12000, 96000);
        return out;
    };

    CHECK (firstSampleDifference (renderReplaced (true), expected) == -1);

    // Without it the ringing click would stop dead at the swap (which is why the engine
    // should call continueFrom), though the next onsets still land where they should.
    const auto cut = renderReplaced (false);
    CHECK (cut[4999] == expected[4999]);
    CHECK (cut[5000] == 0.0f);
    CHECK (expected[5000] != 0.0f);
    const auto settled = 12000 + ClickGenerator (map, sounds, {}, Mode::always).getFadeSamples();
    CHECK (firstSampleDifference (std::vector<float> (cut.begin() + settled, cut.end()),
                                  std::vector<float> (expected.begin() + settled, expected.end())) == -1);
}

TEST_CASE ("The click reaches the headphones through the engine, the same at every block size", "[click][engine][blocksize]")
{
    const double rate = 48000.0;
    auto map = tempoMap ({ { 1, 120.0, 4, 4 }, { 3, 90.0, 6, 8 } }, rate);
    auto sounds = std::make_shared<const ClickSounds> (ClickSounds::builtIn ("woodblock", rate));
    const Settings settings { 3, true, 1.0f, 1.0f };
    const std::int64_t total = 6 * 48000;
    const auto countIn = map->countInLength (0, 1);

    // The engine's own commands, at the same frames the driver applies them.
    const std::vector<TimedCommand> commands { at (0, loop (map->sampleOfBar (2), map->sampleOfBarBeat (3, 4.5))),
                                               at (0, play (countIn)) };
    ClickGenerator standalone (map, sounds, settings, Mode::always);
    const auto direct = renderTimeline (standalone, total, commands, { 4096 });

    for (const auto& blocks : std::vector<std::vector<int>> { { 1 }, { 7 }, { 32 }, { 64 }, { 513 }, { 4096 }, randomBlockSizes (4) })
    {
        INFO ("first block " << blocks.front());
        PlanSketch sketch;
        PlanSource source;
        source.kind = SourceKind::click;
        source.numChannels = 1;
        source.timeline = std::make_shared<ClickGenerator> (map, sounds, settings, Mode::always);
        sketch.sources.push_back (source);
        sketch.mixes.push_back ({ 2, 0, { { 0, constantPowerPan (-1.0f) } } });

        Engine engine;
        engine.prepare (rate);
        engine.plans().publish (sketch.build (rate));
        for (const auto& c : commands)
            REQUIRE (engine.pushCommand (c.command));

        const auto out = runEngine (engine, Channels (1, static_cast<int> (total)), 2, blocks);
        // Hard left at unity, 6 dB under the limiter's ceiling: the click arrives untouched.
        CHECK (firstSampleDifference (out.data[0], direct) == -1);
        CHECK (firstSampleDifference (out.data[1], std::vector<float> (static_cast<std::size_t> (total), 0.0f)) == -1);
    }
}
