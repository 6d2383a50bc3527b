#pragma once

#include "Control/SessionPlayer.h"
#include "Audio/AudioFileIO.h"
#include "Session/Session.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

/** What `foldback render` is asked to play. */
struct RenderRequest
{
    Session session;
    std::string sessionDirectory;              ///< for relative track paths
    std::map<std::string, AudioData> inputs;   ///< live input (or "talkback") id -> its signal
    double fromSeconds = 0.0;                  ///< timeline position the roll starts from
    std::optional<double> seconds;             ///< after the count-in; default: to the end of the longest track
    int blockSize = 512;
};

struct RenderedMix
{
    std::string id;
    AudioData audio;
};

/** Where rendered mixes go, block by block, so a long render never holds the whole song. */
class RenderSink
{
public:
    virtual ~RenderSink() = default;
    virtual void begin (const Session& session, std::int64_t totalFrames) = 0;
    virtual void write (std::size_t mixIndex, const float* const* channels, int numChannels, int numFrames) = 0;
    virtual void end() = 0;
};

/** Keeps every mix in memory (tests, short renders). */
class MemoryRenderSink : public RenderSink
{
public:
    void begin (const Session& session, std::int64_t totalFrames) override;
    void write (std::size_t mixIndex, const float* const* channels, int numChannels, int numFrames) override;
    void end() override {}

    std::vector<RenderedMix> mixes; ///< in session order
};

struct RenderResult
{
    std::vector<TrackStatus> tracks;
    std::int64_t countInFrames = 0;
    std::uint64_t underruns = 0;
};

/** Plays a session offline exactly as the live engine would, with the device's input
    channels fed from files and every cue mix captured as its performer would hear it.
    Throws UsageError for requests that cannot be met (unknown input id, wrong channel
    count or sample rate, nothing to render). Message thread. */
RenderResult renderOffline (const RenderRequest& request, RenderSink& sink);

} // namespace foldback
