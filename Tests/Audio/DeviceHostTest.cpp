#include "Support/MessageLoop.h"
#include "Audio/AudioDeviceHost.h"
#include "Audio/JackAudioDevice.h"
#include "EndToEnd/Support/TempDirectory.h"
#include "EndToEnd/Support/JackDummyServer.h"

#include <catch2/catch.hpp>

#include <juce_events/juce_events.h>

using namespace foldback;
using namespace foldback::test;

namespace
{
    struct CountingCallback : juce::AudioIODeviceCallback
    {
        void audioDeviceIOCallbackWithContext (const float* const*, int numInputs, float* const* outputs,
                                               int numOutputs, int numFrames, const juce::AudioIODeviceCallbackContext&) override
        {
            lastInputs = numInputs;
            for (int c = 0; c < numOutputs; ++c)
                if (outputs[c] != nullptr)
                    for (int i = 0; i < numFrames; ++i)
                        outputs[c][i] = 0.0f;
            blocks.fetch_add (1);
        }
        void audioDeviceAboutToStart (juce::AudioIODevice*) override { ++starts; }
        void audioDeviceStopped() override { ++stops; }

        std::atomic<int> blocks { 0 }, lastInputs { 0 };
        int starts = 0, stops = 0;
    };

    bool portExists (const std::string& server, const std::string& port)
    {
        jack_status_t status {};
        auto* client = jack_client_open ("fbtest-look", static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                                         &status, server.c_str());
        if (client == nullptr)
            return false;
        const bool exists = jack_port_by_name (client, port.c_str()) != nullptr;
        jack_client_close (client);
        return exists;
    }
}

TEST_CASE ("The host opens the Virtual device at the requested rate and buffer size", "[device][host]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    AudioDeviceHost host;
    CHECK (host.getTypeNames() == std::vector<std::string> { "JACK", "ALSA", "Virtual" });

    std::vector<std::string> warnings;
    const auto opened = host.open ({ "Virtual", "", "", 96000.0, 64 }, {}, warnings);
    CHECK (warnings.empty());
    CHECK (opened.type == "Virtual");
    CHECK (opened.sampleRate == 96000.0);
    CHECK (opened.bufferSize == 64);
    CHECK (opened.numInputs == 64);
    CHECK (opened.numOutputs == 64);

    CountingCallback callback;
    host.start (callback);
    CHECK (callback.starts == 1);
    CHECK (runMessageLoopUntil ([&] { return callback.blocks.load() > 5; }));
    CHECK (callback.lastInputs.load() == 64);
    host.close();
    CHECK (callback.stops == 1);
    CHECK (host.getDevice() == nullptr);
}

TEST_CASE ("The host falls back to the Virtual device, saying why, when the requested one will not open", "[device][host]")
{
    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    AudioDeviceHost host;
    std::vector<std::string> warnings;

    SECTION ("no JACK server of that name")
    {
        const auto opened = host.open ({ "JACK", "fbtest-nobody-here", "", 48000.0, 256 }, {}, warnings);
        CHECK (opened.type == "Virtual");
        REQUIRE (warnings.size() == 1);
        CHECK (warnings[0] == "could not open the JACK device: no JACK server 'fbtest-nobody-here' is running; "
                              "using the Virtual device instead");
    }

    SECTION ("no ALSA device of that name")
    {
        const auto opened = host.open ({ "ALSA", "", "no-such-card", 48000.0, 256 }, {}, warnings);
        CHECK (opened.type == "Virtual");
        REQUIRE (warnings.size() == 1);
        CHECK (warnings[0].rfind ("could not open the ALSA device: ", 0) == 0);
    }

    SECTION ("an unknown type")
    {
        const auto opened = host.open ({ "ASIO", "", "", 44100.0, 128 }, {}, warnings);
        CHECK (opened.type == "Virtual");
        CHECK (opened.sampleRate == 44100.0);
        CHECK (warnings.at (0).find ("there is no device type 'ASIO'") != std::string::npos);
    }
}

TEST_CASE ("Through the host a JACK device names its ports, calls back, and recovers when its server restarts",
           "[device][host][jack]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256, 48000, 2);
    server.start();

    const juce::ScopedJuceInitialiser_GUI juceRuntime;
    AudioDeviceHost host;
    JackPortLayout layout;
    layout.clientName = "fbunit";
    layout.inputs = { "vox", "", "talkback" };
    layout.outputs = { "singer_L", "singer_R", "wedge" };

    std::vector<std::string> warnings;
    const auto opened = host.open ({ "JACK", server.name(), "", 44100.0, 1024 }, layout, warnings);
    REQUIRE (opened.type == "JACK");
    CHECK (warnings.empty());
    CHECK (opened.sampleRate == 48000.0);   // the server's, whatever was asked
    CHECK (opened.bufferSize == 256);
    CHECK (opened.numInputs == 3);
    CHECK (opened.numOutputs == 3);

    CountingCallback callback;
    host.start (callback);
    REQUIRE (runMessageLoopUntil ([&] { return callback.blocks.load() > 10; }));
    CHECK (callback.lastInputs.load() == 3);
    CHECK (portExists (server.name(), "fbunit:vox"));
    CHECK (portExists (server.name(), "fbunit:talkback"));
    CHECK (portExists (server.name(), "fbunit:wedge"));

    // Auto-connection: the server has two capture and two playback ports.
    const auto startWarnings = host.getStartWarnings();
    REQUIRE (startWarnings.size() == 2);
    CHECK (startWarnings[0].find ("fbunit:talkback uses input channel 3") != std::string::npos);
    CHECK (startWarnings[1].find ("fbunit:wedge uses output channel 3") != std::string::npos);

    // The dead client must be closed before this process joins the new server (see
    // JackAudioDevice.h), so the server restarts only once the device has noticed.
    server.kill (SIGKILL);
    REQUIRE (runMessageLoopUntil ([&] { return callback.stops == 1; }));
    CHECK (host.describeTrouble() == "JACK server gone, reconnecting");

    server.start();
    REQUIRE (runMessageLoopUntil ([&] { return callback.starts == 2; }));
    const int before = callback.blocks.load();
    CHECK (runMessageLoopUntil ([&] { return callback.blocks.load() > before + 10; }));
    CHECK (host.describeTrouble().empty());
    CHECK (portExists (server.name(), "fbunit:singer_R"));

    host.close();
    CHECK (callback.stops == 2);
}
