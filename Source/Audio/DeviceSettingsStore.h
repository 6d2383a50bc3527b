#pragma once

#include <optional>
#include <string>

namespace foldback
{

/** A device that opened, as remembered for next time. */
struct RememberedDevice
{
    std::string type;            ///< "JACK", "ALSA" or "Virtual"
    std::string inputDevice;
    std::string outputDevice;
    double sampleRate = 0.0;
    int bufferSize = 0;

    bool operator== (const RememberedDevice&) const = default;
};

/** The devices that last opened, one per device type, in a small JSON file
    (~/.config/foldback/devices.json by default, or under $XDG_CONFIG_HOME). A session that
    names no device gets the one remembered for its type; the GUI, with no session, can
    reopen the last one.

    The file is a convenience: a missing or broken one reads as empty, and a failed write
    is reported, never thrown. Message thread. */
class DeviceSettingsStore
{
public:
    explicit DeviceSettingsStore (std::string filePath);

    /** $XDG_CONFIG_HOME/foldback/devices.json, else ~/.config/foldback/devices.json. */
    static std::string getDefaultPath();

    const std::string& getPath() const noexcept { return path; }

    /** The device last opened of that type, if any. */
    std::optional<RememberedDevice> recall (const std::string& type) const;

    /** The device last opened of any type, if any. */
    std::optional<RememberedDevice> recallLast() const;

    /** Remembers a device that opened (replacing the last one of its type) and writes the
        file through a temporary, so a crash never leaves half a file. False if it cannot. */
    bool remember (const RememberedDevice& device);

private:
    std::string path;
};

} // namespace foldback
