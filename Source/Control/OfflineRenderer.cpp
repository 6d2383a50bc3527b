#include "OfflineRenderer.h"

#include "Control/RequestErrors.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <cmath>

namespace foldback
{

namespace
{
    /** The device input channels (0-based) a live input or the talkback mic occupies. */
    std::vector<int> deviceChannelsOf (const Session& session, const std::string& id)
    {
        std::vector<int> result;
        for (const auto& input : session.inputs)
            if (input.id == id)
                for (int c : input.channels)
                    result.push_back (c - 1);
        if (id == talkbackSourceId)
            for (int c : session.talkback.channels)
                result.push_back (c - 1);
        return result;
    }

    int highestOutputChannel (const Session& session)
    {
        int highest = 0;
        for (const auto& mix : session.mixes)
            for (int c : mix.outputs)
                highest = std::max (highest, c);
        return highest;
    }

    struct DeviceInputs
    {
        std::vector<std::vector<float>> channels;
        std::size_t longestFrames = 0;
    };

    DeviceInputs layOutInputs (const RenderRequest& request)
    {
        const auto& session = request.session;
        DeviceInputs device;

        for (const auto& [id, audio] : request.inputs)
        {
            const auto channels = deviceChannelsOf (session, id);
            if (channels.empty())
                throw UsageError ("--input " + id + ": the session has no live input or talkback with that id");
            if (audio.numChannels() != static_cast<int> (channels.size()))
                throw UsageError ("--input " + id + ": the file has " + std::to_string (audio.numChannels())
                                  + " channel(s) but the input takes " + std::to_string (channels.size()));
            if (audio.sampleRate != session.audio.sampleRate)
                throw UsageError ("--input " + id + ": the file's sample rate is " + std::to_string (static_cast<int> (audio.sampleRate))
                                  + " Hz but the session runs at " + std::to_string (static_cast<int> (session.audio.sampleRate)) + " Hz");

            for (std::size_t c = 0; c < channels.size(); ++c)
            {
                const auto channel = static_cast<std::size_t> (channels[c]);
                if (device.channels.size() <= channel)
                    device.channels.resize (channel + 1);
                device.channels[channel] = audio.channels[c];
            }
            device.longestFrames = std::max (device.longestFrames, audio.numFrames());
        }

        return device;
    }
}

RenderResult renderOffline (const RenderRequest& request, RenderSink& sink)
{
    const auto& session = request.session;
    const double rate = session.audio.sampleRate;

    Engine engine;
    engine.prepare (rate);
    SessionPlayer player (engine);
    player.setSession (session, request.sessionDirectory);

    auto device = layOutInputs (request);

    const auto from = static_cast<std::int64_t> (std::llround (request.fromSeconds * rate));
    const auto countIn = player.countInSamplesAt (from);

    std::int64_t rollFrames = 0;
    if (request.seconds.has_value())
        rollFrames = static_cast<std::int64_t> (std::llround (*request.seconds * rate));
    else if (player.getTimelineEnd() > from)
        rollFrames = player.getTimelineEnd() - from;
    else if (device.longestFrames > 0)
        rollFrames = static_cast<std::int64_t> (device.longestFrames) - countIn;

    if (rollFrames <= 0)
        throw UsageError ("nothing to render after " + std::to_string (request.fromSeconds)
                          + " s: the session has no backing track that long and no input file; give --seconds");

    const auto totalFrames = countIn + rollFrames;
    if (totalFrames > static_cast<std::int64_t> (rate * 60.0 * 60.0 * 4.0))
        throw UsageError ("--seconds: a render is limited to four hours");

    // Input files shorter than the render are followed by silence, like a quiet mic.
    for (auto& channel : device.channels)
        channel.resize (static_cast<std::size_t> (totalFrames), 0.0f);

    const int blockSize = std::max (1, request.blockSize);
    const int numOutputs = highestOutputChannel (session);
    std::vector<std::vector<float>> outputs (static_cast<std::size_t> (numOutputs),
                                             std::vector<float> (static_cast<std::size_t> (blockSize), 0.0f));

    player.locate (from);
    player.play();
    sink.begin (session, totalFrames);

    std::vector<const float*> inputPointers (device.channels.size());
    std::vector<float*> outputPointers (outputs.size());
    for (std::size_t c = 0; c < outputs.size(); ++c)
        outputPointers[c] = outputs[c].data();

    for (std::int64_t done = 0; done < totalFrames;)
    {
        const int n = static_cast<int> (std::min<std::int64_t> (blockSize, totalFrames - done));

        for (std::size_t c = 0; c < device.channels.size(); ++c)
            inputPointers[c] = device.channels[c].data() + static_cast<std::size_t> (done);

        player.waitForStreams (n);
        engine.processBlock (inputPointers.data(), static_cast<int> (inputPointers.size()),
                             outputPointers.data(), numOutputs, n);
        player.reclaim();

        for (std::size_t m = 0; m < session.mixes.size(); ++m)
        {
            const float* mixChannels[2] = {};
            const auto& outs = session.mixes[m].outputs;
            for (std::size_t c = 0; c < outs.size() && c < 2; ++c)
                mixChannels[c] = outputPointers[static_cast<std::size_t> (outs[c] - 1)];
            sink.write (m, mixChannels, static_cast<int> (std::min<std::size_t> (outs.size(), 2)), n);
        }

        done += n;
    }

    sink.end();

    RenderResult result;
    result.tracks = player.getTrackStatuses();
    result.countInFrames = countIn;
    result.underruns = player.getUnderrunCount();
    return result;
}

void MemoryRenderSink::begin (const Session& session, std::int64_t totalFrames)
{
    mixes.clear();
    for (const auto& mix : session.mixes)
    {
        RenderedMix rendered;
        rendered.id = mix.id;
        rendered.audio.sampleRate = session.audio.sampleRate;
        rendered.audio.channels.resize (std::min<std::size_t> (mix.outputs.size(), 2));
        for (auto& channel : rendered.audio.channels)
            channel.reserve (static_cast<std::size_t> (totalFrames));
        mixes.push_back (std::move (rendered));
    }
}

void MemoryRenderSink::write (std::size_t mixIndex, const float* const* channels, int numChannels, int numFrames)
{
    auto& audio = mixes[mixIndex].audio;
    for (int c = 0; c < numChannels; ++c)
        audio.channels[static_cast<std::size_t> (c)].insert (audio.channels[static_cast<std::size_t> (c)].end(),
                                                             channels[c], channels[c] + numFrames);
}

} // namespace foldback
