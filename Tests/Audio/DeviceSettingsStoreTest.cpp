#include "Audio/DeviceRequest.h"
#include "Audio/DeviceSettingsStore.h"

#include "Support/FifoWatchdog.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

using namespace foldback;

namespace
{
    struct ScratchFolder
    {
        ScratchFolder()
        {
            auto pattern = (std::filesystem::temp_directory_path() / "foldback-devices-XXXXXX").string();
            REQUIRE (mkdtemp (pattern.data()) != nullptr);
            path = pattern;
        }
        ~ScratchFolder() { std::filesystem::remove_all (path); }

        std::filesystem::path path;
    };
}

TEST_CASE ("Remembered devices come back per type, and the last one opened is known", "[device][settings]")
{
    ScratchFolder folder;
    DeviceSettingsStore store ((folder.path / "nested" / "devices.json").string());

    CHECK_FALSE (store.recall ("ALSA").has_value());
    CHECK_FALSE (store.recallLast().has_value());

    const RememberedDevice alsa { "ALSA", "hw:1", "hw:2", 96000.0, 128 };
    const RememberedDevice jack { "JACK", "studio", "studio", 48000.0, 256 };
    REQUIRE (store.remember (alsa));
    REQUIRE (store.remember (jack));

    const DeviceSettingsStore reread (store.getPath());
    CHECK (reread.recall ("ALSA") == alsa);
    CHECK (reread.recall ("JACK") == jack);
    CHECK (reread.recallLast() == jack);
    CHECK_FALSE (reread.recall ("Virtual").has_value());
}

TEST_CASE ("A broken devices file reads as empty and is replaced by the next write", "[device][settings]")
{
    ScratchFolder folder;
    const auto path = (folder.path / "devices.json").string();

    for (const auto* text : { "{ not json", "[]", "{\"format\": \"something-else\", \"types\": {}}",
                              "{\"format\": \"foldback-devices\", \"types\": {\"ALSA\": {\"bufferSize\": \"big\"}}}" })
    {
        std::ofstream (path) << text;
        DeviceSettingsStore store (path);
        CHECK_FALSE (store.recall ("ALSA").has_value());
        CHECK_FALSE (store.recallLast().has_value());
    }

    DeviceSettingsStore store (path);
    REQUIRE (store.remember ({ "Virtual", "Virtual", "Virtual", 48000.0, 64 }));
    CHECK (store.recall ("Virtual")->bufferSize == 64);
}

TEST_CASE ("The devices file lives under XDG_CONFIG_HOME when it is set", "[device][settings]")
{
    const char* saved = std::getenv ("XDG_CONFIG_HOME");
    const std::string previous = saved != nullptr ? saved : "";

    setenv ("XDG_CONFIG_HOME", "/tmp/foldback-config", 1);
    CHECK (DeviceSettingsStore::getDefaultPath() == "/tmp/foldback-config/foldback/devices.json");

    if (saved != nullptr)
        setenv ("XDG_CONFIG_HOME", previous.c_str(), 1);
    else
        unsetenv ("XDG_CONFIG_HOME");
}

namespace
{
    /** Sets (or, with nullptr, unsets) an environment variable for one scope. */
    struct ScopedEnvironment
    {
        ScopedEnvironment (const char* variableName, const char* value) : name (variableName)
        {
            if (const char* old = std::getenv (name))
                previous = old;
            if (value != nullptr)
                setenv (name, value, 1);
            else
                unsetenv (name);
        }

        ~ScopedEnvironment()
        {
            if (previous.has_value())
                setenv (name, previous->c_str(), 1);
            else
                unsetenv (name);
        }

        const char* name;
        std::optional<std::string> previous;
    };
}

