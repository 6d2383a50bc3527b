#pragma once

#include "Session/Session.h"

#include <juce_events/juce_events.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace foldback
{

/** Gets a session's backing tracks ready before the session replaces the current one: on
    a background thread, opens each track as the player will, which converts those at
    another rate or in a lossy encoding into the track cache (TrackCache). The player then
    finds every copy made, so opening a session of 44.1 kHz MP3s never freezes the console
    and the session that plays meanwhile goes on playing.

    Tracks that will not open are not its business: the player reports them offline, as
    it does for any session. Calls `onFinished` on the message thread when done; never
    after it is destroyed (destroying it stops the thread between chunks). */
class TrackPreparationJob : private juce::Thread
{
public:
    TrackPreparationJob (const Session& session, const std::string& sessionFolder, double sampleRate,
                         std::function<void()> onFinished);
    ~TrackPreparationJob() override;

    /** [0, 1] over all the tracks; any thread. */
    double getProgress() const noexcept { return progress.load(); }

    /** The track being prepared now ("drums.mp3"); message thread. */
    std::string getCurrentTrack() const;

private:
    void run() override;

    std::vector<std::string> paths;
    const std::string folder;
    const double sampleRate;
    std::function<void()> onFinished;
    std::atomic<double> progress { 0.0 };
    mutable std::mutex currentLock;
    std::string current;
    std::shared_ptr<bool> alive = std::make_shared<bool> (true);
};

} // namespace foldback
