#pragma once

#include <cstdint>
#include <vector>

namespace foldback
{

/** A tempo and meter in force from a bar on, as the Session hands it to the engine. */
struct TempoMapEntry
{
    int bar = 1;            ///< 1-based; the first entry is bar 1, then strictly increasing
    double bpm = 120.0;     ///< quarter notes per minute, [20, 400], fractional allowed
    int beatsPerBar = 4;    ///< meter numerator, [1, 32]
    int beatUnit = 4;       ///< meter denominator: 1, 2, 4, 8, 16 or 32; one beat is one of these
};

/** A timeline position as a musician reads it ("bar|beat"). */
struct BarBeat
{
    int bar = 1;            ///< 1-based; 0 and below before the song start
    int beat = 1;           ///< 1-based within the bar
    double fraction = 0.0;  ///< [0, 1) of the way to the next beat's onset sample
    int beatsPerBar = 4;
    int beatUnit = 4;
    double bpm = 120.0;
};

/** The tempo and meter in force at a position. */
struct TempoAt
{
    double bpm = 120.0;
    int beatsPerBar = 4;
    int beatUnit = 4;
    double beatSeconds = 0.5; ///< one meter unit: 60 / bpm * 4 / beatUnit
};

enum class OnsetKind : std::uint8_t
{
    downbeat,    ///< the first beat of a bar
    beat,        ///< any other beat
    subdivision  ///< between beats: eighths, triplets, sixteenths of the beat
};

/** A click onset: the exact sample it starts on. */
struct Onset
{
    std::int64_t sample = 0;
    OnsetKind kind = OnsetKind::beat;
};

/** The song's tempo map on the sample timeline (sample 0 = bar 1 beat 1).

    Every onset is rounded once from an exact time: beat k of a tempo segment starts at
    llround ((segmentStartSeconds + k * beatSeconds) * sampleRate), and subdivision j of n at
    llround ((beatStartSeconds + j / n * beatSeconds) * sampleRate). Nothing is accumulated
    block by block or beat by beat, so the click cannot drift however long the song is.
    A segment's start is the time of its own first beat as computed by the segment before
    it, so onsets stay strictly increasing across tempo changes. The first segment also
    extends backwards (bar 0, -1, ...) for positions before the song start; the last
    extends forever.

    Built on the message thread (the constructor allocates and may throw); immutable after,
    so every const query is safe from any thread, including the audio thread: wait-free,
    no allocation, O(log number of tempo changes). */
class TempoMap
{
public:
    /** Message thread. Throws std::invalid_argument, naming the entry, if the entries are
        empty or out of range (the Session validates first; this is the last guard). */
    TempoMap (std::vector<TempoMapEntry> entries, double sampleRate);

    double getSampleRate() const noexcept                       { return sampleRate; }
    const std::vector<TempoMapEntry>& getEntries() const noexcept { return entries; }

    /** Any thread: the first sample of a bar (1-based). */
    std::int64_t sampleOfBar (int bar) const noexcept;

    /** Any thread: the sample of a beat within a bar; beat is 1-based and may be
        fractional (2.5 is halfway through beat 2). Integer beats give their onset sample. */
    std::int64_t sampleOfBarBeat (int bar, double beat) const noexcept;

    /** Any thread: bar, beat and fraction at a sample, for display. The beat is the last
        one whose onset sample is at or before `sample`, so onsets read exactly "bar|beat". */
    BarBeat barBeatAt (std::int64_t sample) const noexcept;

    /** Any thread: timeline seconds of a sample. */
    double secondsAt (std::int64_t sample) const noexcept  { return static_cast<double> (sample) / sampleRate; }

    /** Any thread: the tempo and meter in force at a sample. */
    TempoAt tempoAt (std::int64_t sample) const noexcept;

    /** Any thread: the first onset at or after `sample`, with subdivisionsPerBeat onsets
        per beat (1 = beats only; clamped to [1, 64]). Iterate with
        nextOnsetAtOrAfter (onset.sample + 1, n). */
    Onset nextOnsetAtOrAfter (std::int64_t sample, int subdivisionsPerBeat) const noexcept;

    /** Any thread: the length of a count-in of `bars` bars before a roll from atSample,
        at the tempo and meter in force there: llround (bars * beatsPerBar * beatSeconds
        * sampleRate), i.e. exactly where the count-in's next beat would fall, so the roll
        starts on the count-in's beat grid. 0 for bars <= 0. */
    std::int64_t countInLength (std::int64_t atSample, int bars) const noexcept;

    /** Any thread: the first count-in onset at or after `countInSample` (samples since the
        count-in started) for a roll from rollStart. Count-in beat i starts at
        llround (i * beatSeconds * sampleRate) at the tempo and meter in force at rollStart;
        each count-in bar's first beat is a downbeat. The caller stops at countInLength(). */
    Onset nextCountInOnsetAtOrAfter (std::int64_t rollStart, std::int64_t countInSample,
                                     int subdivisionsPerBeat) const noexcept;

private:
    struct Segment
    {
        int firstBar = 1;
        int beatsPerBar = 4;
        int beatUnit = 4;
        double bpm = 120.0;
        double beatSeconds = 0.5;
        double startSeconds = 0.0;
        std::int64_t startSample = 0;
        std::int64_t beatCount = 0; ///< beats before the next segment; 0 for the last (unbounded)
    };

    const Segment& segmentAtSample (std::int64_t sample) const noexcept;
    const Segment& segmentAtBar (int bar) const noexcept;
    std::int64_t onsetSample (const Segment& segment, std::int64_t beat, int sub, int subdivisions) const noexcept;
    std::int64_t beatAtOrBefore (const Segment& segment, std::int64_t sample) const noexcept;
    Onset nextOnsetInSegment (const Segment& segment, std::int64_t sample, int subdivisions) const noexcept;

    std::vector<TempoMapEntry> entries;
    std::vector<Segment> segments;
    double sampleRate;
};

} // namespace foldback