TEST_CASE ("With neither HOME nor XDG_CONFIG_HOME set, the devices file never goes to the shared temporary folder",
           "[device][settings][files]")
{
    const ScopedEnvironment noConfig ("XDG_CONFIG_HOME", nullptr);
    const ScopedEnvironment noHome ("HOME", nullptr);

    const auto path = DeviceSettingsStore::getDefaultPath();
    const auto temporary = std::filesystem::temp_directory_path().string();
    INFO (path);
    CHECK (path.rfind (temporary, 0) != 0);
    CHECK ((path.empty() || path.rfind ("/", 0) == 0));
}

TEST_CASE ("Remembering a device replaces links planted at the devices file and its old temporary name, never what they point to",
           "[device][settings][files]")
{
    ScratchFolder folder;
    const auto victim = folder.path / "victim.txt";
    std::ofstream (victim) << "precious";
    const auto path = (folder.path / "devices.json").string();
    std::filesystem::create_symlink (victim, path + ".tmp");

    DeviceSettingsStore store (path);
    REQUIRE (store.remember ({ "ALSA", "hw:1", "hw:1", 48000.0, 128 }));
    std::filesystem::create_symlink (victim, folder.path / "link.json");
    std::filesystem::rename (folder.path / "link.json", path);        // now the file itself is a planted link
    REQUIRE (store.remember ({ "JACK", "studio", "studio", 48000.0, 256 }));

    std::ifstream in (victim);
    std::string contents ((std::istreambuf_iterator<char> (in)), std::istreambuf_iterator<char>());
    CHECK (contents == "precious");
    CHECK_FALSE (std::filesystem::is_symlink (path));
    CHECK (store.recall ("JACK").has_value());
}

TEST_CASE ("A FIFO where the devices file should be reads as no remembered device, at once", "[device][settings][files]")
{
    ScratchFolder folder;
    const auto path = (folder.path / "devices.json").string();
    foldback::test::makeFifo (path);

    DeviceSettingsStore store (path);
    std::optional<RememberedDevice> recalled;
    CHECK (foldback::test::returnsWithoutAWriter (path, [&] { recalled = store.recallLast(); }));
    CHECK_FALSE (recalled.has_value());
}

TEST_CASE ("The command line wins over the session, and remembered names fill the gaps", "[device][settings]")
{
    ScratchFolder folder;
    DeviceSettingsStore store ((folder.path / "devices.json").string());

    AudioSettings session;
    session.deviceType = DeviceType::alsa;
    session.inputDevice = "hw:1";
    session.outputDevice = "";
    session.sampleRate = 44100.0;
    session.bufferSize = 512;

    SECTION ("the session alone")
    {
        const auto request = resolveDeviceRequest (session, {}, store);
        CHECK (request == DeviceRequest { "ALSA", "hw:1", "", 44100.0, 512 });
    }

    SECTION ("a remembered output fills the name the session leaves empty")
    {
        REQUIRE (store.remember ({ "ALSA", "hw:9", "hw:3", 48000.0, 64 }));
        const auto request = resolveDeviceRequest (session, {}, store);
        CHECK (request == DeviceRequest { "ALSA", "hw:1", "hw:3", 44100.0, 512 });
    }

    SECTION ("every override")
    {
        DeviceOverrides overrides;
        overrides.type = "ALSA";
        overrides.inputDevice = "hw:4";
        overrides.outputDevice = "hw:5";
        overrides.sampleRate = 96000.0;
        overrides.bufferSize = 32;
        CHECK (resolveDeviceRequest (session, overrides, store) == DeviceRequest { "ALSA", "hw:4", "hw:5", 96000.0, 32 });
    }

    SECTION ("another type drops the session's device names; JACK's server is not remembered")
    {
        REQUIRE (store.remember ({ "JACK", "studio", "studio", 48000.0, 64 }));
        DeviceOverrides overrides;
        overrides.type = "JACK";
        const auto request = resolveDeviceRequest (session, overrides, store);
        CHECK (request == DeviceRequest { "JACK", "", "", 44100.0, 512 });
    }
}
