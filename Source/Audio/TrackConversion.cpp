#include "TrackConversion.h"

#include "SoundFile.h"

#include <sndfile.h>
#include <soxr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

namespace foldback
{

namespace
{
    constexpr int chunkFrames = 65536;

    struct SoxrDeleter { void operator() (soxr* s) const noexcept { soxr_delete (s); } };
    struct SndfileDeleter { void operator() (SNDFILE* f) const noexcept { sf_close (f); } };

    /** A temporary name beside `path` that no other conversion (thread or process) uses. */
    std::string temporaryNameFor (const std::string& path)
    {
        static std::atomic<unsigned> counter { 0 };
        return path + ".tmp-" + std::to_string (::getpid()) + "-" + std::to_string (counter.fetch_add (1));
    }

    /** The output file, written through libsndfile on a descriptor we own, so it can be
        synced before the rename that publishes it. */
    class OutputFile
    {
    public:
        OutputFile (const std::string& finalPath, double rate, int channels)
            : target (finalPath), temporary (temporaryNameFor (finalPath))
        {
            fd = ::open (temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd < 0)
            {
                error = "cannot write the converted file " + temporary + ": " + std::strerror (errno);
                return;
            }

            SF_INFO info {};
            info.samplerate = static_cast<int> (std::lround (rate));
            info.channels = channels;
            info.format = SF_FORMAT_RF64 | SF_FORMAT_FLOAT;
            file.reset (sf_open_fd (fd, SFM_WRITE, &info, SF_FALSE));
            if (file == nullptr)
            {
                error = std::string ("cannot write the converted file: ") + sf_strerror (nullptr);
                return;
            }

            // A plain WAV while it fits in one; RF64 only past 4 GB.
            sf_command (file.get(), SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
        }

        ~OutputFile()
        {
            file.reset();
            if (fd >= 0)
                ::close (fd);
            if (! published)
                ::unlink (temporary.c_str());
        }

        bool write (const float* interleaved, int frames)
        {
            if (sf_writef_float (file.get(), interleaved, frames) == frames)
                return true;
            error = std::string ("writing the converted file failed: ") + sf_strerror (file.get());
            return false;
        }

        bool publish()
        {
            file.reset(); // writes the final header
            if (::fsync (fd) != 0 || ::close (fd) != 0)
            {
                fd = -1;
                error = std::string ("writing the converted file failed: ") + std::strerror (errno);
                return false;
            }
            fd = -1;
            if (std::rename (temporary.c_str(), target.c_str()) != 0)
            {
                error = "cannot put the converted file in place at " + target + ": " + std::strerror (errno);
                return false;
            }
            published = true;
            return true;
        }

        std::string error;

    private:
        const std::string target, temporary;
        int fd = -1;
        std::unique_ptr<SNDFILE, SndfileDeleter> file;
        bool published = false;
    };

