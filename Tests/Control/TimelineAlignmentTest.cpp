#include "Control/OfflineRenderer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

using namespace foldback;

namespace
{
    constexpr double rate = 48000.0;

    /** Samples where a rendered channel jumps from silence to sound. */
    std::vector<std::int64_t> onsetsOf (const std::vector<float>& channel)
    {
        std::vector<std::int64_t> onsets;
        for (std::size_t i = 0; i < channel.size(); ++i)
            if (channel[i] != 0.0f && (i == 0 || channel[i - 1] == 0.0f))
                onsets.push_back (static_cast<std::int64_t> (i));
        return onsets;
    }

    struct Folder
    {
        std::filesystem::path path = std::filesystem::temp_directory_path()
                                     / ("foldback-align-" + std::to_string (::getpid()));
        Folder() { std::filesystem::create_directories (path); }
        ~Folder() { std::error_code e; std::filesystem::remove_all (path, e); }
    };

    /** 120 bpm 4/4 (a beat is 24000 samples); a one-sample click; a track of one-sample
        impulses on the beats of the timeline, placed `offsetBeats` beats late. */
    Session alignmentSession (const Folder& folder, int offsetBeats, int countInBars)
    {
        AudioData impulse;
        impulse.sampleRate = rate;
        impulse.channels = { { 1.0f } };
        writeFloatWav ((folder.path / "tick.wav").string(), impulse);

        AudioData track;
        track.sampleRate = rate;
        track.channels = { std::vector<float> (static_cast<std::size_t> (rate * 20.0), 0.0f) };
        for (std::size_t beat = 0; beat * 24000 < track.channels[0].size(); ++beat)
            track.channels[0][beat * 24000] = 0.5f;
        writeFloatWav ((folder.path / "beats.wav").string(), track);

        Session session;
        session.click.sound = ClickSound::custom;
        session.click.customFile = "tick.wav";
        session.click.accentDownbeat = false;
        session.click.countInBars = countInBars;
        session.tracks = { { "beats", "Beats", "beats.wav", offsetBeats * 0.5, 0.0 } };

        CueMix click;
        click.id = "click";
        click.outputs = { 1 };
        click.limiterCeilingDb = 0.0;
        click.sends["click"] = {};
        CueMix beats;
        beats.id = "beats";
        beats.outputs = { 2 };
        beats.limiterCeilingDb = 0.0;
        beats.sends["beats"] = {};
        session.mixes = { click, beats };
        return session;
    }
}

TEST_CASE ("Click and backing track stay aligned to the sample, offsets, count-in and --from included", "[render][timeline]")
{
    Folder folder;
    const int offsetBeats = 3;
    auto session = alignmentSession (folder, offsetBeats, 1);

    for (int blockSize : { 1, 64, 4096 })
    {
        INFO ("block size " << blockSize);
        RenderRequest request;
        request.session = session;
        request.sessionDirectory = folder.path.string();
        request.fromSeconds = 5.0;   // bar 3 beat 3: the roll starts mid-bar
        request.seconds = 6.0;
        request.blockSize = blockSize;

        MemoryRenderSink sink;
        const auto result = renderOffline (request, sink);
        REQUIRE (result.underruns == 0);
        REQUIRE (result.countInFrames == 4 * 24000);

        const auto clicks = onsetsOf (sink.mixes[0].audio.channels[0]);
        const auto beats = onsetsOf (sink.mixes[1].audio.channels[0]);

        // Count-in: four clicks from the first frame, one beat apart, and no track.
        REQUIRE (clicks.size() == 4 + 12);
        for (int i = 0; i < 4; ++i)
            CHECK (clicks[static_cast<std::size_t> (i)] == i * 24000);

        // Rolling from 5.0 s: a click on every beat of the timeline, and the track's
        // impulses (on the timeline's beats, since the offset is whole beats) on the same samples.
        const std::vector<std::int64_t> rolled (clicks.begin() + 4, clicks.end());
        for (std::size_t i = 0; i < rolled.size(); ++i)
            CHECK (rolled[i] == result.countInFrames + static_cast<std::int64_t> (i) * 24000);
        CHECK (beats == rolled);
    }
}

TEST_CASE ("A looped render plays the click and the track on the same samples across every wrap", "[render][timeline][loop]")
{
    Folder folder;
    auto session = alignmentSession (folder, 2, 0);
    session.transport = { true, 2.0, 4.0 }; // loop bar 2, beats 1-4

    RenderRequest request;
    request.session = session;
    request.sessionDirectory = folder.path.string();
    request.fromSeconds = 1.0;
    request.seconds = 9.0;

    MemoryRenderSink sink;
    const auto result = renderOffline (request, sink);
    CHECK (result.underruns == 0);

    const auto clicks = onsetsOf (sink.mixes[0].audio.channels[0]);
    const auto beats = onsetsOf (sink.mixes[1].audio.channels[0]);

    // From 1.0 s: beats at 1.0, 1.5 (timeline), then the loop 2.0..4.0 four times over.
    std::vector<std::int64_t> expected;
    for (std::int64_t frame = 0; frame < static_cast<std::int64_t> (rate * 9.0); frame += 24000)
        expected.push_back (frame);
    CHECK (clicks == expected);
    CHECK (beats == expected);
}

TEST_CASE ("A backing track at 44.1 kHz, converted, plays its beats on the same samples as the click", "[render][timeline][conversion]")
{
    Folder folder;
    auto session = alignmentSession (folder, 0, 1);

    // The same beats, as a CD-rate file: an impulse every 22050 frames is every half second.
    AudioData track;
    track.sampleRate = 44100.0;
    track.channels = { std::vector<float> (static_cast<std::size_t> (44100.0 * 20.0), 0.0f) };
    for (std::size_t beat = 0; beat * 22050 < track.channels[0].size(); ++beat)
        track.channels[0][beat * 22050] = 0.5f;
    writeFloatWav ((folder.path / "beats44.wav").string(), track);
    session.tracks.front().file = "beats44.wav";

    std::vector<float> firstRender;
    for (int blockSize : { 1, 64, 4096 })
    {
        INFO ("block size " << blockSize);
        RenderRequest request;
        request.session = session;
        request.sessionDirectory = folder.path.string();
        request.fromSeconds = 5.0;
        request.seconds = 6.0;
        request.blockSize = blockSize;

        MemoryRenderSink sink;
        const auto result = renderOffline (request, sink);
        REQUIRE (result.underruns == 0);

        const auto& clickChannel = sink.mixes[0].audio.channels[0];
        const auto& beats = sink.mixes[1].audio.channels[0];
        const auto clicks = onsetsOf (clickChannel);
        REQUIRE (clicks.size() == 4 + 12);

        // A band-limited impulse peaks where the file put it: on the click's sample.
        std::vector<std::int64_t> peaks;
        for (std::size_t i = 1; i + 1 < beats.size(); ++i)
            if (beats[i] > 0.25f && beats[i] >= beats[i - 1] && beats[i] > beats[i + 1])
                peaks.push_back (static_cast<std::int64_t> (i));
        CHECK (peaks == std::vector<std::int64_t> (clicks.begin() + 4, clicks.end()));

        // And the same samples whatever the block size.
        if (firstRender.empty())
            firstRender = beats;
        else
            CHECK (beats == firstRender);
    }
}
