#pragma once

#include <cstdint>

namespace foldback
{

/** A discrete event for the audio thread, queued by the message thread with the engine
    sample at which it takes effect. Plain data: it crosses threads by copy. */
struct EngineCommand
{
    enum class Type : std::uint8_t
    {
        play,          ///< roll from the current position, after a count-in of `position` samples
        stop,          ///< stop, keeping the position
        locate,        ///< move the play head to `position` (timeline samples)
        setLoop,       ///< loop [position, loopEnd) when `flag`, else no loop
        talkback       ///< talkback pressed (`flag` true) or released
    };

    Type type = Type::stop;
    std::int64_t atEngineSample = 0;  ///< 0 or a past sample: at the start of the next block
    std::int64_t position = 0;
    std::int64_t loopEnd = 0;
    bool flag = false;

    static EngineCommand make (Type t, std::int64_t pos = 0, bool f = false, std::int64_t end = 0, std::int64_t at = 0) noexcept
    {
        EngineCommand c;
        c.type = t;
        c.position = pos;
        c.flag = f;
        c.loopEnd = end;
        c.atEngineSample = at;
        return c;
    }
};

} // namespace foldback
