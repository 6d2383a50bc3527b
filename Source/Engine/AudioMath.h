#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace foldback
{

/** Gains at or below this many dB are silence: the fader's "-inf" position. */
constexpr float kSilenceDb = -144.0f;

/** Converts decibels to a linear gain; kSilenceDb and below give exactly 0. */
inline float decibelsToGain (float db) noexcept
{
    return db <= kSilenceDb ? 0.0f : std::pow (10.0f, db * 0.05f);
}

/** Converts a linear gain (or a meter's level) to decibels: the one conversion there is,
    for the engine, the console, the remotes and the status line. Its floor is kSilenceDb:
    0, negative gains, NaN and anything quieter than -144 dB give exactly kSilenceDb, which
    a display may show as "-inf". Displays clamp to their own range and round as they show
    on top of it. Any thread; no allocation. */
inline float gainToDecibels (float gain) noexcept
{
    return gain <= 0.0f ? kSilenceDb : std::fmax (kSilenceDb, 20.0f * std::log10 (gain));
}

/** True for every float but NaN and the infinities; a bit test, so -ffast-math cannot fold it. */
inline bool isFiniteSample (float x) noexcept
{
    std::uint32_t bits;
    std::memcpy (&bits, &x, sizeof bits);
    return (bits & 0x7f800000u) != 0x7f800000u;
}

/** A left/right gain pair. */
struct StereoGain
{
    float left = 0.0f;
    float right = 0.0f;
};

/** Constant-power pan for a mono source: -1 hard left, +1 hard right, -3 dB each side
    at centre. The ends are exact (1 and 0) so a hard-panned unity send is bit-exact. */
inline StereoGain constantPowerPan (float pan) noexcept
{
    if (pan <= -1.0f) return { 1.0f, 0.0f };
    if (pan >= 1.0f)  return { 0.0f, 1.0f };
    const double angle = (static_cast<double> (pan) + 1.0) * 0.25 * 3.14159265358979323846;
    return { static_cast<float> (std::cos (angle)), static_cast<float> (std::sin (angle)) };
}

/** Balance for a stereo source: centre leaves both sides at unity; turning towards one
    side fades the other out linearly, as a console's balance control does. */
inline StereoGain balancePan (float pan) noexcept
{
    if (pan < -1.0f) pan = -1.0f;
    if (pan > 1.0f)  pan = 1.0f;
    return { pan > 0.0f ? 1.0f - pan : 1.0f, pan < 0.0f ? 1.0f + pan : 1.0f };
}

} // namespace foldback
