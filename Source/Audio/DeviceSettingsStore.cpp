#include "DeviceSettingsStore.h"

#include "Session/AtomicFile.h"
#include "Session/RegularFile.h"
#include "Session/UserFolders.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace foldback
{

namespace
{
    constexpr const char* formatName = "foldback-devices";

    // A few remembered devices take a few hundred bytes; anything much larger is not ours.
    constexpr std::size_t maxSettingsFileBytes = 1024 * 1024;

    nlohmann::json readFile (const std::string& path)
    {
        // Never blocks: a FIFO or device planted at the path reads as no settings.
        std::string text;
        if (path.empty() || ! readWholeRegularFile (path, maxSettingsFileBytes, text).empty())
            return {};

        auto document = nlohmann::json::parse (text, nullptr, false);
        if (! document.is_object() || document.value ("format", std::string()) != formatName
            || ! document.contains ("types") || ! document["types"].is_object())
            return {};
        return document;
    }

    std::optional<RememberedDevice> deviceFrom (const nlohmann::json& object, const std::string& type)
    {
        if (! object.is_object())
            return std::nullopt;

        try
        {
            RememberedDevice device;
            device.type = type;
            device.inputDevice = object.value ("inputDevice", std::string());
            device.outputDevice = object.value ("outputDevice", std::string());
            device.sampleRate = object.value ("sampleRate", 0.0);
            device.bufferSize = object.value ("bufferSize", 0);
            return device;
        }
        catch (const nlohmann::json::exception&)
        {
            return std::nullopt;   // a hand-edited value of the wrong type: forget it
        }
    }
}

DeviceSettingsStore::DeviceSettingsStore (std::string filePath) : path (std::move (filePath)) {}

std::string DeviceSettingsStore::getDefaultPath()
{
    const auto folder = userConfigFolder(); // never the shared temporary folder: anyone can plant files there
    return folder.empty() ? std::string() : (std::filesystem::path (folder) / "devices.json").string();
}

std::optional<RememberedDevice> DeviceSettingsStore::recall (const std::string& type) const
{
    const auto document = readFile (path);
    if (document.is_null() || ! document["types"].contains (type))
        return std::nullopt;
    return deviceFrom (document["types"][type], type);
}

std::optional<RememberedDevice> DeviceSettingsStore::recallLast() const
{
    const auto document = readFile (path);
    if (document.is_null())
        return std::nullopt;
    const auto last = document.value ("last", nlohmann::json());
    return last.is_string() ? recall (last.get<std::string>()) : std::nullopt;
}

bool DeviceSettingsStore::remember (const RememberedDevice& device)
{
    auto document = readFile (path);
    if (document.is_null())
        document = { { "format", formatName }, { "version", 1 }, { "types", nlohmann::json::object() } };

    document["last"] = device.type;
    document["types"][device.type] = { { "inputDevice", device.inputDevice },
                                       { "outputDevice", device.outputDevice },
                                       { "sampleRate", device.sampleRate },
                                       { "bufferSize", device.bufferSize } };

    if (path.empty())
        return false;

    std::error_code error;
    const std::filesystem::path target (path);
    if (target.has_parent_path())
        std::filesystem::create_directories (target.parent_path(), error);

    // The same atomic save as a session's, and a link at the path is replaced, never
    // written through.
    AtomicWriteOptions options;
    options.replaceLinkTarget = false;
    std::string message;
    return writeFileAtomically (path, document.dump (2) + "\n", options, message);
}

} // namespace foldback
