#include "ChannelAvailability.h"

namespace foldback
{

namespace
{
    std::string countOf (int count, const char* noun)
    {
        return std::to_string (count) + " " + noun + (count == 1 ? "" : "s");
    }
}

std::vector<std::string> findMissingChannels (const Session& session, int numDeviceInputs, int numDeviceOutputs)
{
    std::vector<std::string> warnings;

    auto checkInput = [&] (const std::string& what, int channel)
    {
        if (channel > numDeviceInputs)
            warnings.push_back (what + " uses input channel " + std::to_string (channel) + ", but the device has "
                                + countOf (numDeviceInputs, "input") + ": that channel is silent");
    };

    for (const auto& input : session.inputs)
        for (const auto channel : input.channels)
            checkInput ("input '" + input.id + "'", channel);

    for (const auto channel : session.talkback.channels)
        checkInput ("the talkback mic", channel);

    for (const auto& mix : session.mixes)
        for (const auto channel : mix.outputs)
            if (channel > numDeviceOutputs)
                warnings.push_back ("mix '" + mix.id + "' uses output channel " + std::to_string (channel)
                                    + ", but the device has " + countOf (numDeviceOutputs, "output")
                                    + ": that channel is not heard");

    return warnings;
}

} // namespace foldback
