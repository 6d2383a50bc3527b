#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "App/SessionPlayer.h"
#include "Audio/AudioFileIO.h"
#include "Session/SessionQueries.h"

#include <chrono>
#include <ctime>
#include <unistd.h>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>

namespace foldback
{

namespace
{
    double threadCpuSeconds()
    {
        timespec t {};
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double> (t.tv_sec) + static_cast<double> (t.tv_nsec) * 1.0e-9;
    }

    struct BenchSize
    {
        int inputs = 64;
        int tracks = 16;
        int mixes = 16;
        int blockSize = 32;
        double sampleRate = 48000.0;
        double seconds = 20.0;
        bool hot = false; ///< every mix driven into its limiter, the limiter's worst case
    };

    /** Short stereo loops on disk, so the tracks really stream through the disk thread. */
    std::vector<std::string> writeTrackFiles (const std::filesystem::path& folder, int count, double rate)
    {
        std::vector<std::string> paths;
        std::mt19937 rng (42);
        std::uniform_real_distribution<float> noise (-0.25f, 0.25f);
        for (int t = 0; t < count; ++t)
        {
            AudioData audio;
            audio.sampleRate = rate;
            audio.channels.assign (2, std::vector<float> (static_cast<std::size_t> (rate * 4.0)));
            for (auto& channel : audio.channels)
                for (auto& x : channel)
                    x = noise (rng);
            paths.push_back ((folder / ("track" + std::to_string (t + 1) + ".wav")).string());
            writeFloatWav (paths.back(), audio);
        }
        return paths;
    }

