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

    The file is a convenience: a missing, broken or oversized one (or a FIFO, which is never
    opened for a blocking read) reads as empty, and a failed write
    is reported, never thrown. Message thread. */
class DeviceSettingsStore
{
public:
    explicit DeviceSettingsStore (std::string filePath);

    /** $XDG_CONFIG_HOME/foldback/devices.json, else ~/.config/foldback/devices.json (the
        account's home when $HOME is unset); empty, which remembers nothing, when the
        account has no home. */
    static std::string getDefaultPath();

    const std::string& getPath() const noexcept { return path; }

    /** The device last opened of that type, if any. */
    std::optional<RememberedDevice> recall (const std::string& type) const;

    /** The device last opened of any type, if any. */
    std::optional<RememberedDevice> recallLast() const;

    /** Remembers a device that opened (replacing the last one of its type) and writes the
        file atomically (writeFileAtomically: a crash never leaves half a file, and a link
        planted at the path is replaced, not followed). False if it cannot. */
    bool remember (const RememberedDevice& device);

private:
    std::string path;
};

} // namespace foldback
