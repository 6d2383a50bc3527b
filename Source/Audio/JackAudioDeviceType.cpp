#include "JackAudioDeviceType.h"

#include <cstdlib>
#include <mutex>

namespace foldback
{

namespace
{
    void ignoreJackMessage (const char*) {}

    int countPhysicalPorts (jack_client_t* client, unsigned long direction)
    {
        const char** names = jack_get_ports (client, nullptr, JACK_DEFAULT_AUDIO_TYPE, JackPortIsPhysical | direction);
        int count = 0;
        if (names != nullptr)
        {
            while (names[count] != nullptr)
                ++count;
            jack_free (names);
        }
        return count;
    }
}

void quietenJackLibrary()
{
    static std::once_flag once;
    std::call_once (once, []
    {
        jack_set_error_function (ignoreJackMessage);
        jack_set_info_function (ignoreJackMessage);
    });
}

juce::String getDefaultJackServerName()
{
    const char* name = std::getenv ("JACK_DEFAULT_SERVER");
    return name != nullptr && *name != 0 ? juce::String (name) : juce::String ("default");
}

std::optional<JackServerInfo> probeJackServer (const juce::String& serverName)
{
    quietenJackLibrary();
    jack_status_t status {};
    auto* client = jack_client_open ("foldback-probe",
                                     static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                                     &status, serverName.toRawUTF8());
    if (client == nullptr)
        return std::nullopt;

    JackServerInfo info;
    info.sampleRate = jack_get_sample_rate (client);
    info.bufferSize = static_cast<int> (jack_get_buffer_size (client));
    info.physicalInputs = countPhysicalPorts (client, JackPortIsOutput);
    info.physicalOutputs = countPhysicalPorts (client, JackPortIsInput);
    jack_client_close (client);
    return info;
}

JackAudioDeviceType::JackAudioDeviceType()
    : juce::AudioIODeviceType (JackAudioDevice::typeName)
{
    quietenJackLibrary();
}

int JackAudioDeviceType::getIndexOfDevice (juce::AudioIODevice* device, bool) const
{
    return dynamic_cast<JackAudioDevice*> (device) != nullptr ? 0 : -1;
}

juce::AudioIODevice* JackAudioDeviceType::createDevice (const juce::String& outputDeviceName,
                                                        const juce::String& inputDeviceName)
{
    auto server = outputDeviceName.isNotEmpty() ? outputDeviceName : inputDeviceName;
    if (server.isEmpty())
        server = getDefaultJackServerName();
    return new JackAudioDevice (server, layout);
}

} // namespace foldback