    Session makeBenchSession (const BenchSize& size, const std::vector<std::string>& trackFiles)
    {
        Session session;
        session.name = "bench";
        session.audio.sampleRate = size.sampleRate;
        session.click.countInBars = 0;
        session.transport.loopEnabled = size.tracks > 0;
        session.transport.loopStartSeconds = 0.0;
        session.transport.loopEndSeconds = 4.0;
        session.talkback.channels = { size.inputs + 1 };

        for (int i = 0; i < size.inputs; ++i)
            session.inputs.push_back ({ "in" + std::to_string (i + 1), "Input " + std::to_string (i + 1), { i + 1 } });
        for (int t = 0; t < size.tracks; ++t)
            session.tracks.push_back ({ "track" + std::to_string (t + 1), "Track " + std::to_string (t + 1), trackFiles[static_cast<std::size_t> (t)], 0.0, -6.0 });

        // Working levels keep each mix under its ceiling, as a cue mix is set; --hot sends
        // everything 14 dB louder so every mix runs into its limiter on every block.
        std::mt19937 rng (7);
        std::uniform_real_distribution<double> gain (size.hot ? -26.0 : -40.0, size.hot ? -2.0 : -16.0);
        std::uniform_real_distribution<double> pan (-1.0, 1.0);

        for (int m = 0; m < size.mixes; ++m)
        {
            CueMix mix;
            mix.id = "mix" + std::to_string (m + 1);
            mix.name = "Performer " + std::to_string (m + 1);
            mix.outputs = { 2 * m + 1, 2 * m + 2 };
            for (const auto& id : sourceIdsOf (session))
                mix.sends[id] = SendSettings { gain (rng), pan (rng), false, false };
            session.mixes.push_back (mix);
        }
        return session;
    }
}

int runBenchCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words, { "--sources", "--tracks", "--mixes", "--block-size", "--seconds", "--sample-rate" }, { "--json", "--hot" });
    if (! arguments.positionals().empty())
        throw UsageError ("bench takes no session: it builds the reference load itself");

    BenchSize size;
    size.inputs = arguments.integer ("--sources", size.inputs, 0, 256);
    size.tracks = arguments.integer ("--tracks", size.tracks, 0, 64);
    size.mixes = arguments.integer ("--mixes", size.mixes, 1, 64);
    size.blockSize = arguments.integer ("--block-size", size.blockSize, 1, 8192);
    size.seconds = arguments.number ("--seconds", size.seconds, 0.1, 3600.0);
    size.sampleRate = arguments.number ("--sample-rate", size.sampleRate, 8000.0, 384000.0);
    size.hot = arguments.has ("--hot");

    const auto folder = std::filesystem::temp_directory_path() / ("foldback-bench-" + std::to_string (::getpid()));
    std::filesystem::create_directories (folder);
    struct Cleanup { std::filesystem::path p; ~Cleanup() { std::error_code e; std::filesystem::remove_all (p, e); } } cleanup { folder };

    const auto session = makeBenchSession (size, writeTrackFiles (folder, size.tracks, size.sampleRate));

    Engine engine;
    engine.prepare (size.sampleRate);
    SessionPlayer player (engine);
    player.setSession (session, folder.string());
    player.locate (0);
    player.play();

    const int numInputs = size.inputs + 1;
    const int numOutputs = 2 * size.mixes;
    std::vector<std::vector<float>> inputs (static_cast<std::size_t> (numInputs), std::vector<float> (static_cast<std::size_t> (size.blockSize)));
    std::vector<std::vector<float>> outputs (static_cast<std::size_t> (numOutputs), std::vector<float> (static_cast<std::size_t> (size.blockSize)));
    std::mt19937 rng (3);
    std::uniform_real_distribution<float> noise (-0.5f, 0.5f);
    std::vector<const float*> in;
    std::vector<float*> out;
    for (auto& c : inputs) { for (auto& x : c) x = noise (rng); in.push_back (c.data()); }
    for (auto& c : outputs) out.push_back (c.data());

    const auto blocks = static_cast<long> (size.seconds * size.sampleRate / size.blockSize);
    double cpu = 0.0;
    const auto wallStart = std::chrono::steady_clock::now();

    for (long b = 0; b < blocks; ++b)
    {
        player.waitForStreams (size.blockSize); // outside the timed region: the disk thread's job
        const double start = threadCpuSeconds();
        engine.processBlock (in.data(), numInputs, out.data(), numOutputs, size.blockSize);
        cpu += threadCpuSeconds() - start;
        if ((b & 255) == 0)
            player.reclaim();
    }

    const double wall = std::chrono::duration<double> (std::chrono::steady_clock::now() - wallStart).count();
    const double audioSeconds = static_cast<double> (blocks) * size.blockSize / size.sampleRate;
    const double realtimeFactor = cpu > 0.0 ? audioSeconds / cpu : 0.0;
    const double nsPerFrame = cpu * 1.0e9 / (static_cast<double> (blocks) * size.blockSize);
    const int sources = size.inputs + size.tracks + 2; // + click + talkback, as the design counts them

    if (arguments.has ("--json"))
    {
        std::ostringstream json;
        json << std::setprecision (6)
             << "{\"realtime_factor\": " << realtimeFactor
             << ", \"ns_per_frame\": " << nsPerFrame
             << ", \"dsp_load_percent\": " << (realtimeFactor > 0.0 ? 100.0 / realtimeFactor : 0.0)
             << ", \"sources\": " << sources
             << ", \"inputs\": " << size.inputs
             << ", \"tracks\": " << size.tracks
             << ", \"mixes\": " << size.mixes
             << ", \"sends\": " << static_cast<long> (sources) * size.mixes
             << ", \"block_size\": " << size.blockSize
             << ", \"sample_rate\": " << size.sampleRate
             << ", \"audio_seconds\": " << audioSeconds
             << ", \"cpu_seconds\": " << cpu
             << ", \"wall_seconds\": " << wall
             << ", \"underruns\": " << player.getUnderrunCount()
             << ", \"limiting\": " << (size.hot ? "true" : "false") << "}";
        std::cout << json.str() << "\n";
    }
    else
    {
        std::cout << std::fixed << std::setprecision (1)
                  << size.inputs << " inputs + " << size.tracks << " tracks + click + talkback (" << sources << " sources) into "
                  << size.mixes << " stereo mixes, " << size.sampleRate << " Hz, " << size.blockSize << "-frame blocks"
                  << (size.hot ? ", every mix limiting" : "") << "\n"
                  << "  " << audioSeconds << " s of audio in " << std::setprecision (3) << cpu << " s of audio-thread CPU: "
                  << std::setprecision (1) << realtimeFactor << "x real time (" << std::setprecision (2)
                  << (realtimeFactor > 0.0 ? 100.0 / realtimeFactor : 0.0) << " % of one core), "
                  << std::setprecision (1) << nsPerFrame << " ns per frame, " << player.getUnderrunCount() << " underruns\n";
    }

    return 0;
}

} // namespace foldback
