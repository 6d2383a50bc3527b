#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace foldback
{

/** The three mono buffers a click plays: one for downbeats, one for the other beats and
    one for subdivisions, at the session's sample rate.

    Levels: the built-in sounds are peak normalised to accentPeak (0.5, -6.02 dBFS) for the
    accent, beatPeak (0.25, -12.04 dBFS) for the beat and subdivisionPeak (0.125,
    -18.06 dBFS) for the subdivision, before the click's own gains and the mixes' sends.
    A custom sample keeps its own level as the accent, with the beat at x0.5 (-6 dB) and
    the subdivision at x0.25 (-12 dB). Every built-in buffer starts at exactly 0 and fades
    to 0 at its end, so neither its start nor its end clicks.

    Built on the message thread (the factories allocate and may throw); immutable after,
    so get() is safe from the audio thread: wait-free, no allocation. */
class ClickSounds
{
public:
    enum class Variant : std::uint8_t
    {
        accent,     ///< the downbeat
        beat,       ///< the other beats
        subdivision ///< between beats
    };

    static constexpr float accentPeak = 0.5f;
    static constexpr float beatPeak = 0.25f;
    static constexpr float subdivisionPeak = 0.125f;

    /** The names builtIn() accepts: "beep", "woodblock", "cowbell", "hihat", "rimshot". */
    static constexpr std::array<std::string_view, 5> builtInNames { "beep", "woodblock", "cowbell", "hihat", "rimshot" };

    /** Message thread: synthesises a built-in sound at a sample rate. Deterministic: the
        same name and rate always give the same samples (noise uses a fixed seed).
        Throws std::invalid_argument for an unknown name or a non-positive rate. */
    static ClickSounds builtIn (std::string_view name, double sampleRate);

    /** Message thread: a click from a mono sample already at the session's rate (the app
        loads and resamples the WAV). Non-finite samples become 0. */
    static ClickSounds fromSample (std::vector<float> mono);

    /** Any thread. */
    const std::vector<float>& get (Variant variant) const noexcept
    {
        return variants[static_cast<std::size_t> (variant)];
    }

    /** Any thread: the longest of the three buffers, in samples (a voice's longest tail). */
    std::size_t getLongestLength() const noexcept;

private:
    ClickSounds() = default;

    std::array<std::vector<float>, 3> variants;
};

} // namespace foldback
