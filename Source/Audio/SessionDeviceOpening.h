#pragma once

#include "Audio/AudioDeviceHost.h"
#include "Audio/DeviceRequest.h"
#include "Audio/DeviceSettingsStore.h"
#include "Audio/JackPortLayout.h"
#include "Session/Session.h"

#include <string>
#include <vector>

namespace foldback
{

/** Opens the device a session asks for (command-line overrides first, then the session,
    then the device last used), the way `run` and the console both do: warns about
    channels the device lacks and a rate other than the session's, and remembers the
    device in `store`. Warnings are appended. Message thread. */
OpenedDevice openSessionDevice (AudioDeviceHost& host, const Session& session, const DeviceOverrides& overrides,
                                DeviceSettingsStore& store, const JackPortLayout& layout,
                                std::vector<std::string>& warnings);

} // namespace foldback
