#pragma once

#include "Audio/BackingTrackFile.h"

#include <juce_events/juce_events.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** Loads a backing track before it joins the session, on a background thread: opens the
    file and, when it is at another rate or in a lossy encoding, converts it into the track
    cache at the session's rate (BackingTrackFile, TrackCache), so the session applies it
    at once; a file that streams as it is, it decodes once from end to end, so a damaged
    file is caught before it reaches a performer's ears and its blocks are in the disk
    cache when the stream first fills. Reports progress for a progress bar, then calls
    `onFinished` on the message thread with an empty message on success, or "path: reason".

    Destroying the job stops the thread (and never calls onFinished afterwards). */
class TrackImportJob : private juce::Thread
{
public:
    struct Result
    {
        std::string path;
        std::string error;      ///< empty on success
        int numChannels = 0;
        double seconds = 0.0;
        TrackFileInfo info;
    };

    TrackImportJob (std::string path, double sessionSampleRate, std::vector<std::string> cacheFolders,
                    std::function<void (const Result&)> onFinished);
    ~TrackImportJob() override;

    const std::string& getPath() const noexcept { return path; }

    /** [0, 1]; any thread. */
    double getProgress() const noexcept { return progress.load(); }

    /** The value a juce::ProgressBar watches (kept up to date by the component). */
    double progressForDisplay = 0.0;

private:
    void run() override;
    void finish (Result result);

    const std::string path;
    const double sampleRate;
    const std::vector<std::string> cacheFolders;
    std::function<void (const Result&)> onFinished;
    std::atomic<double> progress { 0.0 };
    std::shared_ptr<bool> alive;      // message thread's; reset when the job goes
    std::weak_ptr<bool> aliveToken;   // copied by the worker: never touches `alive` itself
};

} // namespace foldback
