#pragma once

#include "DeviceSettingsStore.h"
#include "Session/Session.h"

#include <optional>
#include <string>

namespace foldback
{

/** The device to open: a type ("JACK", "ALSA", "Virtual"), device names (empty: the type's
    default; for JACK, the server name), and the rate and buffer size to ask for. */
struct DeviceRequest
{
    std::string type = "Virtual";
    std::string inputDevice;
    std::string outputDevice;
    double sampleRate = 48000.0;
    int bufferSize = 256;

    bool operator== (const DeviceRequest&) const = default;
};

/** What the command line asked for; unset means "as the session says". */
struct DeviceOverrides
{
    std::optional<std::string> type;
    std::optional<std::string> inputDevice;
    std::optional<std::string> outputDevice;
    std::optional<double> sampleRate;
    std::optional<int> bufferSize;
};

/** The command line wins over the session. Device names the session gives belong to the
    session's device type, so they are dropped when the command line picks another type;
    a name still empty then comes from the device last opened of that type (the store;
    not for JACK, whose server JACK_DEFAULT_SERVER picks), else stays empty (the type's
    default device). Message thread (reads the store). */
DeviceRequest resolveDeviceRequest (const AudioSettings& session, const DeviceOverrides& commandLine,
                                    const DeviceSettingsStore& store);

} // namespace foldback
