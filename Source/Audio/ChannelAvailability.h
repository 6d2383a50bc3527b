#pragma once

#include "Session/Session.h"

#include <string>
#include <vector>

namespace foldback
{

/** One warning per input, talkback mic and mix channel that the device does not have,
    naming the input or mix and the channel, e.g.
    "input 'gtr' uses input channel 9, but the device has 8 inputs: that channel is silent".
    The engine ignores such channels, so the rest of the session plays. Any thread. */
std::vector<std::string> findMissingChannels (const Session& session, int numDeviceInputs, int numDeviceOutputs);

} // namespace foldback
