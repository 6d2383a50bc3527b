#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <vector>

namespace foldback
{

/** The transport: return to start, play (with the session's count-in), stop, loop with
    its bars, count-in bars, a "go to bar" field, and the position in bars|beats and time
    with the tempo and meter in force there.

    Transport commands go to the SessionPlayer; loop and count-in are session settings,
    edited through the document like everything else. The position is read from the
    engine's display atomics on a timer, 30 times a second. Message thread only. */
class TransportBar : public juce::Component,
                     private ConsoleModel::Listener,
                     private juce::Timer
{
public:
    explicit TransportBar (ConsoleModel& model);
    ~TransportBar() override;

    /** Play if stopped, stop if rolling or counting in (the space bar). */
    void togglePlayStop();

    /** Reads the transport now (the timer does this 30 times a second). */
    void refreshPosition();

    juce::String getPositionText() const { return barBeatLabel.getText(); }
    juce::Label& getGoToBarField() noexcept { return gotoBar; }
    /** The position, time, state, tempo and meter figures (layout tests). */
    std::vector<juce::Label*> getFigures() noexcept { return { &barBeatLabel, &timeLabel, &stateLabel, &tempoLabel, &meterLabel }; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override;
    void timerCallback() override { refreshPosition(); }
    void locateToBar (int bar);
    void setLoop (bool enabled, int startBar, int endBar);
    int barAtSeconds (double seconds) const;

    ConsoleModel& model;
    juce::TextButton toStart { "|<" }, play { "PLAY" }, stop { "STOP" }, loop { "LOOP" };
    juce::Label barBeatLabel, timeLabel, tempoLabel, stateLabel, meterLabel;
    juce::Label loopFrom, loopTo, loopDash, gotoTitle, gotoBar, countInTitle;
    juce::ComboBox countIn;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (TransportBar)
};

} // namespace foldback
