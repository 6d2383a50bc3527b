#include "Engine/TempoMap.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace foldback;

namespace
{
    constexpr double sampleRates[] { 44100.0, 48000.0, 96000.0, 192000.0 };

    /** The index of the first onset that differs from the expected list, or -1. */
    template <typename Expected>
    long firstMismatch (const TempoMap& map, int subdivisions, long count, Expected expected)
    {
        std::int64_t from = 0;
        for (long i = 0; i < count; ++i)
        {
            const auto onset = map.nextOnsetAtOrAfter (from, subdivisions);
            const auto wanted = expected (i);
            if (onset.sample != wanted.sample || onset.kind != wanted.kind)
                return i;
            from = onset.sample + 1;
        }
        return -1;
    }
}

TEST_CASE ("Beat onsets land on their exact samples at 120 and 97.3 bpm for an hour, with no drift", "[tempomap][click]")
{
    for (double rate : sampleRates)
    {
        for (double bpm : { 120.0, 97.3 })
        {
            INFO ("rate " << rate << ", bpm " << bpm);
            const TempoMap map ({ { 1, bpm, 4, 4 } }, rate);
            const long beatsInAnHour = static_cast<long> (std::floor (60.0 * bpm));

            const auto mismatch = firstMismatch (map, 1, beatsInAnHour, [&] (long k)
            {
                const auto sample = std::llround (static_cast<double> (k) * (60.0 / bpm) * rate);
                return Onset { sample, k % 4 == 0 ? OnsetKind::downbeat : OnsetKind::beat };
            });
            CHECK (mismatch == -1);

            // Searching from anywhere, not only iterating, finds the same beats.
            const auto lastBeat = std::llround (static_cast<double> (beatsInAnHour - 1) * (60.0 / bpm) * rate);
            CHECK (map.nextOnsetAtOrAfter (lastBeat - 1, 1).sample == lastBeat);
            CHECK (map.nextOnsetAtOrAfter (lastBeat, 1).sample == lastBeat);
        }

        // At 120 bpm a beat is exactly half a second: beat 7200 is exactly one hour in.
        const TempoMap map ({ { 1, 120.0, 4, 4 } }, rate);
        CHECK (map.nextOnsetAtOrAfter (static_cast<std::int64_t> (3600.0 * rate) - 7, 1).sample
               == static_cast<std::int64_t> (3600.0 * rate));
        CHECK (map.sampleOfBar (1801) == static_cast<std::int64_t> (3600.0 * rate));
    }
}

TEST_CASE ("Eighths, triplets and sixteenths fall on their exact samples between the beats", "[tempomap][click]")
{
    for (int n : { 2, 3, 4 })
    {
        INFO ("subdivisions " << n);
        const double bpm = 97.3, rate = 44100.0;
        const TempoMap map ({ { 1, bpm, 4, 4 } }, rate);
        const double beat = 60.0 / bpm;

        const auto mismatch = firstMismatch (map, n, static_cast<long> (10 * 98 * n), [&] (long i)
        {
            const long k = i / n, j = i % n;
            const double seconds = static_cast<double> (k) * beat;
            if (j == 0)
                return Onset { std::llround (seconds * rate), k % 4 == 0 ? OnsetKind::downbeat : OnsetKind::beat };
            return Onset { std::llround ((seconds + static_cast<double> (j) / n * beat) * rate), OnsetKind::subdivision };
        });
        CHECK (mismatch == -1);
    }

    SECTION ("triplets at 120 bpm and 48 kHz are exactly 8000 samples apart")
    {
        const TempoMap map ({ { 1, 120.0, 4, 4 } }, 48000.0);
        const auto mismatch = firstMismatch (map, 3, 3 * 4 * 200, [] (long i)
        {
            const auto kind = i % 12 == 0 ? OnsetKind::downbeat : (i % 3 == 0 ? OnsetKind::beat : OnsetKind::subdivision);
            return Onset { 8000 * static_cast<std::int64_t> (i), kind };
        });
        CHECK (mismatch == -1);
    }
}

