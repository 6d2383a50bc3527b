#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "Control/RequestErrors.h"
#include "Control/SessionPlayer.h"
#include "Audio/AudioFileIO.h"
#include "Session/SessionQueries.h"

#include <algorithm>
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
    double cpuSeconds (clockid_t clock)
    {
        timespec t {};
        clock_gettime (clock, &t);
        return static_cast<double> (t.tv_sec) + static_cast<double> (t.tv_nsec) * 1.0e-9;
    }

    double threadCpuSeconds()  { return cpuSeconds (CLOCK_THREAD_CPUTIME_ID); }

    /** Every thread of the process: the audio thread, the disk thread, conversions. */
    double processCpuSeconds() { return cpuSeconds (CLOCK_PROCESS_CPUTIME_ID); }

    double medianOf (std::vector<double> values)
    {
        if (values.empty())
            return 0.0;
        std::sort (values.begin(), values.end());
        const auto middle = values.size() / 2;
        return values.size() % 2 == 1 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
    }

    // Each track is a loop twice as long as a track's ring, so the disk thread reads every
    // block again on every pass: the tracks really stream, as a song does.
    constexpr double trackLoopSeconds = 8.0;

    struct BenchSize
    {
        int inputs = 64;
        int tracks = 16;
        int mixes = 16;
        int blockSize = 32;
        double sampleRate = 48000.0;
        double trackRate = 48000.0;  ///< the tracks' files; converted once when not the session's
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
            audio.channels.assign (2, std::vector<float> (static_cast<std::size_t> (rate * trackLoopSeconds)));
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
        session.transport.loopEndSeconds = trackLoopSeconds;
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
                mix.sends[id] = SendSettings { gain (rng), pan (rng), false };
            session.mixes.push_back (mix);
        }
        return session;
    }
}

int runBenchCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words, { "--sources", "--tracks", "--mixes", "--block-size", "--seconds", "--sample-rate", "--track-rate" }, { "--json", "--hot" });
    if (! arguments.positionals().empty())
        throw UsageError ("bench takes no session: it builds the reference load itself");

    BenchSize size;
    size.inputs = arguments.integer ("--sources", size.inputs, 0, 256);
    size.tracks = arguments.integer ("--tracks", size.tracks, 0, 64);
    size.mixes = arguments.integer ("--mixes", size.mixes, 1, 64);
    size.blockSize = arguments.integer ("--block-size", size.blockSize, 1, 8192);
    size.seconds = arguments.number ("--seconds", size.seconds, 0.1, 3600.0);
    size.sampleRate = arguments.number ("--sample-rate", size.sampleRate, 8000.0, 384000.0);
    size.trackRate = arguments.number ("--track-rate", size.sampleRate, 8000.0, 384000.0);
    size.hot = arguments.has ("--hot");

    const auto folder = std::filesystem::temp_directory_path() / ("foldback-bench-" + std::to_string (::getpid()));
    std::filesystem::create_directories (folder);
    struct Cleanup { std::filesystem::path p; ~Cleanup() { std::error_code e; std::filesystem::remove_all (p, e); } } cleanup { folder };

    const auto session = makeBenchSession (size, writeTrackFiles (folder, size.tracks, size.trackRate));

    Engine engine;
    engine.prepare (size.sampleRate);
    SessionPlayer player (engine);

    // Opening the tracks converts those at another rate, once: counted apart, as the
    // import it is, not as a cost of playing.
    const double importCpuStart = processCpuSeconds();
    const auto importWallStart = std::chrono::steady_clock::now();
    player.setSession (session, folder.string());
    const double importCpu = processCpuSeconds() - importCpuStart;
    const double importWall = std::chrono::duration<double> (std::chrono::steady_clock::now() - importWallStart).count();
    int converted = 0, offline = 0;
    for (const auto& status : player.getTrackStatuses())
    {
        converted += status.online && status.info.isConverted() ? 1 : 0;
        offline += status.online ? 0 : 1;
    }
    if (offline > 0)
        throw CommandFailure ("bench: " + std::to_string (offline) + " track(s) would not open: " + player.getTrackStatuses().front().message);

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

    // The run is cut into passes (about two seconds of audio each, at least one), and the
    // figure reported is the median pass: on a shared or virtual machine another tenant's
    // burst of work can slow a whole second down, and the median is what the engine does
    // when it has its core. The mean over the whole run and the slowest and fastest passes
    // are printed beside it.
    const int passes = static_cast<int> (std::clamp<long> (std::lround (size.seconds / 2.0), 1L, 100L));
    std::vector<double> passCpu (static_cast<std::size_t> (passes), 0.0);
    std::vector<double> passProcessCpu (static_cast<std::size_t> (passes), 0.0);
    std::vector<long> passBlocks (static_cast<std::size_t> (passes), 0);

    // The CPU clock is read around groups of blocks, not every block: reading it is a system
    // call, and at 32 frames one per block would bill the engine for a tenth of its own cost
    // and disturb the caches and branch predictors it is measured with. The disk thread
    // gets a group's frames ready before the group, outside the timed region.
    constexpr long blocksPerGroup = 64;
    const auto wallStart = std::chrono::steady_clock::now();

    for (int pass = 0; pass < passes; ++pass)
    {
        const double passProcessStart = processCpuSeconds();
        const long passEnd = blocks * (pass + 1) / passes;
        for (long first = blocks * pass / passes; first < passEnd; first += blocksPerGroup)
        {
            const long count = std::min (blocksPerGroup, passEnd - first);
            player.waitForStreams (static_cast<int> (count) * size.blockSize);
            const double start = threadCpuSeconds();
            for (long b = 0; b < count; ++b)
                engine.processBlock (in.data(), numInputs, out.data(), numOutputs, size.blockSize);
            passCpu[static_cast<std::size_t> (pass)] += threadCpuSeconds() - start;
            passBlocks[static_cast<std::size_t> (pass)] += count;
            player.reclaim();
        }
        passProcessCpu[static_cast<std::size_t> (pass)] = processCpuSeconds() - passProcessStart;
    }

    const double wall = std::chrono::duration<double> (std::chrono::steady_clock::now() - wallStart).count();
    const double secondsPerBlock = size.blockSize / size.sampleRate;
    const double audioSeconds = static_cast<double> (blocks) * secondsPerBlock;
    double cpu = 0.0;
    std::vector<double> passFactors;
    for (int pass = 0; pass < passes; ++pass)
    {
        const double passSeconds = passCpu[static_cast<std::size_t> (pass)];
        cpu += passSeconds;
        if (passSeconds > 0.0)
            passFactors.push_back (static_cast<double> (passBlocks[static_cast<std::size_t> (pass)]) * secondsPerBlock / passSeconds);
    }
    std::sort (passFactors.begin(), passFactors.end());
    const double medianFactor = medianOf (passFactors);

    // Every thread: the same passes, billed with all the CPU the process spent in them.
    std::vector<double> allThreadFactors;
    double allThreadsCpu = 0.0;
    for (int pass = 0; pass < passes; ++pass)
    {
        const double passSeconds = passProcessCpu[static_cast<std::size_t> (pass)];
        allThreadsCpu += passSeconds;
        if (passSeconds > 0.0)
            allThreadFactors.push_back (static_cast<double> (passBlocks[static_cast<std::size_t> (pass)]) * secondsPerBlock / passSeconds);
    }
    const double allThreadsFactor = medianOf (allThreadFactors);
    const double slowestPass = passFactors.empty() ? 0.0 : passFactors.front();
    const double fastestPass = passFactors.empty() ? 0.0 : passFactors.back();
    const double meanFactor = cpu > 0.0 ? audioSeconds / cpu : 0.0;
    const double realtimeFactor = medianFactor;
    const double nsPerFrame = realtimeFactor > 0.0 ? 1.0e9 / (realtimeFactor * size.sampleRate) : 0.0;
    const int sources = size.inputs + size.tracks + 2; // + click + talkback, as the design counts them

    if (arguments.has ("--json"))
    {
        std::ostringstream json;
        json << std::setprecision (6)
             << "{\"realtime_factor\": " << realtimeFactor
             << ", \"realtime_factor_mean\": " << meanFactor
             << ", \"realtime_factor_slowest_pass\": " << slowestPass
             << ", \"realtime_factor_fastest_pass\": " << fastestPass
             << ", \"passes\": " << passes
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
             << ", \"realtime_factor_all_threads\": " << allThreadsFactor
             << ", \"all_threads_cpu_seconds\": " << allThreadsCpu
             << ", \"track_rate\": " << size.trackRate
             << ", \"tracks_converted\": " << converted
             << ", \"import_cpu_seconds\": " << importCpu
             << ", \"import_wall_seconds\": " << importWall
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
                  << "  " << audioSeconds << " s of audio in " << std::setprecision (3) << cpu << " s of audio-thread CPU, "
                  << passes << " passes\n"
                  << "  median pass " << std::setprecision (1) << realtimeFactor << "x real time (" << std::setprecision (2)
                  << (realtimeFactor > 0.0 ? 100.0 / realtimeFactor : 0.0) << " % of one core, " << std::setprecision (1)
                  << nsPerFrame << " ns per frame); passes " << slowestPass << "x to " << fastestPass << "x; whole run "
                  << meanFactor << "x; " << player.getUnderrunCount() << " underruns\n"
                  << "  every thread (audio, disk, conversion): median pass " << allThreadsFactor << "x real time ("
                  << std::setprecision (2) << (allThreadsFactor > 0.0 ? 100.0 / allThreadsFactor : 0.0) << " % of one core)\n"
                  << "  tracks' files at " << std::setprecision (0) << size.trackRate << " Hz: " << converted << " of " << size.tracks
                  << " converted once before the run, " << std::setprecision (2) << importCpu << " s of CPU (" << importWall << " s)\n";
    }

    return 0;
}

} // namespace foldback
