#pragma once

#include "Session/EngineMeters.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <vector>

namespace foldback
{

/** The one timer behind every meter on the console. Each frame (40 a second) it takes one
    MeterSnapshot of the engine and refreshes only the meters that are showing: a hidden page
    reads nothing and paints nothing, and 1000 meters on 16 mix pages cost one snapshot, not
    1000. (Each meter owning a timer and a snapshot of its own cost a tenth of a core at
    64 inputs x 16 mixes.)

    Message thread only. */
class MeterClock : private juce::Timer
{
public:
    static constexpr int framesPerSecond = 40;

    using ReadMeters = std::function<MeterSnapshot()>;

    explicit MeterClock (ReadMeters read);
    ~MeterClock() override;

    /** Refreshes `meter` through `refresh` each frame while it is shown: visible, as are
        all its parents, and its window not minimised. */
    void add (juce::Component& meter, std::function<void()> refresh);
    void remove (juce::Component& meter);

    /** Within a frame, the frame's snapshot; otherwise a fresh one (tests, screenshots). */
    const MeterSnapshot& meters();

    /** One frame now (the timer calls it). */
    void tick();

    /** How many meters the last frame refreshed: the ones showing. */
    int getNumRefreshedLastFrame() const noexcept { return refreshedLastFrame; }

private:
    struct Client
    {
        juce::Component* component;
        std::function<void()> refresh;
        const juce::Component* group; ///< whether it shows is whether this shows (findGroups)
    };

    void timerCallback() override { tick(); }
    void findGroups();

    ReadMeters read;
    std::vector<Client> clients;
    MeterSnapshot snapshot;
    bool inFrame = false, snapshotTaken = false, groupsStale = true;
    int framesSinceGroups = 0;
    int refreshedLastFrame = 0;
};

} // namespace foldback