    void interleave (const std::array<std::vector<float>, 2>& planar, int channels, std::size_t frames, std::vector<float>& out)
    {
        out.resize (frames * static_cast<std::size_t> (channels));
        for (std::size_t i = 0; i < frames; ++i)
            for (int c = 0; c < channels; ++c)
                out[i * static_cast<std::size_t> (channels) + static_cast<std::size_t> (c)] = planar[static_cast<std::size_t> (c)][i];
    }
}

std::vector<float> resampleWhole (const std::vector<float>& input, double fromRate, double toRate)
{
    if (fromRate == toRate || input.empty())
        return input;

    const auto outputFrames = static_cast<std::size_t> (std::llround (static_cast<double> (input.size()) * toRate / fromRate));
    std::vector<float> output (outputFrames, 0.0f);
    const soxr_io_spec_t io = soxr_io_spec (SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    const soxr_quality_spec_t quality = soxr_quality_spec (SOXR_VHQ | SOXR_LINEAR_PHASE, 0);
    std::size_t produced = 0;
    if (soxr_oneshot (fromRate, toRate, 1, input.data(), input.size(), nullptr, output.data(), output.size(), &produced,
                      &io, &quality, nullptr) != nullptr)
        return {};
    output.resize (produced);
    return output;
}

std::string convertToSessionRate (SoundFile& source, const std::string& outputPath, double sessionRate,
                                  const std::function<void (double)>& progress, const std::function<bool()>& shouldCancel)
{
    const int channels = std::min (2, source.getNumChannels());
    const double sourceRate = source.getSampleRate();
    if (channels < 1 || ! (sourceRate > 0.0) || ! (sessionRate > 0.0))
        return "nothing to convert";

    std::unique_ptr<soxr, SoxrDeleter> resampler;
    if (sourceRate != sessionRate)
    {
        // Very high quality (28-bit precision, -170 dB stop band), linear phase: the output
        // is delay-compensated, so the timeline stays where the file put it.
        const soxr_io_spec_t io = soxr_io_spec (SOXR_FLOAT32_S, SOXR_FLOAT32_S);
        const soxr_quality_spec_t quality = soxr_quality_spec (SOXR_VHQ | SOXR_LINEAR_PHASE, 0);
        const soxr_runtime_spec_t runtime = soxr_runtime_spec (1);
        soxr_error_t error = nullptr;
        resampler.reset (soxr_create (sourceRate, sessionRate, static_cast<unsigned> (channels), &error, &io, &quality, &runtime));
        if (resampler == nullptr || error != nullptr)
            return std::string ("the resampler could not be set up: ") + (error != nullptr ? error : "unknown error");
    }

    if (! source.rewind())
        return "the audio data cannot be decoded from its start";

    OutputFile output (outputPath, sessionRate, channels);
    if (! output.error.empty())
        return output.error;

    const double ratio = sessionRate / sourceRate;
    const auto outputChunk = static_cast<std::size_t> (std::ceil (chunkFrames * ratio)) + 64;
    std::array<std::vector<float>, 2> in, out;
    for (int c = 0; c < channels; ++c)
    {
        in[static_cast<std::size_t> (c)].assign (chunkFrames, 0.0f);
        out[static_cast<std::size_t> (c)].assign (outputChunk, 0.0f);
    }
    std::array<float*, 2> inPointers { in[0].data(), channels > 1 ? in[1].data() : nullptr };
    std::array<const float*, 2> inConst { inPointers[0], inPointers[1] };
    std::array<float*, 2> outPointers { out[0].data(), channels > 1 ? out[1].data() : nullptr };
    std::vector<float> interleaved;

    const auto total = std::max<std::int64_t> (1, source.getNumFrames());
    std::int64_t decoded = 0;

    // Passes the converter's output for `frames` input frames (none: the end) to the file.
    auto drain = [&] (const float* const* input, std::size_t frames) -> bool
    {
        std::size_t offset = 0;
        for (;;)
        {
            std::size_t used = 0, produced = 0;
            std::array<const float*, 2> at { input != nullptr ? input[0] + offset : nullptr,
                                             input != nullptr && channels > 1 ? input[1] + offset : nullptr };
            const soxr_error_t error = soxr_process (resampler.get(), input != nullptr ? at.data() : nullptr, frames - offset, &used,
                                                     outPointers.data(), outputChunk, &produced);
            if (error != nullptr)
            {
                output.error = std::string ("resampling failed: ") + error;
                return false;
            }
            offset += used;
            if (produced > 0)
            {
                interleave (out, channels, produced, interleaved);
                if (! output.write (interleaved.data(), static_cast<int> (produced)))
                    return false;
            }
            if (input != nullptr ? offset >= frames && produced < outputChunk : produced == 0)
                return true;
        }
    };

    for (;;)
    {
        if (shouldCancel && shouldCancel())
            return "cancelled";

        const int got = source.readNext (chunkFrames, inPointers.data(), channels);
        if (got <= 0)
            break;
        decoded += got;

        if (resampler != nullptr)
        {
            if (! drain (inConst.data(), static_cast<std::size_t> (got)))
                return output.error;
        }
        else
        {
            interleave (in, channels, static_cast<std::size_t> (got), interleaved);
            if (! output.write (interleaved.data(), got))
                return output.error;
        }

        if (progress)
            progress (std::min (1.0, static_cast<double> (decoded) / static_cast<double> (total)));
    }

    if (decoded < source.getNumFrames())
        return "the audio data cannot be decoded past frame " + std::to_string (decoded) + " of "
               + std::to_string (source.getNumFrames()) + " (corrupt or truncated)";
    if (decoded == 0)
        return "contains no audio";

    if (resampler != nullptr && ! drain (nullptr, 0))
        return output.error;

    if (! output.publish())
        return output.error;

    if (progress)
        progress (1.0);
    return {};
}

} // namespace foldback
