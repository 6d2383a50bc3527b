#include "SessionDeviceOpening.h"

#include "Audio/ChannelAvailability.h"

namespace foldback
{

OpenedDevice openSessionDevice (AudioDeviceHost& host, const Session& session, const DeviceOverrides& overrides,
                                DeviceSettingsStore& store, const JackPortLayout& layout,
                                std::vector<std::string>& warnings)
{
    const auto request = resolveDeviceRequest (session.audio, overrides, store);
    const auto opened = host.open (request, layout, warnings);

    for (const auto& warning : findMissingChannels (session, opened.numInputs, opened.numOutputs))
        warnings.push_back (warning);
    if (opened.sampleRate != session.audio.sampleRate)
        warnings.push_back ("the device runs at " + std::to_string (static_cast<int> (opened.sampleRate))
                            + " Hz; the session asks for " + std::to_string (static_cast<int> (session.audio.sampleRate))
                            + " Hz, so it plays at the device's rate");
    if (! store.remember ({ opened.type, opened.inputDevice, opened.outputDevice, opened.sampleRate, opened.bufferSize }))
        warnings.push_back ("could not remember the device in " + store.getPath());
    return opened;
}

} // namespace foldback
