#include "TrackImportJob.h"


#include <vector>

namespace foldback
{

namespace
{
    constexpr int chunkFrames = 65536;
}

TrackImportJob::TrackImportJob (std::string filePath, double sessionSampleRate, std::vector<std::string> folders,
                                std::function<void (const Result&)> finished)
    : juce::Thread ("Foldback track import"), path (std::move (filePath)), sampleRate (sessionSampleRate),
      cacheFolders (std::move (folders)), onFinished (std::move (finished)), alive (std::make_shared<bool> (true)),
      aliveToken (alive)
{
    startThread();
}

TrackImportJob::~TrackImportJob()
{
    alive.reset();
    stopThread (4000);
}

void TrackImportJob::run()
{
    // A conversion is most of the work when there is one; otherwise the decode is.
    TrackOpenOptions how;
    how.sessionSampleRate = sampleRate;
    how.cacheFolders = cacheFolders;
    how.progress = [this] (double p) { progress = 0.8 * p; };
    how.shouldCancel = [this] { return threadShouldExit(); };

    BackingTrackFile file (path, how);
    if (threadShouldExit())
        return;
    if (! file.isOnline())
    {
        finish ({ path, file.getMessage() });
        return;
    }

    const int channels = file.getNumChannels();
    const auto length = file.getSessionLength();
    const double seconds = static_cast<double> (length) / sampleRate;

    // A converted copy was decoded whole as it was made, and written by us.
    if (file.isConverted())
    {
        progress = 1.0;
        finish ({ path, {}, channels, seconds, file.getInfo() });
        return;
    }

    std::vector<std::vector<float>> buffers (static_cast<std::size_t> (channels), std::vector<float> (chunkFrames));
    std::vector<float*> pointers;
    for (auto& buffer : buffers)
        pointers.push_back (buffer.data());

    for (std::int64_t start = 0; start < length; start += chunkFrames)
    {
        if (threadShouldExit())
            return;
        if (! file.readSessionFrames (start, chunkFrames, pointers.data()))
        {
            finish ({ path, path + ": could not be read to the end (damaged or truncated?)" });
            return;
        }
        progress = static_cast<double> (start + chunkFrames) / static_cast<double> (juce::jmax<std::int64_t> (1, length));
    }
    progress = 1.0;
    finish ({ path, {}, channels, seconds, file.getInfo() });
}

void TrackImportJob::finish (Result result)
{
    juce::MessageManager::callAsync ([weak = aliveToken, this, result]
                                     {
                                         if (weak.lock() != nullptr)
                                             onFinished (result);
                                     });
}

} // namespace foldback
