#include "Transport.h"

#include <algorithm>
#include <cmath>

namespace foldback
{

bool Transport::handle (const EngineCommand& command) noexcept
{
    using Type = EngineCommand::Type;

    // Another transport owns the timeline; our own commands would put us out of step.
    if (following && command.type != Type::talkback && command.type != Type::setLoop)
        return true;

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

void Transport::follow (bool rolling, std::int64_t timelinePosition) noexcept
{
    if (! following || timelinePosition != position)
        relocated = true;

    following = true;
    position = timelinePosition;
    playing = rolling;
    countInLength = countInElapsed = 0;
    publishDisplay();
}

void Transport::stopFollowing() noexcept
{
    following = false;
    playing = false;
    publishDisplay();
}

void Transport::changeSampleRate (double oldRate, double newRate) noexcept
{
    if (! (oldRate > 0.0) || ! (newRate > 0.0) || oldRate == newRate)
        return;

    // Long double: a position of hours at 192 kHz keeps every digit through the product.
    const auto rescale = [oldRate, newRate] (std::int64_t samples)
    {
        return static_cast<std::int64_t> (std::llround (static_cast<long double> (samples) * newRate / oldRate));
    };

    position = rescale (position);
    loopStart = rescale (loopStart);
    loopEnd = rescale (loopEnd);
    countInLength = rescale (countInLength);
    countInElapsed = std::min (countInLength, rescale (countInElapsed));
    relocated = true;
    publishDisplay();
}

int Transport::framesUntilBoundary (int wanted) const noexcept
{
    std::int64_t limit = wanted;

    if (playing && countInElapsed < countInLength)
        limit = std::min (limit, countInLength - countInElapsed);
    else if (playing && looping && ! following && position < loopEnd)
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

        if (looping && ! following && wasBeforeLoopEnd && position >= loopEnd)
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
