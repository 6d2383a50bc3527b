#pragma once

#include "PlanCompiler.h"

#include <string>
#include <vector>

namespace foldback
{

class PlanExchange;

/** One meter as the audio thread last wrote it: linear values (gainToDecibels() converts),
    the peak falling back and the RMS averaged by the engine (see LevelMeter). */
struct MeterLevels
{
    float peak = 0.0f;               ///< over every channel
    float rms = 0.0f;
    int numChannels = 1;             ///< 2 for a stereo source or mix: its L and R below
    float channelPeak[2] {};         ///< [0] left (a mono meter's only channel), [1] right
    float channelRms[2] {};
};

/** The engine's meters and limiter states at one moment, keyed by the session's ids: the
    one read side of the engine for the console, the remotes and the status line. A plain
    value, taken on the message thread and kept as long as the reader likes. */
struct MeterSnapshot
{
    struct Source
    {
        std::string id;      ///< a session source id (or the click's or talkback's)
        MeterLevels levels;
    };

    struct Mix
    {
        std::string id;
        MeterLevels levels;          ///< the mix's output, after its limiter
        float limiterGain = 1.0f;    ///< the smallest gain of the last block: 1 = no reduction

        /** Any thread: the limiter's gain reduction in dB, 0 or below (gainToDecibels()). */
        float gainReductionDb() const noexcept;
    };

    std::vector<Source> sources; ///< in plan order
    std::vector<Mix> mixes;      ///< in plan order, which is the session's

    /** Any thread holding the snapshot: the entry for an id, nullptr if the plan has none. */
    const Source* findSource (const std::string& id) const noexcept;
    const Mix* findMix (const std::string& id) const noexcept;
};

/** Message thread: reads every meter and limiter of the newest published plan (wait-free
    loads of the atomics the audio thread writes; allocates only the snapshot). `keys` are
    that plan's (SessionPlayer::getPlanKeys()). Empty before the first plan. */
MeterSnapshot readMeters (const PlanExchange& plans, const PlanKeys& keys);

} // namespace foldback
