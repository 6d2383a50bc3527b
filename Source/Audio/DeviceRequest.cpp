#include "DeviceRequest.h"

namespace foldback
{

DeviceRequest resolveDeviceRequest (const AudioSettings& session, const DeviceOverrides& commandLine,
                                    const DeviceSettingsStore& store)
{
    DeviceRequest request;
    const std::string sessionType (toString (session.deviceType));
    request.type = commandLine.type.value_or (sessionType);
    request.sampleRate = commandLine.sampleRate.value_or (session.sampleRate);
    request.bufferSize = commandLine.bufferSize.value_or (session.bufferSize);

    const bool sessionNamesApply = request.type == sessionType;
    request.inputDevice = commandLine.inputDevice.value_or (sessionNamesApply ? session.inputDevice : std::string());
    request.outputDevice = commandLine.outputDevice.value_or (sessionNamesApply ? session.outputDevice : std::string());

    // A JACK "device" is a server, and JACK's own convention (JACK_DEFAULT_SERVER) picks it.
    if (request.type != "JACK" && (request.inputDevice.empty() || request.outputDevice.empty()))
    {
        if (const auto remembered = store.recall (request.type))
        {
            if (request.inputDevice.empty())
                request.inputDevice = remembered->inputDevice;
            if (request.outputDevice.empty())
                request.outputDevice = remembered->outputDevice;
        }
    }

    return request;
}

} // namespace foldback
