#pragma once

#include "ClickSounds.h"
#include "TempoMap.h"
#include "TimelineSource.h"

#include <array>
#include <cstdint>
#include <limits>
#include <memory>

namespace foldback
{

/** The metronome: a mono timeline source that starts a click on the exact sample of every
    onset of the tempo map (and of the count-in).

    - Rolling: onsets from the tempo map at the segment's timeline positions (mode
      `always` only). After a locate or a loop wrap the next onset is found afresh from
      the new position, so an onset exactly at the new position sounds at once.
    - Counting in: count-in beat i sounds at llround (i * beatSeconds * sampleRate) after
      the count-in started, at the tempo and meter in force where the roll will start;
      each count-in bar's first beat is accented. Both modes click during a count-in.
    - Following another timebase master (the segment carries a BeatGrid, JACK BBT): onsets
      on that grid instead of the tempo map's, each step sounded once across cycles.
    - Stopped: no new clicks.
    - Voices: a click that has started always plays to its end, across segments, blocks,
      locates, loop wraps and stops, so no click is ever cut off by the transport. A new
      onset fades every click still sounding out over fadeSeconds (2 ms) instead of
      cutting it, and starts its own: at most one click is heard at full level, and
      overlapping tails never build up. Up to maxVoices sound at once; past that, the
      quietest fading one is dropped.
    - The output at any sample depends only on the timeline, never on how the engine cut
      it into segments: bit-identical at every block size.

    Constructed on the message thread; renderSegment() and continueFrom() on the audio
    thread only: wait-free, no allocation, no locks. */
class ClickGenerator : public TimelineSource
{
public:
    enum class Mode
    {
        always,     ///< clicks while rolling and during the count-in
        countInOnly ///< clicks during the count-in only
    };

    struct Settings
    {
        int subdivisionsPerBeat = 1;  ///< 1 (none), 2 (eighths), 3 (triplets) or 4 (sixteenths)
        bool accentDownbeat = true;   ///< false: downbeats play the beat sound
        float accentGain = 1.0f;      ///< linear, on top of the sound's own accent level
        float subdivisionGain = 1.0f; ///< linear, on top of the sound's own subdivision level
    };

    static constexpr int maxVoices = 4;
    static constexpr double fadeSeconds = 0.002;

    /** Message thread. Throws std::invalid_argument for a null map or sound set, or
        subdivisionsPerBeat outside [1, 4]. */
    ClickGenerator (std::shared_ptr<const TempoMap> tempoMap, std::shared_ptr<const ClickSounds> sounds,
                    Settings settings, Mode mode);

    /** Audio thread only; wait-free, no allocation. Writes the click into channel 0 and
        copies it to any further channels. */
    void renderSegment (const TimelineSegment& segment, float* const* channels,
                        int numChannels, int numFrames) noexcept override;

    /** Audio thread only, when this click replaces `previous` in a new plan (before the
        first renderSegment): clicks still sounding carry on (from this generator's
        sounds, at the same position), so a settings change never cuts a click off. */
    void continueFrom (const ClickGenerator& previous) noexcept;

    /** Audio thread: continueFrom() when `previous` is a ClickGenerator, else nothing. */
    void continueFromSource (const TimelineSource& previous) noexcept override
    {
        if (const auto* click = dynamic_cast<const ClickGenerator*> (&previous))
            continueFrom (*click);
    }

    const TempoMap& getTempoMap() const noexcept     { return *tempoMap; }
    const Settings& getSettings() const noexcept     { return settings; }
    Mode getMode() const noexcept                    { return mode; }
    int getFadeSamples() const noexcept              { return fadeSamples; }

private:
    struct Voice
    {
        bool active = false;
        ClickSounds::Variant variant = ClickSounds::Variant::beat;
        std::size_t position = 0;
        float gain = 1.0f;
        int fadeRemaining = 0; ///< 0: not fading
    };

    enum class Phase
    {
        none,
        countingIn,
        rolling
    };

    void renderOnsets (float* out, int numFrames, std::int64_t windowStart, std::int64_t windowEnd) noexcept;
    void renderGridOnsets (const BeatGrid& grid, bool relocated, float* out, int numFrames, std::int64_t windowStart) noexcept;
    Onset findOnset (std::int64_t from) const noexcept;
    void startVoice (OnsetKind kind) noexcept;
    void renderVoices (float* out, int numFrames) noexcept;

    std::shared_ptr<const TempoMap> tempoMap;
    std::shared_ptr<const ClickSounds> sounds;
    Settings settings;
    Mode mode;
    int fadeSamples;

    std::array<Voice, maxVoices> voices {};

    // Where the last segment ended, so the next onset is only searched for after a jump.
    Phase phase = Phase::none;
    std::int64_t cursor = 0;          ///< timeline sample (rolling) or count-in sample
    std::int64_t countInRollStart = 0;
    Onset nextOnset;

    // Following another master's grid: the last step sounded, so an onset the previous
    // cycle's grid placed near its end is not sounded again by the next cycle's.
    std::int64_t lastGridStep = std::numeric_limits<std::int64_t>::min();
};

} // namespace foldback
