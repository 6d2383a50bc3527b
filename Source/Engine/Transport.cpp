#include "Transport.h"

#include <algorithm>

namespace foldback
{

bool Transport::handle (const EngineCommand& command) noexcept
{
    using Type = EngineCommand::Type;

    switch (command.type)
    {
        case Type::play:
            if (! playing)
            {
                playing = true;
                countInLength = std::max<std::int64_t> (0, command.position);
                countInElapsed = 0;
            }
            break;

        case Type::stop:
            playing = false;
            countInLength = countInElapsed = 0;
            break;

        case Type::locate:
            position = command.position;
            countInLength = countInElapsed = 0; // a locate while counting in starts the roll now
            relocated = true;
            break;

        case Type::setLoop:
            looping = command.flag && command.loopEnd > command.position;
            loopStart = command.position;
            loopEnd = command.loopEnd;
            break;

        case Type::talkback:
            return false;
    }

    publishDisplay();
    return true;
}

int Transport::framesUntilBoundary (int wanted) const noexcept
{
    std::int64_t limit = wanted;

    if (playing && countInElapsed < countInLength)
        limit = std::min (limit, countInLength - countInElapsed);
    else if (playing && looping && position < loopEnd)
        limit = std::min (limit, loopEnd - position);

    return static_cast<int> (std::max<std::int64_t> (1, limit));
}

TimelineSegment Transport::currentSegment() const noexcept
{
    TimelineSegment segment;
    segment.position = position;
    segment.countingIn = playing && countInElapsed < countInLength;
    segment.rolling = playing && ! segment.countingIn;
    segment.countInElapsed = countInElapsed;
    segment.countInLength = countInLength;
    segment.relocated = relocated;
    return segment;
}

void Transport::advance (int frames) noexcept
{
    relocated = false;

    if (! playing)
        return;

    if (countInElapsed < countInLength)
    {
        countInElapsed += frames;
    }
    else
    {
        const bool wasBeforeLoopEnd = position < loopEnd;
        position += frames;

        if (looping && wasBeforeLoopEnd && position >= loopEnd)
        {
            position = loopStart + (position - loopEnd);
            relocated = true;
        }
    }

    publishDisplay();
}

void Transport::publishDisplay() noexcept
{
    displayPosition.store (position);
    displayRolling.store (playing && countInElapsed >= countInLength);
    displayCountingIn.store (playing && countInElapsed < countInLength);
}

} // namespace foldback
