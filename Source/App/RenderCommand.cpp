#include "App/CommandLineArguments.h"
#include "App/Commands.h"
#include "Control/OfflineRenderer.h"
#include "App/SessionLoading.h"
#include "Audio/FloatWavFileWriter.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace foldback
{

namespace
{
    /** Writes each mix to DIR/<mix id>.wav as it is rendered. */
    class WavDirectorySink : public RenderSink
    {
    public:
        explicit WavDirectorySink (std::string directoryPath) : directory (std::move (directoryPath)) {}

        void begin (const Session& session, std::int64_t) override
        {
            for (const auto& mix : session.mixes)
                writers.push_back (std::make_unique<FloatWavFileWriter> (
                    (std::filesystem::path (directory) / (mix.id + ".wav")).string(),
                    session.audio.sampleRate, static_cast<int> (mix.outputs.size())));
        }

        void write (std::size_t mixIndex, const float* const* channels, int, int numFrames) override
        {
            writers[mixIndex]->write (channels, numFrames);
        }

        void end() override
        {
            for (auto& writer : writers)
                writer->finish();
        }

    private:
        std::string directory;
        std::vector<std::unique_ptr<FloatWavFileWriter>> writers;
    };
}

namespace
{
    // A live input's recording for render: a long take, with room to spare. Checked
    // against the file's header before anything is allocated.
    constexpr double maxInputFileSeconds = 4.0 * 60.0 * 60.0;
}

int runRenderCommand (const std::vector<std::string>& words)
{
    const CommandLineArguments arguments (words, { "--out", "--input", "--from", "--seconds", "--block-size" }, {});
    if (arguments.positionals().size() != 1)
        throw UsageError ("render needs one SESSION.json (and --out DIR)");
    if (! arguments.has ("--out"))
        throw UsageError ("render needs --out DIR");

    RenderRequest request;
    request.fromSeconds = arguments.number ("--from", 0.0, 0.0, 24.0 * 3600.0);
    if (arguments.has ("--seconds"))
        request.seconds = arguments.number ("--seconds", 0.0, 0.001, 4.0 * 3600.0);
    request.blockSize = arguments.integer ("--block-size", 512, 1, 65536);

    for (const auto& spec : arguments.values ("--input"))
    {
        const auto equals = spec.find ('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == spec.size())
            throw UsageError ("--input must be ID=FILE.wav, got '" + spec + "'");
        const auto id = spec.substr (0, equals);
        if (request.inputs.count (id) > 0)
            throw UsageError ("--input " + id + " is given twice");
        try
        {
            request.inputs[id] = readAudioFile (spec.substr (equals + 1), maxInputFileSeconds);
        }
        catch (const std::runtime_error& e)
        {
            throw UsageError (std::string ("--input ") + id + ": " + e.what());
        }
    }

    auto loaded = loadSessionForCommand (arguments.positionals().front());
    request.session = std::move (loaded.session);
    request.sessionDirectory = loaded.directory;

    const std::string outDirectory = arguments.value ("--out");
    std::error_code error;
    std::filesystem::create_directories (outDirectory, error);
    if (error || ! std::filesystem::is_directory (outDirectory))
        throw CommandFailure (outDirectory + ": cannot create the output folder");

    WavDirectorySink sink (outDirectory);
    const auto result = renderOffline (request, sink);

    for (const auto& status : result.tracks)
        if (! status.online)
            std::cerr << "warning: track " << status.id << " is offline: " << status.message << "\n";
    if (result.underruns > 0)
        std::cerr << "warning: " << result.underruns << " underrun(s) while rendering\n";

    for (const auto& mix : request.session.mixes)
        std::cout << (std::filesystem::path (outDirectory) / (mix.id + ".wav")).string() << "\n";

    return 0;
}

} // namespace foldback
