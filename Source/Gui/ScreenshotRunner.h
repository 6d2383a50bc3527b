#pragma once

#include "ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace foldback
{

class MainComponent;

/** The console's self-portrait, for the end-to-end test and for the docs: rolls the
    transport (so meters move), then shows each page in turn and saves the window as
    "<page id>.png" (mix-<mix id>.png, matrix.png, clickPanel.png, tracksPanel.png,
    devicePanel.png), then the first mix with narrow strips (mix-<mix id>-narrow.png), into
    a folder, and the window's component tree as
    component-tree.json (see describeComponentTree), then calls onFinished.

    Message thread only. */
class ScreenshotRunner : private juce::Timer
{
public:
    ScreenshotRunner (juce::Component& window, MainComponent& console, ConsoleModel& model, juce::File folder);

    /** Called once everything is written: true on success, else with the reason. */
    std::function<void (bool ok, const juce::String& error)> onFinished;

    /** Starts; the warm-up lets the count-in pass and the meters show the backing tracks. */
    void start (int warmUpMs = 4500);

    static juce::String fileNameForPage (const juce::Component& page);

private:
    void timerCallback() override;
    bool capturePage (int index, const juce::String& suffix = {});
    void finish (bool ok, const juce::String& error);

    juce::Component& window;
    MainComponent& console;
    ConsoleModel& model;
    juce::File folder;
    int nextPage = -1;
    bool pageShown = false, narrowShotTaken = false, narrowBefore = false;
};

} // namespace foldback
