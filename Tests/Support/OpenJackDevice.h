#pragma once

#include "Audio/AudioDeviceHost.h"
#include "Audio/JackAudioDevice.h"
#include "Audio/JackPortLayout.h"
#include "Session/Session.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace foldback::test
{

/** The JACK device the live rig would open for `session` on a test's server (48 kHz asked,
    256 frames), opened on `host`. REQUIREs that JACK opened rather than a fallback. */
struct OpenedJackDevice
{
    OpenedDevice opened;
    JackAudioDevice* jack = nullptr;
};

inline OpenedJackDevice openJackDevice (AudioDeviceHost& host, const std::string& serverName, const Session& session)
{
    std::vector<std::string> warnings;
    OpenedJackDevice device;
    device.opened = host.open ({ "JACK", serverName, "", 48000.0, 256 }, makeJackPortLayout (session), warnings);
    REQUIRE (device.opened.type == "JACK");
    device.jack = dynamic_cast<JackAudioDevice*> (host.getDevice());
    REQUIRE (device.jack != nullptr);
    return device;
}

} // namespace foldback::test
