#include "MeterClock.h"

#include <algorithm>

namespace foldback
{

namespace
{
    /** Visible itself and up to its top level, and that not minimised: isShowing() without
        needing a window, so a console laid out off screen (tests) reads the same way. */
    bool isShown (const juce::Component& component)
    {
        const juce::Component* c = &component;
        for (; c->getParentComponent() != nullptr; c = c->getParentComponent())
            if (! c->isVisible())
                return false;
        if (! c->isVisible())
            return false;
        const auto* peer = c->getPeer();
        return peer == nullptr || ! peer->isMinimised();
    }
}

MeterClock::MeterClock (ReadMeters readMeters) : read (std::move (readMeters)) {}

MeterClock::~MeterClock()
{
    stopTimer();
}

void MeterClock::add (juce::Component& meter, std::function<void()> refresh)
{
    remove (meter);
    clients.push_back ({ &meter, std::move (refresh), nullptr });
    groupsStale = true;
    if (! isTimerRunning())
        startTimerHz (framesPerSecond);
}

void MeterClock::remove (juce::Component& meter)
{
    std::erase_if (clients, [&meter] (const Client& c) { return c.component == &meter; });
    groupsStale = true;
    if (clients.empty())
        stopTimer();
}

const MeterSnapshot& MeterClock::meters()
{
    if (! inFrame || ! snapshotTaken)
    {
        snapshot = read ? read() : MeterSnapshot {};
        snapshotTaken = inFrame;
    }
    return snapshot;
}

void MeterClock::findGroups()
{
    // A meter's group is its grandparent (a page's strip holder, a master strip's page):
    // the meter and its strip are laid out visible, so whether a row of meters shows is
    // whether that one component shows. A meter with no grandparent is its own group.
    for (auto& client : clients)
    {
        const auto* parent = client.component->getParentComponent();
        const auto* grandparent = parent != nullptr ? parent->getParentComponent() : nullptr;
        client.group = grandparent != nullptr ? grandparent : client.component;
    }
    groupsStale = false;
    framesSinceGroups = 0;
}

void MeterClock::tick()
{
    // Groups are found again when meters come or go, and once a second in case one moved.
    if (groupsStale || ++framesSinceGroups >= framesPerSecond)
        findGroups();

    inFrame = true;
    snapshotTaken = false;
    int refreshed = 0;
    const juce::Component* lastGroup = nullptr;
    bool lastGroupShown = false;
    // By index: a refresh adds or removes no meter, but this stays safe if one ever does.
    // A hidden page's meters are skipped on their cached group alone, without touching
    // them: a thousand of them cost no more than a few reads a frame.
    for (std::size_t i = 0; i < clients.size(); ++i)
    {
        const auto& client = clients[i];
        if (client.group != lastGroup)
        {
            lastGroup = client.group;
            lastGroupShown = isShown (*client.group);
        }
        if (! lastGroupShown)
            continue;
        const auto* parent = client.component->getParentComponent();
        if (client.component->isVisible() && (parent == nullptr || parent->isVisible()))
        {
            client.refresh();
            ++refreshed;
        }
    }
    refreshedLastFrame = refreshed;
    inFrame = false;
}

} // namespace foldback
