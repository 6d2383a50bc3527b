#include "LiveAudio.h"

#include "Audio/JackPortLayout.h"
#include "Audio/SessionDeviceOpening.h"

namespace foldback
{

LiveAudio::LiveAudio (Engine& engineToRun)
    : engine (engineToRun), callback (engineToRun), store (DeviceSettingsStore::getDefaultPath())
{
    callback.onAboutToStart = [this] (double sampleRate, int)
    {
        if (sampleRate > 0.0 && sampleRate != engine.getSampleRate() && onRateChanged)
            onRateChanged (sampleRate);
    };
}

LiveAudio::~LiveAudio()
{
    close();
}

std::vector<std::string> LiveAudio::open (const Session& session, const DeviceOverrides& overrides, bool autoConnect)
{
    close();

    auto layout = makeJackPortLayout (session);
    layout.autoConnect = autoConnect;
    if (! jackClientName.empty())
        layout.clientName = jackClientName;
    std::vector<std::string> warnings;
    opened = openSessionDevice (host, session, overrides, store, layout, warnings);
    return warnings;
}

void LiveAudio::start()
{
    host.start (callback);
    running = host.getDevice() != nullptr;
}

void LiveAudio::close()
{
    host.close();
    running = false;
}

DeviceStatus LiveAudio::readStatus() const
{
    DeviceStatus status;
    auto* device = host.getDevice();
    if (device == nullptr || ! running)
        return status;

    status.open = true;
    status.typeName = opened.type;
    status.deviceName = opened.outputDevice.empty() ? device->getName() : juce::String (opened.outputDevice);
    status.sampleRate = device->getCurrentSampleRate();
    status.bufferSize = device->getCurrentBufferSizeSamples();
    status.latencySamples = device->getInputLatencyInSamples() + device->getOutputLatencyInSamples();
    status.cpuLoad = callback.readDspLoad();
    status.xruns = host.getXRunCount();
    return status;
}

DeviceChannels LiveAudio::readChannelNames() const
{
    DeviceChannels channels;
    if (auto* device = host.getDevice())
    {
        for (const auto& name : device->getInputChannelNames())
            channels.inputs.push_back (name.toStdString());
        for (const auto& name : device->getOutputChannelNames())
            channels.outputs.push_back (name.toStdString());
    }
    return channels;
}

} // namespace foldback
