#include "TrackImportJob.h"

#include "Audio/BackingTrackFile.h"

#include <juce_audio_formats/juce_audio_formats.h>

#include <vector>

namespace foldback
{

namespace
{
    constexpr int chunkFrames = 65536;
}

TrackImportJob::TrackImportJob (std::string filePath, double sessionSampleRate, std::function<void (const Result&)> finished)
    : juce::Thread ("Foldback track import"), path (std::move (filePath)), sampleRate (sessionSampleRate),
      onFinished (std::move (finished)), alive (std::make_shared<bool> (true)), aliveToken (alive)
{
    TrackOpenOptions how;
    how.sessionSampleRate = sampleRate;
    file = std::make_unique<BackingTrackFile> (path, how);

    if (! file->isOnline())
    {
        // Report on the next message, never from inside the constructor's caller.
        Result result { path, file->getMessage() };
        juce::MessageManager::callAsync ([weak = aliveToken, this, result]
                                         {
                                             if (weak.lock() != nullptr)
                                                 onFinished (result);
                                         });
        return;
    }
    startThread();
}

TrackImportJob::~TrackImportJob()
{
    alive.reset();
    stopThread (4000);
}

void TrackImportJob::run()
{
    const int channels = file->getNumChannels();
    std::vector<std::vector<float>> buffers (static_cast<std::size_t> (channels), std::vector<float> (chunkFrames));
    std::vector<float*> pointers;
    for (auto& buffer : buffers)
        pointers.push_back (buffer.data());

    const auto length = file->getSessionLength();
    for (std::int64_t start = 0; start < length; start += chunkFrames)
    {
        if (threadShouldExit())
            return;
        if (! file->readSessionFrames (start, chunkFrames, pointers.data()))
        {
            finish ({ path, path + ": could not be read to the end (damaged or truncated?)" });
            return;
        }
        progress = static_cast<double> (start + chunkFrames) / static_cast<double> (juce::jmax<std::int64_t> (1, length));
    }
    progress = 1.0;
    finish ({ path, {}, channels, static_cast<double> (length) / sampleRate });
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