TEST_CASE ("A change to 6/8 at 90 bpm from bar 17 starts on its exact sample with eighth-note beats", "[tempomap][click]")
{
    for (double rate : sampleRates)
    {
        INFO ("rate " << rate);
        const TempoMap map ({ { 1, 120.0, 4, 4 }, { 17, 90.0, 6, 8 } }, rate);
        const auto bar17 = static_cast<std::int64_t> (16 * 2 * rate);
        const auto eighth = static_cast<std::int64_t> (rate / 3.0); // 60 / 90 * 4 / 8 = 1/3 s

        CHECK (map.sampleOfBar (17) == bar17);
        CHECK (map.sampleOfBar (18) == bar17 + static_cast<std::int64_t> (2 * rate));
        CHECK (map.sampleOfBar (16) == bar17 - static_cast<std::int64_t> (2 * rate));

        // The last eighth of bar 16 (eighths subdivision at 4/4) comes just before bar 17.
        const auto beforeChange = map.nextOnsetAtOrAfter (bar17 - static_cast<std::int64_t> (rate / 4.0), 2);
        CHECK (beforeChange.sample == bar17 - static_cast<std::int64_t> (rate / 4.0));
        CHECK (beforeChange.kind == OnsetKind::subdivision);

        const auto first = map.nextOnsetAtOrAfter (bar17 - 1, 1);
        CHECK (first.sample == bar17);
        CHECK (first.kind == OnsetKind::downbeat);

        std::int64_t previous = first.sample;
        bool spacingExact = true, accentsEverySix = true;
        for (int i = 1; i <= 600; ++i)
        {
            const auto onset = map.nextOnsetAtOrAfter (previous + 1, 1);
            spacingExact = spacingExact && onset.sample - previous == eighth;
            accentsEverySix = accentsEverySix && (onset.kind == OnsetKind::downbeat) == (i % 6 == 0);
            previous = onset.sample;
        }
        CHECK (spacingExact);
        CHECK (accentsEverySix);

        const auto before = map.tempoAt (bar17 - 1);
        const auto after = map.tempoAt (bar17);
        CHECK (before.bpm == 120.0);
        CHECK (before.beatsPerBar == 4);
        CHECK (after.bpm == 90.0);
        CHECK (after.beatsPerBar == 6);
        CHECK (after.beatUnit == 8);
        CHECK (after.beatSeconds == 60.0 / 90.0 * 0.5);
    }
}

TEST_CASE ("Bar and beat read back exactly from every beat's onset sample", "[tempomap]")
{
    const TempoMap map ({ { 1, 97.3, 4, 4 }, { 5, 143.7, 7, 8 }, { 9, 60.0, 3, 4 }, { 12, 233.3, 5, 16 } }, 44100.0);
    const std::vector<TempoMapEntry>& entries = map.getEntries();

    int checked = 0;
    for (int bar = 1; bar <= 20; ++bar)
    {
        int beatsPerBar = entries.front().beatsPerBar;
        for (const auto& e : entries)
            if (e.bar <= bar)
                beatsPerBar = e.beatsPerBar;

        for (int beat = 1; beat <= beatsPerBar; ++beat)
        {
            INFO (bar << "|" << beat);
            const auto at = map.sampleOfBarBeat (bar, beat);
            const auto read = map.barBeatAt (at);
            CHECK (read.bar == bar);
            CHECK (read.beat == beat);
            CHECK (read.fraction == 0.0);
            CHECK (read.beatsPerBar == beatsPerBar);

            const auto next = map.nextOnsetAtOrAfter (at + 1, 1).sample;
            const auto justBefore = map.barBeatAt (next - 1);
            CHECK (justBefore.bar == bar);
            CHECK (justBefore.beat == beat);
            CHECK (justBefore.fraction == static_cast<double> (next - 1 - at) / static_cast<double> (next - at));

            const auto half = map.barBeatAt (map.sampleOfBarBeat (bar, beat + 0.5));
            CHECK (half.beat == beat);
            CHECK (half.fraction == Approx (0.5).margin (1.0 / static_cast<double> (next - at)));
            ++checked;
        }
    }
    CHECK (checked == 4 * 4 + 4 * 7 + 3 * 3 + 9 * 5);

    const auto bar5 = map.barBeatAt (map.sampleOfBar (5));
    CHECK (bar5.bpm == 143.7);
    CHECK (bar5.beatUnit == 8);

    SECTION ("before the song start the first tempo runs backwards into bar 0")
    {
        const auto read = map.barBeatAt (-1);
        CHECK (read.bar == 0);
        CHECK (read.beat == 4);
        CHECK (map.sampleOfBar (0) == std::llround (-4.0 * (60.0 / 97.3) * 44100.0));
    }
}

