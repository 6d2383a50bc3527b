#pragma once

#include <juce_events/juce_events.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace foldback
{

class BackingTrackFile;

/** Loads a backing track before it joins the session: opens the file (message thread),
    then decodes it once from end to end on a background thread, so a damaged file is
    caught before it reaches a performer's ears and its blocks are in the disk cache when
    the stream first fills. Reports progress for a progress bar, then calls `onFinished`
    on the message thread with an empty message on success, or "path: reason".

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
    };

    TrackImportJob (std::string path, double sessionSampleRate, std::function<void (const Result&)> onFinished);
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
    std::function<void (const Result&)> onFinished;
    std::unique_ptr<BackingTrackFile> file;
    std::atomic<double> progress { 0.0 };
    std::shared_ptr<bool> alive;      // message thread's; reset when the job goes
    std::weak_ptr<bool> aliveToken;   // copied by the worker: never touches `alive` itself
};

} // namespace foldback
