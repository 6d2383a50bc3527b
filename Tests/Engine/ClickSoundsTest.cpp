#include "Engine/ClickSounds.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

using namespace foldback;

namespace
{
    using Variant = ClickSounds::Variant;

    float peakOf (const std::vector<float>& x)
    {
        float peak = 0.0f;
        for (float v : x)
            peak = std::max (peak, std::abs (v));
        return peak;
    }

    int zeroCrossings (const std::vector<float>& x)
    {
        int crossings = 0;
        for (std::size_t n = 1; n < x.size(); ++n)
            crossings += (x[n - 1] < 0.0f) != (x[n] < 0.0f) ? 1 : 0;
        return crossings;
    }
}

TEST_CASE ("Every built-in click has three variants at their documented peaks, silent at both ends", "[click][sounds]")
{
    for (double rate : { 44100.0, 48000.0, 96000.0, 192000.0 })
    {
        for (auto name : ClickSounds::builtInNames)
        {
            INFO (std::string (name) << " at " << rate);
            const auto sounds = ClickSounds::builtIn (name, rate);

            const std::pair<Variant, float> variants[] { { Variant::accent, ClickSounds::accentPeak },
                                                         { Variant::beat, ClickSounds::beatPeak },
                                                         { Variant::subdivision, ClickSounds::subdivisionPeak } };
            for (const auto& [variant, peak] : variants)
            {
                const auto& x = sounds.get (variant);
                REQUIRE (x.size() > 100);
                CHECK (peakOf (x) == Approx (peak).margin (1.0e-6));
                CHECK (x.front() == 0.0f);
                CHECK (x.back() == 0.0f);
                bool finite = true;
                for (float v : x)
                    finite = finite && std::isfinite (v);
                CHECK (finite);
            }

            // No tail lasts longer than a third of a second, so voices stay short.
            CHECK (sounds.getLongestLength() <= static_cast<std::size_t> (0.3 * rate) + 1);
            CHECK (sounds.get (Variant::subdivision).size() <= sounds.get (Variant::beat).size());
        }
    }
}

TEST_CASE ("Built-in clicks are deterministic, noise included", "[click][sounds]")
{
    for (auto name : ClickSounds::builtInNames)
    {
        INFO (std::string (name));
        const auto a = ClickSounds::builtIn (name, 48000.0);
        const auto b = ClickSounds::builtIn (name, 48000.0);
        for (auto variant : { Variant::accent, Variant::beat, Variant::subdivision })
            CHECK ((a.get (variant) == b.get (variant))); // not decomposed: no 10^4-sample printout on failure

        // The accent differs from the beat in more than level: the variants are distinct sounds.
        const auto& accent = a.get (Variant::accent);
        const auto& beat = a.get (Variant::beat);
        bool onlyScaled = accent.size() == beat.size();
        for (std::size_t n = 0; onlyScaled && n < accent.size(); ++n)
            onlyScaled = std::abs (accent[n] * 0.5f - beat[n]) < 1.0e-6f;
        CHECK (! onlyScaled);
    }
}

TEST_CASE ("The beep is a 30 ms sine at 1.5 kHz accented and 1 kHz on the beat, with no step at its edges", "[click][sounds]")
{
    for (double rate : { 44100.0, 96000.0 })
    {
        INFO ("rate " << rate);
        const auto beep = ClickSounds::builtIn ("beep", rate);
        const auto& accent = beep.get (Variant::accent);
        const auto& beat = beep.get (Variant::beat);

        CHECK (accent.size() == static_cast<std::size_t> (std::llround (0.030 * rate)));
        CHECK (beat.size() == static_cast<std::size_t> (std::llround (0.030 * rate)));

        // Two crossings per cycle: 45 cycles and 30 cycles in 30 ms.
        CHECK (std::abs (zeroCrossings (accent) - 90) <= 2);
        CHECK (std::abs (zeroCrossings (beat) - 60) <= 2);

        // The largest step a sine this high can take, plus the attack envelope's slope:
        // anything larger would be an audible click.
        const double pi = 3.14159265358979323846;
        const double attackSamples = 0.002 * rate;
        const double allowed = ClickSounds::accentPeak * (2.0 * pi * 1500.0 / rate + pi / (2.0 * attackSamples)) * 1.01;
        float largestStep = 0.0f;
        for (std::size_t n = 1; n < accent.size(); ++n)
            largestStep = std::max (largestStep, std::abs (accent[n] - accent[n - 1]));
        CHECK (largestStep <= allowed);
        CHECK (largestStep > 0.5 * allowed); // and the bound is not vacuous
    }
}

TEST_CASE ("A custom sample is the accent, with the beat 6 dB and the subdivision 12 dB down", "[click][sounds]")
{
    std::vector<float> sample { 0.0f, 0.8f, -0.6f, std::numeric_limits<float>::quiet_NaN(), 0.3f,
                                std::numeric_limits<float>::infinity(), 0.0f };
    const auto sounds = ClickSounds::fromSample (sample);

    const std::vector<float> accent { 0.0f, 0.8f, -0.6f, 0.0f, 0.3f, 0.0f, 0.0f };
    CHECK (sounds.get (Variant::accent) == accent);
    const auto& beat = sounds.get (Variant::beat);
    const auto& sub = sounds.get (Variant::subdivision);
    REQUIRE (beat.size() == accent.size());
    REQUIRE (sub.size() == accent.size());
    for (std::size_t n = 0; n < accent.size(); ++n)
    {
        CHECK (beat[n] == accent[n] * 0.5f);
        CHECK (sub[n] == accent[n] * 0.25f);
    }
    CHECK (sounds.getLongestLength() == 7);
}

TEST_CASE ("An unknown click sound or a bad sample rate is refused", "[click][sounds]")
{
    CHECK_THROWS_AS (ClickSounds::builtIn ("cowbel", 48000.0), std::invalid_argument);
    CHECK_THROWS_AS (ClickSounds::builtIn ("custom", 48000.0), std::invalid_argument);
    CHECK_THROWS_AS (ClickSounds::builtIn ("beep", 0.0), std::invalid_argument);
    CHECK_NOTHROW (ClickSounds::builtIn ("rimshot", 22050.0));
}
