#include "TempoMap.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace foldback
{

namespace
{
    constexpr double minBpm = 20.0;
    constexpr double maxBpm = 400.0;
    constexpr int maxSubdivisions = 64;

    bool isValidBeatUnit (int unit) noexcept
    {
        return unit == 1 || unit == 2 || unit == 4 || unit == 8 || unit == 16 || unit == 32;
    }

    std::int64_t floorDiv (std::int64_t a, std::int64_t b) noexcept
    {
        const auto q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    /** Beat duration in seconds. The beat unit is a power of two, so 4.0 / beatUnit is
        exact and the one rounding is in 60 / bpm: callers can reproduce it bit for bit. */
    double beatSecondsOf (double bpm, int beatUnit) noexcept
    {
        return 60.0 / bpm * (4.0 / static_cast<double> (beatUnit));
    }

    void throwForEntry (std::size_t index, const std::string& problem)
    {
        throw std::invalid_argument ("tempo map entry " + std::to_string (index + 1) + ": " + problem);
    }
}

TempoMap::TempoMap (std::vector<TempoMapEntry> mapEntries, double rate)
    : entries (std::move (mapEntries)), sampleRate (rate)
{
    if (! (sampleRate > 0.0) || ! std::isfinite (sampleRate))
        throw std::invalid_argument ("tempo map: sample rate must be positive");

    if (entries.empty())
        throw std::invalid_argument ("tempo map: at least one entry (bar 1) is needed");

    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const auto& e = entries[i];

        if (i == 0 && e.bar != 1)
            throwForEntry (i, "the first entry must be at bar 1");
        if (i > 0 && e.bar <= entries[i - 1].bar)
            throwForEntry (i, "bar " + std::to_string (e.bar) + " must be after the previous entry's bar "
                                  + std::to_string (entries[i - 1].bar));
        if (! (e.bpm >= minBpm && e.bpm <= maxBpm))
            throwForEntry (i, "bpm must be within [20, 400]");
        if (e.beatsPerBar < 1 || e.beatsPerBar > 32)
            throwForEntry (i, "beatsPerBar must be within [1, 32]");
        if (! isValidBeatUnit (e.beatUnit))
            throwForEntry (i, "beatUnit must be 1, 2, 4, 8, 16 or 32");
    }

    segments.reserve (entries.size());
    double startSeconds = 0.0;

    for (std::size_t i = 0; i < entries.size(); ++i)
    {
        const auto& e = entries[i];
        Segment s;
        s.firstBar = e.bar;
        s.beatsPerBar = e.beatsPerBar;
        s.beatUnit = e.beatUnit;
        s.bpm = e.bpm;
        s.beatSeconds = beatSecondsOf (e.bpm, e.beatUnit);
        s.startSeconds = startSeconds;
        s.startSample = std::llround (startSeconds * sampleRate);

        if (i + 1 < entries.size())
        {
            s.beatCount = static_cast<std::int64_t> (entries[i + 1].bar - e.bar) * e.beatsPerBar;
            // The next segment starts exactly where this one's beat grid would put its next
            // beat (the same expression as onsetSample), so the onsets never step backwards.
            startSeconds = s.startSeconds + static_cast<double> (s.beatCount) * s.beatSeconds;
        }

        segments.push_back (s);
    }
}

const TempoMap::Segment& TempoMap::segmentAtSample (std::int64_t sample) const noexcept
{
    // The last segment starting at or before the sample; the first one also covers
    // everything before the song start.
    auto it = std::upper_bound (segments.begin(), segments.end(), sample,
                                [] (std::int64_t s, const Segment& seg) { return s < seg.startSample; });
    return it == segments.begin() ? segments.front() : *(it - 1);
}

const TempoMap::Segment& TempoMap::segmentAtBar (int bar) const noexcept
{
    auto it = std::upper_bound (segments.begin(), segments.end(), bar,
                                [] (int b, const Segment& seg) { return b < seg.firstBar; });
    return it == segments.begin() ? segments.front() : *(it - 1);
}

std::int64_t TempoMap::onsetSample (const Segment& segment, std::int64_t beat, int sub, int subdivisions) const noexcept
{
    double seconds = segment.startSeconds + static_cast<double> (beat) * segment.beatSeconds;

    if (sub > 0)
        seconds = seconds + static_cast<double> (sub) / static_cast<double> (subdivisions) * segment.beatSeconds;

    return std::llround (seconds * sampleRate);
}

std::int64_t TempoMap::beatAtOrBefore (const Segment& segment, std::int64_t sample) const noexcept
{
    // A floating-point estimate, then corrected against the exact onset samples so the
    // answer agrees with the click to the sample. Segments are found by their start
    // sample, so the corrections stay inside the segment and take a step or two at most.
    const double limit = 1.0e15;
    const double estimate = std::floor ((static_cast<double> (sample) / sampleRate - segment.startSeconds)
                                        / segment.beatSeconds);
    auto beat = static_cast<std::int64_t> (std::clamp (estimate, -limit, limit));

    while (onsetSample (segment, beat, 0, 1) > sample)
        --beat;
    while (onsetSample (segment, beat + 1, 0, 1) <= sample)
        ++beat;

    return beat;
}

Onset TempoMap::nextOnsetInSegment (const Segment& segment, std::int64_t sample, int subdivisions) const noexcept
{
    const auto beat = beatAtOrBefore (segment, sample);

    for (int sub = 0; sub < subdivisions; ++sub)
    {
        const auto at = onsetSample (segment, beat, sub, subdivisions);
        if (at >= sample)
        {
            if (sub > 0)
                return { at, OnsetKind::subdivision };
            return { at, beat - floorDiv (beat, segment.beatsPerBar) * segment.beatsPerBar == 0
                             ? OnsetKind::downbeat : OnsetKind::beat };
        }
    }

    // The next beat; when it is this segment's last + 1 it is, by construction, the next
    // segment's first beat (a downbeat, since segments hold whole bars).
    const auto next = beat + 1;
    return { onsetSample (segment, next, 0, 1),
             next - floorDiv (next, segment.beatsPerBar) * segment.beatsPerBar == 0 ? OnsetKind::downbeat
                                                                                   : OnsetKind::beat };
}

std::int64_t TempoMap::sampleOfBar (int bar) const noexcept
{
    return sampleOfBarBeat (bar, 1.0);
}

std::int64_t TempoMap::sampleOfBarBeat (int bar, double beat) const noexcept
{
    const auto& segment = segmentAtBar (bar);
    const auto wholeBeats = (static_cast<std::int64_t> (bar) - segment.firstBar) * segment.beatsPerBar;
    const double beats = static_cast<double> (wholeBeats) + (beat - 1.0);
    return std::llround ((segment.startSeconds + beats * segment.beatSeconds) * sampleRate);
}

BarBeat TempoMap::barBeatAt (std::int64_t sample) const noexcept
{
    const auto& segment = segmentAtSample (sample);
    const auto beat = beatAtOrBefore (segment, sample);
    const auto barsIn = floorDiv (beat, segment.beatsPerBar);

    const auto from = onsetSample (segment, beat, 0, 1);
    const auto to = onsetSample (segment, beat + 1, 0, 1);

    BarBeat result;
    result.bar = static_cast<int> (segment.firstBar + barsIn);
    result.beat = static_cast<int> (beat - barsIn * segment.beatsPerBar) + 1;
    result.fraction = static_cast<double> (sample - from) / static_cast<double> (to - from);
    result.beatsPerBar = segment.beatsPerBar;
    result.beatUnit = segment.beatUnit;
    result.bpm = segment.bpm;
    return result;
}

TempoAt TempoMap::tempoAt (std::int64_t sample) const noexcept
{
    const auto& segment = segmentAtSample (sample);
    return { segment.bpm, segment.beatsPerBar, segment.beatUnit, segment.beatSeconds };
}

Onset TempoMap::nextOnsetAtOrAfter (std::int64_t sample, int subdivisionsPerBeat) const noexcept
{
    return nextOnsetInSegment (segmentAtSample (sample), sample,
                               std::clamp (subdivisionsPerBeat, 1, maxSubdivisions));
}

std::int64_t TempoMap::countInLength (std::int64_t atSample, int bars) const noexcept
{
    if (bars <= 0)
        return 0;

    const auto& segment = segmentAtSample (atSample);
    const auto beats = static_cast<std::int64_t> (bars) * segment.beatsPerBar;
    return std::llround (static_cast<double> (beats) * segment.beatSeconds * sampleRate);
}

Onset TempoMap::nextCountInOnsetAtOrAfter (std::int64_t rollStart, std::int64_t countInSample,
                                           int subdivisionsPerBeat) const noexcept
{
    // The count-in is its own grid starting at 0 with the tempo and meter of the place the
    // roll starts from: start seconds 0.0 makes onsetSample compute llround (i * beat * sr).
    Segment grid = segmentAtSample (rollStart);
    grid.firstBar = 1;
    grid.startSeconds = 0.0;
    grid.startSample = 0;
    grid.beatCount = 0;

    return nextOnsetInSegment (grid, std::max<std::int64_t> (0, countInSample),
                               std::clamp (subdivisionsPerBeat, 1, maxSubdivisions));
}

} // namespace foldback
