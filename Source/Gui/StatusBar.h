#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace foldback
{

/** The bottom line: device, sample rate, buffer size, latency, DSP load, xruns and
    backing-track underruns, refreshed four times a second; and the latest notice (a
    rejected edit, a failed save), which stays for ten seconds. Counters that are not zero
    show in amber, so a glance finds trouble. Message thread only. */
class StatusBar : public juce::Component,
                  private juce::Timer
{
public:
    explicit StatusBar (ConsoleModel& model);

    /** Shows a notice on the right for a while. */
    void showNotice (const juce::String& text);

    /** Reads the device and counters now. */
    void refresh();

    juce::String getStatusText() const { return status; }

    void paint (juce::Graphics&) override;

private:
    void timerCallback() override { refresh(); }

    ConsoleModel& model;
    juce::String status, notice;
    bool trouble = false;
    double noticeUntilMs = 0.0;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (StatusBar)
};

} // namespace foldback
