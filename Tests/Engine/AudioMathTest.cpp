#include "Engine/AudioMath.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace foldback;

TEST_CASE ("gainToDecibels has one floor: silence, negatives, NaN and anything quieter give kSilenceDb", "[engine][math]")
{
    CHECK (gainToDecibels (1.0f) == 0.0f);
    CHECK (gainToDecibels (0.5f) == Approx (-6.0206).margin (1e-4));
    CHECK (gainToDecibels (2.0f) == Approx (6.0206).margin (1e-4));
    CHECK (gainToDecibels (1.0e-6f) == Approx (-120.0).margin (1e-3));

    CHECK (gainToDecibels (0.0f) == kSilenceDb);
    CHECK (gainToDecibels (-0.5f) == kSilenceDb);
    CHECK (gainToDecibels (1.0e-9f) == kSilenceDb);
    CHECK (gainToDecibels (std::numeric_limits<float>::quiet_NaN()) == kSilenceDb);
    CHECK (gainToDecibels (std::numeric_limits<float>::denorm_min()) == kSilenceDb);

    // The inverse meets it at the floor: the fader's -inf is exactly 0.
    CHECK (decibelsToGain (gainToDecibels (0.0f)) == 0.0f);
}
