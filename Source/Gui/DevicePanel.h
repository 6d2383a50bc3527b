#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <string>
#include <vector>

namespace foldback
{

class LiveAudio;

/** Audio device settings: type (JACK, ALSA, Virtual), input and output device, sample
    rate and buffer size, as the session's AudioSettings. Apply edits the session through
    the document (so the choice is saved with it) and asks the owner to reopen the device;
    the result, and any fallback to Virtual, is shown below.

    Not JUCE's AudioDeviceSelectorComponent: that needs a juce::AudioDeviceManager, which the
    device layer deliberately does without (it locks and allocates in the audio callback);
    this lists the same JUCE device types through the AudioDeviceHost instead.

    componentID "devicePanel". Message thread only. */
class DevicePanel : public juce::Component,
                    private ConsoleModel::Listener
{
public:
    /** `audio` may be null (tests): the lists then offer only what the session names. */
    DevicePanel (ConsoleModel& model, LiveAudio* audio);
    ~DevicePanel() override;

    /** Called after Apply changed the session's audio settings: reopen the device and
        return the warnings to show. */
    std::function<std::vector<std::string>()> onApply;

    /** Lists the devices of every type again (briefly opens ALSA devices and a JACK client). */
    void rescan();

    void paint (juce::Graphics&) override;
    void resized() override;
    void visibilityChanged() override;

private:
    void sessionChanged() override { showSessionSettings(); }
    void showSessionSettings();
    void fillDeviceLists();
    void apply();
    void fillListenOutputs();

    ConsoleModel& model;
    LiveAudio* audio;
    juce::Label title, typeLabel, inputLabel, outputLabel, rateLabel, bufferLabel, listenLabel, syncLabel, timebaseLabel, result;
    juce::ComboBox type, input, output, rate, buffer, listenOutputs, sync, timebase;
    juce::TextButton applyButton { "Apply" }, rescanButton { "Rescan devices" };
    struct Listing { std::string type, name; int inputs = 0, outputs = 0; std::string note; };
    std::vector<Listing> listings;
    bool scanned = false;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (DevicePanel)
};

} // namespace foldback
