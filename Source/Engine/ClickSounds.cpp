#include "ClickSounds.h"

#include "AudioMath.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace foldback
{

namespace
{
    constexpr double pi = 3.14159265358979323846;
    constexpr double twoPi = 2.0 * pi;

    /** Accents sound about two semitones higher, so a downbeat is told apart by pitch as
        well as by level (a level difference alone is easy to miss in a loud mix). */
    constexpr double accentPitch = 1.12;

    /** Synthesised in double, shaped and normalised, then stored as float. */
    struct Buffer
    {
        Buffer (double rate, double seconds)
            : sampleRate (rate), samples (static_cast<std::size_t> (std::max (2LL, std::llround (seconds * rate))), 0.0)
        {
        }

        double timeOf (std::size_t n) const noexcept { return static_cast<double> (n) / sampleRate; }

        double sampleRate;
        std::vector<double> samples;
    };

    /** Raised-cosine edges: the first sample is exactly 0 and the last exactly 0, so a
        voice starting or ending never steps; the attack is short enough to stay a click. */
    void shapeEdges (Buffer& b, double attackSeconds, double releaseSeconds)
    {
        auto& x = b.samples;
        const auto size = x.size();
        const auto attack = std::min (size, static_cast<std::size_t> (std::max (1LL, std::llround (attackSeconds * b.sampleRate))));
        const auto release = std::min (size, static_cast<std::size_t> (std::max (1LL, std::llround (releaseSeconds * b.sampleRate))));

        for (std::size_t n = 0; n < attack; ++n)
            x[n] *= 0.5 - 0.5 * std::cos (pi * static_cast<double> (n) / static_cast<double> (attack));

        for (std::size_t m = 0; m < release; ++m)
            x[size - release + m] *= 0.5 + 0.5 * std::cos (pi * static_cast<double> (m + 1) / static_cast<double> (release));
    }

    std::vector<float> normalised (const Buffer& b, float peak)
    {
        double largest = 0.0;
        for (double v : b.samples)
            largest = std::max (largest, std::abs (v));

        std::vector<float> out (b.samples.size(), 0.0f);
        if (largest > 0.0)
        {
            const double scale = static_cast<double> (peak) / largest;
            for (std::size_t n = 0; n < out.size(); ++n)
                out[n] = static_cast<float> (b.samples[n] * scale);
        }
        return out;
    }

    /** White noise from a fixed-seed xorshift: the same on every run and every platform. */
    struct Noise
    {
        double next() noexcept
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return static_cast<double> (state >> 8) * (2.0 / 16777216.0) - 1.0;
        }

        std::uint32_t state = 0x2545f491u;
    };

    /** A second-order high-pass (RBJ cookbook), for the metallic part of hats and rims. */
    struct HighPass
    {
        HighPass (double cutoff, double sampleRate)
        {
            const double w0 = twoPi * std::min (cutoff, 0.4 * sampleRate) / sampleRate;
            const double alpha = std::sin (w0) / (2.0 * std::sqrt (0.5));
            const double c = std::cos (w0);
            const double a0 = 1.0 + alpha;
            b0 = b2 = (1.0 + c) / 2.0 / a0;
            b1 = -(1.0 + c) / a0;
            a1 = -2.0 * c / a0;
            a2 = (1.0 - alpha) / a0;
        }

        double process (double x) noexcept
        {
            const double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1; x1 = x;
            y2 = y1; y1 = y;
            return y;
        }

        double b0, b1, b2, a1, a2;
        double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
    };

    /** Sine with short raised-cosine edges: the plain electronic metronome. */
    Buffer beep (double rate, double frequency, double seconds)
    {
        Buffer b (rate, seconds);
        for (std::size_t n = 0; n < b.samples.size(); ++n)
            b.samples[n] = std::sin (twoPi * frequency * b.timeOf (n));
        shapeEdges (b, 0.002, std::min (0.010, seconds / 3.0));
        return b;
    }

    /** Two damped inharmonic modes, as a struck wooden bar rings. */
    Buffer woodblock (double rate, double frequency, double seconds, double decay)
    {
        Buffer b (rate, seconds);
        for (std::size_t n = 0; n < b.samples.size(); ++n)
        {
            const double t = b.timeOf (n);
            b.samples[n] = std::sin (twoPi * frequency * t) * std::exp (-t / decay)
                         + 0.5 * std::sin (twoPi * 2.71 * frequency * t) * std::exp (-t / (0.5 * decay));
        }
        shapeEdges (b, 0.0005, 0.005);
        return b;
    }

    /** Band-limited square wave (odd harmonics below the limit), so no partial aliases. */
    double bandLimitedSquare (double frequency, double t, double limit)
    {
        double sum = 0.0;
        for (int h = 1; h * frequency < limit; h += 2)
            sum += std::sin (twoPi * h * frequency * t) / h;
        return sum;
    }

    /** The classic drum-machine cowbell: two detuned squares, a sharp strike and a ring. */
    Buffer cowbell (double rate, double pitch, double seconds)
    {
        Buffer b (rate, seconds);
        const double limit = std::min (6000.0, 0.45 * rate);
        for (std::size_t n = 0; n < b.samples.size(); ++n)
        {
            const double t = b.timeOf (n);
            const double tone = bandLimitedSquare (587.0 * pitch, t, limit) + bandLimitedSquare (845.0 * pitch, t, limit);
            b.samples[n] = tone * (0.7 * std::exp (-t / 0.012) + 0.3 * std::exp (-t / 0.09));
        }
        shapeEdges (b, 0.0005, 0.010);
        return b;
    }

    /** High-passed noise with an exponential decay: longer decays sound more open. */
    Buffer hihat (double rate, double seconds, double decay)
    {
        Buffer b (rate, seconds);
        Noise noise;
        HighPass first (7000.0, rate), second (7000.0, rate);
        for (std::size_t n = 0; n < b.samples.size(); ++n)
            b.samples[n] = second.process (first.process (noise.next())) * std::exp (-b.timeOf (n) / decay);
        shapeEdges (b, 0.0003, 0.005);
        return b;
    }

    /** A rim click: a bright ring and a body over a very short noise crack. */
    Buffer rimshot (double rate, double pitch, double seconds, double decayScale)
    {
        Buffer b (rate, seconds);
        Noise noise;
        HighPass crack (2000.0, rate);
        for (std::size_t n = 0; n < b.samples.size(); ++n)
        {
            const double t = b.timeOf (n);
            b.samples[n] = 0.6 * std::sin (twoPi * 1750.0 * pitch * t) * std::exp (-t / (0.010 * decayScale))
                         + 0.4 * std::sin (twoPi * 480.0 * pitch * t) * std::exp (-t / (0.020 * decayScale))
                         + 0.5 * crack.process (noise.next()) * std::exp (-t / (0.004 * decayScale));
        }
        shapeEdges (b, 0.0003, 0.005);
        return b;
    }
}

