#pragma once

#include <functional>
#include <string>
#include <vector>

namespace foldback
{

class SoundFile;

/** Decodes `source` from its start and writes it to `outputPath` as 32-bit float at
    `sessionRate`, its first two channels at most (what a track plays): resampled by libsoxr
    at its very-high-quality, linear-phase setting when the rates differ, so frame n of the
    output is the source at time n / sessionRate exactly (soxr compensates its own filter
    delay) and nothing above the lower rate's Nyquist frequency survives (no aliasing when
    downsampling, no images when upsampling).

    The output is RF64 that stays a plain WAV while under 4 GB, written to a temporary
    name beside outputPath and renamed into place when complete: a reader never sees half
    a conversion.

    `progress` (0..1) and `shouldCancel` are called between chunks on the calling thread.
    Returns empty on success, or a reason without the path. Never the audio thread. */
std::string convertToSessionRate (SoundFile& source, const std::string& outputPath, double sessionRate,
                                  const std::function<void (double)>& progress = {},
                                  const std::function<bool()>& shouldCancel = {});

/** One channel held in memory at `fromRate`, at `toRate`: the same converter, for a sound
    short enough to convert whole (a custom click). Frame n of the result is the input at
    time n / toRate exactly, so a click's onset stays on its frame. */
std::vector<float> resampleWhole (const std::vector<float>& input, double fromRate, double toRate);

/** What a cache entry built by this converter is called, so a change of converter rebuilds. */
inline constexpr const char* trackConverterVersion = "soxr-vhq-lp-float32-1";

} // namespace foldback
