#pragma once

#include <string>
#include <vector>

namespace foldback
{

/** The open device's channel names, as the device gives them ("Input 3",
    "system:capture_3"): entry N - 1 names device channel N. Empty lists when no device is
    open (tests, a console without one). */
struct DeviceChannels
{
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
};

} // namespace foldback
