#include "AudioDeviceHost.h"

#include "JackAudioDeviceType.h"
#include "VirtualAudioDevice.h"

#include <map>
#include <stdexcept>

namespace foldback
{

namespace
{
    /** Fills in the type's default device for an empty name; checks a given one exists. */
    juce::String chooseDevice (juce::AudioIODeviceType& type, const std::string& wanted, bool input, std::string& error)
    {
        const auto names = type.getDeviceNames (input);
        if (wanted.empty())
            return names.isEmpty() ? juce::String() : names[juce::jmax (0, type.getDefaultDeviceIndex (input))];
        if (! names.contains (wanted))
            error = "no " + type.getTypeName().toStdString() + (input ? " input" : " output")
                  + " device named '" + wanted + "'";
        return wanted;
    }
}

AudioDeviceHost::AudioDeviceHost()
{
    auto jack = std::make_unique<JackAudioDeviceType>();
    jackType = jack.get();
    types.push_back (std::move (jack));

    if (auto* alsa = juce::AudioIODeviceType::createAudioIODeviceType_ALSA())
        types.emplace_back (alsa);

    types.push_back (std::make_unique<VirtualAudioDeviceType>());
}

AudioDeviceHost::~AudioDeviceHost()
{
    close();
}

std::vector<std::string> AudioDeviceHost::getTypeNames() const
{
    std::vector<std::string> names;
    for (const auto& type : types)
        names.push_back (type->getTypeName().toStdString());
    return names;
}

juce::AudioIODeviceType* AudioDeviceHost::findType (const std::string& name) const
{
    for (const auto& type : types)
        if (type->getTypeName().toStdString() == name)
            return type.get();
    return nullptr;
}

std::vector<DeviceListing> AudioDeviceHost::listDevices()
{
    std::vector<DeviceListing> listings;

    const auto server = getDefaultJackServerName().toStdString();
    if (const auto info = probeJackServer (server))
        listings.push_back ({ JackAudioDevice::typeName, server, info->physicalInputs, info->physicalOutputs,
                              std::to_string (static_cast<int> (info->sampleRate)) + " Hz, "
                                  + std::to_string (info->bufferSize) + " frames; counts are the server's physical ports" });
    else
        listings.push_back ({ JackAudioDevice::typeName, server, -1, -1, "no server running" });

    if (auto* alsa = findType ("ALSA"))
    {
        alsa->scanForDevices();
        std::map<std::string, DeviceListing> byName;
        auto entryFor = [&byName] (const juce::String& name) -> DeviceListing&
        {
            return byName.try_emplace (name.toStdString(), DeviceListing { "ALSA", name.toStdString(), 0, 0, {} }).first->second;
        };
        for (const auto& name : alsa->getDeviceNames (false))
            if (std::unique_ptr<juce::AudioIODevice> probe { alsa->createDevice (name, {}) })
                entryFor (name).numOutputs = probe->getOutputChannelNames().size();
        for (const auto& name : alsa->getDeviceNames (true))
            if (std::unique_ptr<juce::AudioIODevice> probe { alsa->createDevice ({}, name) })
                entryFor (name).numInputs = probe->getInputChannelNames().size();

        if (byName.empty())
            listings.push_back ({ "ALSA", "", -1, -1, "no devices found" });
        for (const auto& [name, listing] : byName)
            listings.push_back (listing);
    }

    listings.push_back ({ virtualTypeName, VirtualAudioDeviceType::deviceName, VirtualAudioDevice::defaultNumChannels,
                          VirtualAudioDevice::defaultNumChannels, "no hardware: silent inputs, clocked in real time" });
    return listings;
}

std::unique_ptr<juce::AudioIODevice> AudioDeviceHost::tryOpen (const DeviceRequest& request, std::string& error)
{
    auto* type = findType (request.type);
    if (type == nullptr)
    {
        error = "there is no device type '" + request.type + "'";
        return {};
    }

    type->scanForDevices();
    juce::String input (request.inputDevice), output (request.outputDevice);
    if (type->hasSeparateInputsAndOutputs())
    {
        input = chooseDevice (*type, request.inputDevice, true, error);
        output = chooseDevice (*type, request.outputDevice, false, error);
        if (error.empty() && input.isEmpty() && output.isEmpty())
            error = "no " + request.type + " devices found";
        if (! error.empty())
            return {};
    }
    else
    {
        // One device for both directions: either name names it.
        if (output.isEmpty()) output = input;
        if (input.isEmpty())  input = output;
    }

    if (type == jackType)
        output = input = (output.isNotEmpty() ? output : getDefaultJackServerName());

    std::unique_ptr<juce::AudioIODevice> opened (type->createDevice (output, input));
    if (opened == nullptr)
    {
        error = "no " + request.type + " device named '" + output.toStdString() + "'";
        return {};
    }

    if (auto* jack = dynamic_cast<JackAudioDevice*> (opened.get()))
        jack->setRealtimeProbe (realtimeProbe);
    if (auto* virtualDevice = dynamic_cast<VirtualAudioDevice*> (opened.get()))
        virtualDevice->setRealtimeProbe (realtimeProbe);

    // Every channel: device channel N must stay channel N for the session's routing.
    juce::BigInteger inputs, outputs;
    inputs.setRange (0, opened->getInputChannelNames().size(), true);
    outputs.setRange (0, opened->getOutputChannelNames().size(), true);
    const auto message = opened->open (inputs, outputs, request.sampleRate, request.bufferSize);
    if (message.isNotEmpty())
    {
        error = message.toStdString();
        return {};
    }

    openedInput = (input.isNotEmpty() ? input : opened->getName()).toStdString();
    openedOutput = (output.isNotEmpty() ? output : opened->getName()).toStdString();
    return opened;
}

OpenedDevice AudioDeviceHost::open (const DeviceRequest& request, const JackPortLayout& layout,
                                    std::vector<std::string>& warnings)
{
    close();
    jackType->setPortLayout (layout);

    std::string error;
    device = tryOpen (request, error);
    auto openedType = request.type;
    if (device == nullptr)
    {
        warnings.push_back ("could not open the " + request.type + " device: " + error
                            + "; using the Virtual device instead");
        DeviceRequest fallback;
        fallback.type = virtualTypeName;
        fallback.sampleRate = request.sampleRate;
        fallback.bufferSize = request.bufferSize;
        error.clear();
        device = tryOpen (fallback, error);
        openedType = virtualTypeName;
        if (device == nullptr)
            throw std::runtime_error ("the Virtual device would not open either: " + error);
    }

    OpenedDevice opened;
    opened.type = openedType;
    opened.inputDevice = openedInput;
    opened.outputDevice = openedOutput;
    opened.sampleRate = device->getCurrentSampleRate();
    opened.bufferSize = device->getCurrentBufferSizeSamples();
    opened.numInputs = device->getActiveInputChannels().countNumberOfSetBits();
    opened.numOutputs = device->getActiveOutputChannels().countNumberOfSetBits();
    return opened;
}

void AudioDeviceHost::start (juce::AudioIODeviceCallback& callback)
{
    if (device != nullptr)
        device->start (&callback);
}

void AudioDeviceHost::stop()
{
    if (device != nullptr)
        device->stop();
}

void AudioDeviceHost::close()
{
    if (device != nullptr)
    {
        device->stop();
        device->close();
        device.reset();
    }
}

int AudioDeviceHost::getXRunCount() const noexcept
{
    return device != nullptr ? juce::jmax (0, device->getXRunCount()) : 0;
}

std::string AudioDeviceHost::describeTrouble() const
{
    if (auto* jack = dynamic_cast<JackAudioDevice*> (device.get()); jack != nullptr && ! jack->isServerConnected())
        return "JACK server gone, reconnecting";
    return {};
}

std::vector<std::string> AudioDeviceHost::getStartWarnings() const
{
    if (auto* jack = dynamic_cast<JackAudioDevice*> (device.get()))
        return jack->getConnectionWarnings();
    return {};
}

} // namespace foldback
