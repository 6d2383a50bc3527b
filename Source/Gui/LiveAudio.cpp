#include "LiveAudio.h"

#include "Audio/ChannelAvailability.h"
#include "Audio/DeviceRequest.h"
#include "Audio/JackPortLayout.h"

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

std::vector<std::string> LiveAudio::open (const Session& session)
{
    close();

    const auto request = resolveDeviceRequest (session.audio, {}, store);
    std::vector<std::string> warnings;
    opened = host.open (request, makeJackPortLayout (session), warnings);

    for (const auto& warning : findMissingChannels (session, opened.numInputs, opened.numOutputs))
        warnings.push_back (warning);
    if (opened.sampleRate != session.audio.sampleRate)
        warnings.push_back ("the device runs at " + std::to_string (static_cast<int> (opened.sampleRate))
                            + " Hz; the session asks for " + std::to_string (static_cast<int> (session.audio.sampleRate))
                            + " Hz, so it plays at the device's rate");
    if (! store.remember ({ opened.type, opened.inputDevice, opened.outputDevice, opened.sampleRate, opened.bufferSize }))
        warnings.push_back ("could not remember the device in " + store.getPath());
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

} // namespace foldback
