#include "TimelineSource.h"

#include <cmath>

namespace foldback
{

std::int64_t BeatGrid::sampleOfStep (std::int64_t step, int subdivisions) const noexcept
{
    const double beats = static_cast<double> (step) / subdivisions - beatInBar;
    return anchor + static_cast<std::int64_t> (std::llround (beats * framesPerBeat));
}

std::int64_t BeatGrid::firstStepAtOrAfter (std::int64_t sample, int subdivisions) const noexcept
{
    // An estimate from the continuous position, then corrected for the rounding of samples.
    const double beats = beatInBar + static_cast<double> (sample - anchor) / framesPerBeat;
    auto step = static_cast<std::int64_t> (std::ceil (beats * subdivisions));
    while (sampleOfStep (step, subdivisions) < sample)
        ++step;
    while (sampleOfStep (step - 1, subdivisions) >= sample)
        --step;
    return step;
}

} // namespace foldback
