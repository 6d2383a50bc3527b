#include "Control/OfflineRenderer.h"
#include "Engine/AudioMath.h"
#include "App/CommandLineArguments.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace foldback;

namespace
{
    AudioData noiseFile (int channels, int frames, unsigned seed, double rate = 48000.0)
    {
        AudioData audio;
        audio.sampleRate = rate;
        std::mt19937 rng (seed);
        std::uniform_real_distribution<float> dist (-0.5f, 0.5f);
        audio.channels.assign (static_cast<std::size_t> (channels), std::vector<float> (static_cast<std::size_t> (frames)));
        for (auto& c : audio.channels)
            for (auto& x : c)
                x = dist (rng);
        return audio;
    }

    Session twoPerformerSession()
    {
        Session session;
        session.name = "render test";
        session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
        session.talkback.channels = { 4 };
        session.click.tempoMap = { { 1, 97.3, 4, 4 }, { 3, 140.0, 6, 8 } };
        session.click.subdivision = Subdivision::eighths;
        session.click.countInBars = 1;

        CueMix singer;
        singer.id = "singer";
        singer.outputs = { 1, 2 };
        singer.sends["vox"] = { 3.0, 0.0, false };
        singer.sends["gtr"] = { -8.0, 0.4, false };
        singer.sends["click"] = { -12.0, -0.5, false };
        singer.sends["talkback"] = { 0.0, 0.0, false };
        singer.limiterCeilingDb = -3.0;
        singer.clickMode = ClickMode::countInOnly;

        CueMix guitarist;
        guitarist.id = "guitarist";
        guitarist.outputs = { 3 };
        guitarist.sends["vox"] = { -6.0, 0.0, false };
        guitarist.sends["gtr"] = { 6.0, 0.0, false };
        guitarist.sends["click"] = { -3.0, 0.0, false };
        guitarist.masterDb = 4.0;

        session.mixes = { singer, guitarist };
        return session;
    }

    RenderRequest requestFor (const Session& session, int blockSize)
    {
        RenderRequest request;
        request.session = session;
        request.sessionDirectory = ".";
        request.inputs["vox"] = noiseFile (1, 48000 * 3, 1);
        request.inputs["gtr"] = noiseFile (2, 48000 * 3, 2);
        request.inputs["talkback"] = noiseFile (1, 48000 * 3, 3);
        request.seconds = 8.0;
        request.blockSize = blockSize;
        return request;
    }
}

TEST_CASE ("A render is bit-identical at block sizes 1, 7, 32, 64, 513 and 4096", "[render][blocksize]")
{
    const auto session = twoPerformerSession();

    MemoryRenderSink reference;
    const auto result = renderOffline (requestFor (session, 4096), reference);
    REQUIRE (reference.mixes.size() == 2);
    REQUIRE (reference.mixes[0].audio.numChannels() == 2);
    REQUIRE (reference.mixes[1].audio.numChannels() == 1);
    CHECK (result.countInFrames > 0);
    CHECK (reference.mixes[0].audio.numFrames() == static_cast<std::size_t> (result.countInFrames + 8 * 48000));

    for (int blockSize : { 1, 7, 32, 64, 513 })
    {
        INFO ("block size " << blockSize);
        MemoryRenderSink sink;
        renderOffline (requestFor (session, blockSize), sink);
        for (std::size_t m = 0; m < 2; ++m)
            CHECK (sink.mixes[m].audio.channels == reference.mixes[m].audio.channels);
    }
}

TEST_CASE ("A render never exceeds a mix's limiter ceiling and contains no NaN or infinity", "[render][limiter]")
{
    auto session = twoPerformerSession();
    for (auto& mix : session.mixes)
        for (auto& [id, send] : mix.sends)
            send.gainDb = 12.0;
    session.mixes[0].masterDb = 12.0;

    auto request = requestFor (session, 256);
    request.inputs["vox"].channels[0][1000] = std::numeric_limits<float>::quiet_NaN();
    request.inputs["vox"].channels[0][2000] = std::numeric_limits<float>::infinity();
    request.inputs["gtr"].channels[1][3000] = -std::numeric_limits<float>::infinity();

    MemoryRenderSink sink;
    renderOffline (request, sink);

    const float singerCeiling = decibelsToGain (-3.0f);
    const float guitaristCeiling = decibelsToGain (-1.0f);
    for (std::size_t m = 0; m < 2; ++m)
        for (const auto& channel : sink.mixes[m].audio.channels)
            for (float x : channel)
            {
                REQUIRE (std::isfinite (x));
                REQUIRE (std::fabs (x) <= (m == 0 ? singerCeiling : guitaristCeiling));
            }
}

TEST_CASE ("A render rejects input files that do not fit the session", "[render][errors]")
{
    const auto session = twoPerformerSession();

    auto unknown = requestFor (session, 512);
    unknown.inputs["bass"] = noiseFile (1, 100, 9);
    MemoryRenderSink sink;
    CHECK_THROWS_WITH (renderOffline (unknown, sink), Catch::Contains ("--input bass"));

    auto wrongChannels = requestFor (session, 512);
    wrongChannels.inputs["vox"] = noiseFile (2, 100, 9);
    CHECK_THROWS_AS (renderOffline (wrongChannels, sink), UsageError);

    auto wrongRate = requestFor (session, 512);
    wrongRate.inputs["gtr"] = noiseFile (2, 100, 9, 44100.0);
    CHECK_THROWS_WITH (renderOffline (wrongRate, sink), Catch::Contains ("44100"));

    auto nothing = requestFor (session, 512);
    nothing.inputs.clear();
    nothing.seconds.reset();
    CHECK_THROWS_WITH (renderOffline (nothing, sink), Catch::Contains ("--seconds"));
}

TEST_CASE ("A live input sent at unity with the limiter idle renders unchanged, in the same frame", "[render][latency]")
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } } };
    CueMix mix;
    mix.id = "mono";
    mix.outputs = { 1 };
    mix.limiterCeilingDb = 0.0;
    mix.sends["vox"] = {};
    session.mixes = { mix };

    RenderRequest request;
    request.session = session;
    request.inputs["vox"] = noiseFile (1, 48000, 4);
    for (auto& x : request.inputs["vox"].channels[0])
        x *= 0.7f; // -3 dB below the ceiling: the limiter must be bit-transparent

    MemoryRenderSink sink;
    renderOffline (request, sink);
    CHECK (sink.mixes[0].audio.channels[0] == request.inputs["vox"].channels[0]);
}
