#include "DeviceSettingsStore.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace foldback
{

namespace
{
    constexpr const char* formatName = "foldback-devices";

    nlohmann::json readFile (const std::string& path)
    {
        std::ifstream in (path);
        if (! in)
            return {};

        std::stringstream text;
        text << in.rdbuf();
        auto document = nlohmann::json::parse (text.str(), nullptr, false);
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
    std::filesystem::path base;
    if (const char* config = std::getenv ("XDG_CONFIG_HOME"); config != nullptr && *config == '/')
        base = config;
    else if (const char* home = std::getenv ("HOME"); home != nullptr && *home != 0)
        base = std::filesystem::path (home) / ".config";
    else
        base = std::filesystem::temp_directory_path();
    return (base / "foldback" / "devices.json").string();
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

    std::error_code error;
    const std::filesystem::path target (path);
    if (target.has_parent_path())
        std::filesystem::create_directories (target.parent_path(), error);

    const auto temporary = path + ".tmp";
    {
        std::ofstream out (temporary, std::ios::trunc);
        out << document.dump (2) << "\n";
        if (! out.flush())
            return false;
    }
    std::filesystem::rename (temporary, target, error);
    return ! error;
}

} // namespace foldback