TEST_CASE ("A count-in is whole bars of the tempo and meter where the roll starts", "[tempomap][countin]")
{
    const TempoMap map ({ { 1, 120.0, 4, 4 }, { 17, 90.0, 6, 8 } }, 48000.0);

    CHECK (map.countInLength (0, 2) == 4 * 48000);
    CHECK (map.countInLength (map.sampleOfBar (16), 1) == 2 * 48000);
    CHECK (map.countInLength (map.sampleOfBar (17), 1) == 2 * 48000);        // 6 eighths at 90 bpm
    CHECK (map.countInLength (map.sampleOfBarBeat (17, 3.5), 3) == 6 * 48000);
    CHECK (map.countInLength (0, 0) == 0);
    CHECK (map.countInLength (0, -1) == 0);

    // Rounded once for the whole count-in, not bar by bar: at 97.3 bpm and 48 kHz a bar is
    // 118396.71 samples, so three bars are 355190 samples, not 3 x 118397.
    const TempoMap at48k ({ { 1, 97.3, 4, 4 } }, 48000.0);
    CHECK (at48k.countInLength (0, 3) == std::llround (12.0 * (60.0 / 97.3) * 48000.0));
    CHECK (at48k.countInLength (0, 3) == 355190);

    const TempoMap fractional ({ { 1, 97.3, 4, 4 } }, 44100.0);
    const auto length = fractional.countInLength (12345, 2);
    CHECK (length == std::llround (8.0 * (60.0 / 97.3) * 44100.0));

    SECTION ("count-in onsets are their own grid from 0, accented on each count-in bar")
    {
        const auto bar17 = map.sampleOfBar (17);
        std::int64_t from = 0;
        for (int i = 0; i < 12; ++i)
        {
            const auto onset = map.nextCountInOnsetAtOrAfter (bar17, from, 1);
            CHECK (onset.sample == 16000 * i);
            CHECK ((onset.kind == OnsetKind::downbeat) == (i % 6 == 0));
            from = onset.sample + 1;
        }
        // The count-in's next beat would fall exactly where the roll starts.
        CHECK (map.nextCountInOnsetAtOrAfter (bar17, from, 1).sample == map.countInLength (bar17, 2));

        from = 0;
        for (int i = 0; i < 8 * 2; ++i)
        {
            const auto onset = fractional.nextCountInOnsetAtOrAfter (0, from, 2);
            const double beat = 60.0 / 97.3;
            const auto expected = i % 2 == 0 ? std::llround (static_cast<double> (i / 2) * beat * 44100.0)
                                             : std::llround ((static_cast<double> (i / 2) * beat + 1.0 / 2 * beat) * 44100.0);
            CHECK (onset.sample == expected);
            CHECK ((onset.kind == OnsetKind::subdivision) == (i % 2 == 1));
            from = onset.sample + 1;
        }
        CHECK (fractional.nextCountInOnsetAtOrAfter (0, from, 2).sample == length);
    }
}

TEST_CASE ("A tempo map that breaks the rules is refused, naming the entry", "[tempomap]")
{
    auto refuses = [] (std::vector<TempoMapEntry> entries, const std::string& fragment)
    {
        try
        {
            TempoMap map (std::move (entries), 48000.0);
        }
        catch (const std::invalid_argument& e)
        {
            return std::string (e.what()).find (fragment) != std::string::npos;
        }
        return false;
    };

    CHECK (refuses ({}, "at least one entry"));
    CHECK (refuses ({ { 2, 120.0, 4, 4 } }, "entry 1: the first entry must be at bar 1"));
    CHECK (refuses ({ { 1, 120.0, 4, 4 }, { 9, 100.0, 4, 4 }, { 9, 90.0, 4, 4 } }, "entry 3: bar 9"));
    CHECK (refuses ({ { 1, 19.9, 4, 4 } }, "entry 1: bpm"));
    CHECK (refuses ({ { 1, 400.1, 4, 4 } }, "entry 1: bpm"));
    CHECK (refuses ({ { 1, std::nan (""), 4, 4 } }, "entry 1: bpm"));
    CHECK (refuses ({ { 1, 120.0, 4, 4 }, { 3, 120.0, 0, 4 } }, "entry 2: beatsPerBar"));
    CHECK (refuses ({ { 1, 120.0, 33, 4 } }, "entry 1: beatsPerBar"));
    CHECK (refuses ({ { 1, 120.0, 4, 3 } }, "entry 1: beatUnit"));
    CHECK_THROWS_AS (TempoMap ({ { 1, 120.0, 4, 4 } }, 0.0), std::invalid_argument);
    CHECK_NOTHROW (TempoMap ({ { 1, 20.0, 1, 1 }, { 2, 400.0, 32, 32 } }, 48000.0));
}
