#include "TrackOverview.h"

#include "Audio/SoundFile.h"
#include "FoldbackLookAndFeel.h"
#include "Session/RegularFile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace foldback
{

namespace
{
    /** Peaks already read, by file as it was: read once per process. */
    struct PeakCache
    {
        std::mutex lock;
        std::map<std::string, std::shared_ptr<const std::vector<float>>> byFile;

        static PeakCache& get()
        {
            static PeakCache cache;
            return cache;
        }
    };

    /** The path and what it holds now: a file rewritten since is another key. */
    std::string keyFor (const std::string& path)
    {
        FileIdentity id;
        if (! readPathIdentity (path, id))
            return {};
        return path + "|" + std::to_string (id.device) + ":" + std::to_string (id.inode) + ":" + std::to_string (id.size) + ":"
               + std::to_string (id.modifiedSeconds) + "." + std::to_string (id.modifiedNanoseconds);
    }

    const std::vector<float> noPeaks;
}

struct TrackOverview::Reader : juce::Thread
{
    Reader (std::string fileToRead, std::string cacheKey, std::weak_ptr<bool> ownerAlive, TrackOverview& ownerToTell)
        : juce::Thread ("Foldback track overview"), file (std::move (fileToRead)), key (std::move (cacheKey)),
          alive (std::move (ownerAlive)), owner (ownerToTell)
    {
    }

    ~Reader() override { stopThread (4000); }

    void run() override
    {
        std::string error;
        auto sound = SoundFile::open (file, error);
        if (sound == nullptr || sound->getNumFrames() <= 0)
            return;

        const int channels = std::min (2, sound->getNumChannels());
        const auto frames = sound->getNumFrames();
        auto result = std::make_shared<std::vector<float>> (numColumns, 0.0f);

        constexpr int chunk = 16384;
        std::vector<std::vector<float>> buffers (2, std::vector<float> (chunk));
        float* pointers[] = { buffers[0].data(), buffers[1].data() };

        for (std::int64_t at = 0; at < frames; at += chunk)
        {
            if (threadShouldExit())
                return;
            const int n = static_cast<int> (std::min<std::int64_t> (chunk, frames - at));
            if (! sound->read (at, n, pointers, channels))
                return;
            for (int c = 0; c < channels; ++c)
                for (int i = 0; i < n; ++i)
                {
                    const auto column = static_cast<std::size_t> ((at + i) * numColumns / frames);
                    auto& peak = (*result)[column];
                    peak = std::max (peak, std::min (1.0f, std::abs (buffers[static_cast<std::size_t> (c)][static_cast<std::size_t> (i)])));
                }
        }

        {
            auto& cache = PeakCache::get();
            std::lock_guard<std::mutex> guard (cache.lock);
            cache.byFile[key] = result;
        }

        // Only the owner is touched, and only while it lives: this reader may be gone by then.
        juce::MessageManager::callAsync ([weak = alive, target = &owner, result, key = key]
                                         {
                                             if (weak.lock() == nullptr || target->readerKey != key)
                                                 return;
                                             target->peaks = result;
                                             target->repaint();
                                         });
    }

    const std::string file, key;
    std::weak_ptr<bool> alive;
    TrackOverview& owner;
};

TrackOverview::TrackOverview()
{
    setComponentID ("overview");
    setInterceptsMouseClicks (false, false);
}

TrackOverview::~TrackOverview()
{
    alive.reset();
    reader.reset();
}

void TrackOverview::setFile (const std::string& newPath)
{
    const auto key = newPath.empty() ? std::string() : keyFor (newPath);
    if (newPath == path && (peaks != nullptr || reader != nullptr) && key == readerKey)
        return;

    path = newPath;
    peaks = nullptr;
    reader.reset();
    readerKey = key;
    repaint();
    if (key.empty())
        return;

    {
        auto& cache = PeakCache::get();
        std::lock_guard<std::mutex> guard (cache.lock);
        if (const auto found = cache.byFile.find (key); found != cache.byFile.end())
        {
            peaks = found->second;
            return;
        }
    }

    reader = std::make_unique<Reader> (path, key, alive, *this);
    reader->startThread (juce::Thread::Priority::low);
}

const std::vector<float>& TrackOverview::getPeaks() const noexcept
{
    return peaks != nullptr ? *peaks : noPeaks;
}

void TrackOverview::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.setColour (palette::background);
    g.fillRoundedRectangle (bounds, 3.0f);

    if (peaks == nullptr)
        return;

    // Mirrored about the centre line, as every editor draws a waveform; the scale is
    // linear in level, so a quiet passage looks quiet.
    const float centre = bounds.getCentreY();
    const float half = bounds.getHeight() * 0.5f - 1.0f;
    const float columnWidth = bounds.getWidth() / static_cast<float> (numColumns);
    juce::Path shape;
    shape.startNewSubPath (bounds.getX(), centre);
    for (int i = 0; i < numColumns; ++i)
        shape.lineTo (bounds.getX() + columnWidth * (static_cast<float> (i) + 0.5f), centre - half * (*peaks)[static_cast<std::size_t> (i)]);
    shape.lineTo (bounds.getRight(), centre);
    for (int i = numColumns; --i >= 0;)
        shape.lineTo (bounds.getX() + columnWidth * (static_cast<float> (i) + 0.5f), centre + half * (*peaks)[static_cast<std::size_t> (i)]);
    shape.closeSubPath();

    g.setColour (palette::accent.withAlpha (0.75f));
    g.fillPath (shape);
}

} // namespace foldback
