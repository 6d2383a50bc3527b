#include "TrackPreparationJob.h"

#include "Audio/BackingTrackFile.h"
#include "Audio/TrackCache.h"

#include <filesystem>

namespace foldback
{

TrackPreparationJob::TrackPreparationJob (const Session& session, const std::string& sessionFolder, double rate,
                                          std::function<void()> finished)
    : juce::Thread ("Foldback track preparation"), folder (sessionFolder), sampleRate (rate), onFinished (std::move (finished))
{
    // Resolved as SessionPlayer resolves them: relative to the session's folder.
    for (const auto& track : session.tracks)
        paths.push_back (std::filesystem::path (track.file).is_absolute() ? track.file
                                                                          : (std::filesystem::path (folder) / track.file).string());
    startThread();
}

TrackPreparationJob::~TrackPreparationJob()
{
    alive.reset();
    stopThread (4000);
}

std::string TrackPreparationJob::getCurrentTrack() const
{
    std::lock_guard<std::mutex> guard (currentLock);
    return current;
}

void TrackPreparationJob::run()
{
    const auto folders = TrackCache::foldersFor (folder);
    const double count = static_cast<double> (std::max<std::size_t> (1, paths.size()));

    for (std::size_t i = 0; i < paths.size() && ! threadShouldExit(); ++i)
    {
        {
            std::lock_guard<std::mutex> guard (currentLock);
            current = std::filesystem::path (paths[i]).filename().string();
        }

        TrackOpenOptions how;
        how.sessionSampleRate = sampleRate;
        how.cacheFolders = folders;
        how.progress = [this, i, count] (double p) { progress = (static_cast<double> (i) + p) / count; };
        how.shouldCancel = [this] { return threadShouldExit(); };
        const BackingTrackFile file (paths[i], how);
        progress = static_cast<double> (i + 1) / count;
    }

    if (threadShouldExit())
        return;
    juce::MessageManager::callAsync ([weak = std::weak_ptr<bool> (alive), this]
                                     {
                                         if (weak.lock() != nullptr && onFinished)
                                             onFinished();
                                     });
}

} // namespace foldback
