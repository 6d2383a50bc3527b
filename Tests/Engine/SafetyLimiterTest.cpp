#include "Engine/AudioMath.h"
#include "Engine/SafetyLimiter.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace foldback;

TEST_CASE ("The limiter holds its ceiling over millions of abusive frames, NaN and infinity included", "[limiter]")
{
    std::mt19937 rng (1234);
    std::uniform_real_distribution<float> unit (-1.0f, 1.0f);
    std::uniform_real_distribution<float> exponent (-10.0f, 38.0f);
    std::uniform_int_distribution<int> pick (0, 99);

    auto abusiveSample = [&]
    {
        switch (pick (rng))
        {
            case 0:  return std::numeric_limits<float>::quiet_NaN();
            case 1:  return std::numeric_limits<float>::infinity();
            case 2:  return -std::numeric_limits<float>::infinity();
            case 3:  return std::numeric_limits<float>::max();
            case 4:  return std::numeric_limits<float>::denorm_min();
            default: return unit (rng) * std::pow (10.0f, exponent (rng) * (pick (rng) < 50 ? 0.0f : 1.0f));
        }
    };

    for (float ceilingDb : { 0.0f, -1.0f, -6.0f, -20.0f, -60.0f })
    {
        const float ceiling = decibelsToGain (ceilingDb);
        SafetyLimiter limiter;
        limiter.prepare (48000.0);

        std::vector<float> left (512), right (512);
        for (int block = 0; block < 1000; ++block)
        {
            for (std::size_t i = 0; i < left.size(); ++i)
            {
                left[i] = abusiveSample();
                right[i] = abusiveSample();
            }
            limiter.process (left.data(), right.data(), 512, ceiling);
            for (std::size_t i = 0; i < left.size(); ++i)
            {
                REQUIRE (std::isfinite (left[i]));
                REQUIRE (std::isfinite (right[i]));
                REQUIRE (std::fabs (left[i]) <= ceiling);
                REQUIRE (std::fabs (right[i]) <= ceiling);
            }
        }
        CHECK (limiter.getNonFiniteSampleCount() > 0);
    }
}

TEST_CASE ("The limiter is bit-transparent while the programme stays 3 dB below the ceiling", "[limiter]")
{
    SafetyLimiter limiter;
    limiter.prepare (48000.0);
    const float ceiling = decibelsToGain (-1.0f);

    std::mt19937 rng (5);
    std::uniform_real_distribution<float> quiet (-ceiling * 0.7f, ceiling * 0.7f);
    std::vector<float> left (4800), right (4800);
    for (auto& x : left) x = quiet (rng);
    for (auto& x : right) x = quiet (rng);
    auto l = left, r = right;

    limiter.process (l.data(), r.data(), 4800, ceiling);
    CHECK (l == left);
    CHECK (r == right);
    CHECK (limiter.getLastBlockMinimumGain() == 1.0f);
}

TEST_CASE ("The limiter acts on the very sample that exceeds the ceiling and then recovers to unity", "[limiter]")
{
    SafetyLimiter limiter;
    limiter.prepare (48000.0, 0.05f);
    const float ceiling = 0.5f;

    std::vector<float> signal (48000, 0.1f);
    signal[100] = 4.0f; // a spike: no look-ahead, so sample 100 itself must be at the ceiling
    auto right = signal;
    limiter.process (signal.data(), right.data(), 48000, ceiling);

    CHECK (signal[99] == 0.1f);
    CHECK (signal[100] == ceiling);
    CHECK (signal[101] < 0.1f);  // gain reduction holds for the next sample
    CHECK (signal[101] > 0.0f);
    CHECK (signal.back() == 0.1f); // released back to exactly unity, bit-transparent again
}