ClickSounds ClickSounds::builtIn (std::string_view name, double rate)
{
    if (! (rate > 0.0) || ! std::isfinite (rate))
        throw std::invalid_argument ("click sound: sample rate must be positive");

    auto make = [] (const Buffer& accent, const Buffer& beat, const Buffer& subdivision)
    {
        ClickSounds sounds;
        sounds.variants = { normalised (accent, accentPeak), normalised (beat, beatPeak),
                            normalised (subdivision, subdivisionPeak) };
        return sounds;
    };

    if (name == "beep")
        return make (beep (rate, 1500.0, 0.030), beep (rate, 1000.0, 0.030), beep (rate, 1000.0, 0.020));

    if (name == "woodblock")
        return make (woodblock (rate, 880.0 * accentPitch, 0.080, 0.015), woodblock (rate, 880.0, 0.080, 0.015),
                     woodblock (rate, 1250.0, 0.050, 0.008));

    if (name == "cowbell")
        return make (cowbell (rate, accentPitch, 0.300), cowbell (rate, 1.0, 0.250), cowbell (rate, 1.0, 0.120));

    if (name == "hihat")
        return make (hihat (rate, 0.200, 0.045), hihat (rate, 0.100, 0.020), hihat (rate, 0.050, 0.010));

    if (name == "rimshot")
        return make (rimshot (rate, accentPitch, 0.070, 1.0), rimshot (rate, 1.0, 0.070, 1.0),
                     rimshot (rate, 1.0, 0.040, 0.6));

    throw std::invalid_argument ("click sound: unknown sound \"" + std::string (name) + "\"");
}

ClickSounds ClickSounds::fromSample (std::vector<float> mono)
{
    for (auto& x : mono)
        if (! isFiniteSample (x))
            x = 0.0f;

    ClickSounds sounds;
    auto scaled = [&mono] (float gain)
    {
        std::vector<float> out (mono.size());
        for (std::size_t n = 0; n < mono.size(); ++n)
            out[n] = mono[n] * gain;
        return out;
    };

    sounds.variants[static_cast<std::size_t> (Variant::beat)] = scaled (0.5f);
    sounds.variants[static_cast<std::size_t> (Variant::subdivision)] = scaled (0.25f);
    sounds.variants[static_cast<std::size_t> (Variant::accent)] = std::move (mono);
    return sounds;
}

std::size_t ClickSounds::getLongestLength() const noexcept
{
    std::size_t longest = 0;
    for (const auto& v : variants)
        longest = std::max (longest, v.size());
    return longest;
}

} // namespace foldback
