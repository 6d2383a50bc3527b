#pragma once

// Runs the message thread's queue for a while, for tests that drive components or
// timers without a running application.
//
// JUCE's MessageManager::runDispatchLoopUntil does this, but exists only when
// JUCE_MODAL_LOOPS_PERMITTED is set, a setting the product does not carry (the one JUCE
// library is shared by the app and the tests). This does what it does, through the same
// function JUCE's own dispatch loop calls on Linux.

#include <juce_events/juce_events.h>

namespace juce
{
bool dispatchNextMessageOnSystemQueue (bool returnIfNoPendingMessages);
}

namespace foldback::test
{

/** Message thread: dispatches pending messages for `milliseconds` (at least once). */
inline void runMessageLoopFor (int milliseconds)
{
    const auto end = juce::Time::currentTimeMillis() + milliseconds;
    do
    {
        if (! juce::dispatchNextMessageOnSystemQueue (true))
            juce::Thread::sleep (1);
    } while (juce::Time::currentTimeMillis() < end);
}

/** Message thread: dispatches messages until `condition` holds (true) or `timeoutMs`
    passes (false), for tests waiting on timers that live there (a device's recovery, a
    rate change). */
template <typename Condition>
bool runMessageLoopUntil (Condition&& condition, double timeoutMs = 60000.0)
{
    const auto end = juce::Time::getMillisecondCounterHiRes() + timeoutMs;
    while (! condition())
    {
        if (juce::Time::getMillisecondCounterHiRes() > end)
            return false;
        runMessageLoopFor (5);
    }
    return true;
}

} // namespace foldback::test
