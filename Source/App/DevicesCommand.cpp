#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "Audio/AudioDeviceHost.h"

#include <juce_events/juce_events.h>

#include <iostream>

namespace foldback
{

int runDevicesCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words, {}, {});
    if (! arguments.positionals().empty())
        throw UsageError ("devices takes no arguments");

    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    AudioDeviceHost host;
    const auto listings = host.listDevices();

    for (const auto& type : host.getTypeNames())
    {
        std::cout << type << "\n";
        for (const auto& listing : listings)
        {
            if (listing.type != type)
                continue;
            std::cout << "  ";
            if (! listing.name.empty())
                std::cout << listing.name << ": ";
            if (listing.numInputs >= 0)
                std::cout << listing.numInputs << " in, " << listing.numOutputs << " out"
                          << (listing.note.empty() ? "" : " (" + listing.note + ")");
            else
                std::cout << listing.note;
            std::cout << "\n";
        }
    }
    return 0;
}

} // namespace foldback
