#include "SoundFile.h"

#include <sndfile.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

namespace foldback
{

namespace
{
    // Reads go through a bounded interleaved buffer, however large the caller's read.
    constexpr int chunkFrames = 16384;

    std::string containerNameOf (int major)
    {
        switch (major)
        {
            case SF_FORMAT_WAV:   return "WAV";
            case SF_FORMAT_WAVEX: return "WAV (extensible)";
            case SF_FORMAT_RF64:  return "RF64";
            case SF_FORMAT_W64:   return "W64";
            case SF_FORMAT_AIFF:  return "AIFF";
            case SF_FORMAT_AU:    return "Sun AU";
            case SF_FORMAT_CAF:   return "CAF";
            case SF_FORMAT_FLAC:  return "FLAC";
            case SF_FORMAT_OGG:   return "Ogg";
            case SF_FORMAT_MPEG:  return "MP3";
            default: break;
        }

        SF_FORMAT_INFO info {};
        info.format = major;
        return sf_command (nullptr, SFC_GET_FORMAT_INFO, &info, sizeof (info)) == 0 && info.name != nullptr ? info.name : "audio";
    }

    std::string encodingNameOf (int subtype)
    {
        switch (subtype)
        {
            case SF_FORMAT_PCM_S8:         return "8-bit PCM";
            case SF_FORMAT_PCM_U8:         return "8-bit unsigned PCM";
            case SF_FORMAT_PCM_16:         return "16-bit PCM";
            case SF_FORMAT_PCM_24:         return "24-bit PCM";
            case SF_FORMAT_PCM_32:         return "32-bit PCM";
            case SF_FORMAT_FLOAT:          return "32-bit float";
            case SF_FORMAT_DOUBLE:         return "64-bit float";
            case SF_FORMAT_ULAW:           return "u-law";
            case SF_FORMAT_ALAW:           return "a-law";
            case SF_FORMAT_VORBIS:         return "Vorbis";
            case SF_FORMAT_OPUS:           return "Opus";
            case SF_FORMAT_MPEG_LAYER_I:   return "MPEG Layer I";
            case SF_FORMAT_MPEG_LAYER_II:  return "MPEG Layer II";
            case SF_FORMAT_MPEG_LAYER_III: return "MPEG Layer III";
            default: break;
        }

        SF_FORMAT_INFO info {};
        info.format = subtype;
        return sf_command (nullptr, SFC_GET_FORMAT_INFO, &info, sizeof (info)) == 0 && info.name != nullptr ? info.name : "unknown encoding";
    }

    /** Bytes per sample of an encoding whose size is fixed; 0 for a compressed one. */
    int bytesPerSampleOf (int subtype)
    {
        switch (subtype)
        {
            case SF_FORMAT_PCM_S8: case SF_FORMAT_PCM_U8: case SF_FORMAT_ULAW: case SF_FORMAT_ALAW: return 1;
            case SF_FORMAT_PCM_16: return 2;
            case SF_FORMAT_PCM_24: return 3;
            case SF_FORMAT_PCM_32: case SF_FORMAT_FLOAT: return 4;
            case SF_FORMAT_DOUBLE: return 8;
            default: return 0;
        }
    }

    std::string logOf (SNDFILE* handle)
    {
        std::vector<char> log (16384, '\0');
        sf_command (handle, SFC_GET_LOG_INFO, log.data(), static_cast<int> (log.size()) - 1);
        return log.data();
    }

    /** libsndfile clamps a data chunk that claims more than the file holds to what it holds,
        and says so only in its log: "data : 529200 (should be 99956)". The claim and the
        truth, in bytes, or {0, 0}. */
    std::pair<std::int64_t, std::int64_t> claimedAndHeldDataBytes (const std::string& log)
    {
        std::istringstream lines (log);
        for (std::string line; std::getline (lines, line);)
        {
            const auto colon = line.find (':');
            if (colon == std::string::npos)
                continue;

            auto label = line.substr (0, colon);
            label.erase (label.find_last_not_of (" \t") + 1);
            label.erase (0, label.find_first_not_of (" \t"));
            if (label != "data" && label != "SSND" && label != "Data Size")
                continue;

            long long claimed = 0, held = 0;
            if (std::sscanf (line.c_str() + colon + 1, " %lld (should be %lld)", &claimed, &held) == 2 && claimed > held)
                return { claimed, held };
        }

        return { 0, 0 };
    }

    const std::vector<std::pair<std::string, std::string>>& extensionFormats()
    {
        static const std::vector<std::pair<std::string, std::string>> known {
            { "wav", "WAV" }, { "wave", "WAV" }, { "bwf", "WAV" }, { "rf64", "RF64" }, { "w64", "W64" },
            { "aif", "AIFF" }, { "aiff", "AIFF" }, { "aifc", "AIFF-C" }, { "au", "Sun AU" }, { "snd", "Sun AU" },
            { "caf", "CAF" }, { "flac", "FLAC" }, { "ogg", "Ogg" }, { "oga", "Ogg" }, { "opus", "Opus" }, { "mp3", "MP3" },
        };
        return known;
    }

    /** The format a file's extension promises, or empty for an extension no audio format uses. */
    std::string knownFormatOfExtension (const std::string& path)
    {
        const auto dot = path.find_last_of ('.');
        const auto slash = path.find_last_of ('/');
        if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
            return {};

        std::string extension = path.substr (dot + 1);
        for (auto& c : extension)
            c = static_cast<char> (std::tolower (static_cast<unsigned char> (c)));

        for (const auto& [ext, name] : extensionFormats())
            if (extension == ext)
                return name;
        return {};
    }

    std::string clockTime (double seconds)
    {
        const auto minutes = static_cast<long> (seconds / 60.0);
        char text[48];
        std::snprintf (text, sizeof (text), "%ld:%04.1f", minutes, seconds - 60.0 * static_cast<double> (minutes));
        return text;
    }
}

const std::vector<std::string>& audioFileExtensions()
{
    static const std::vector<std::string> extensions = []
    {
        std::vector<std::string> list;
        for (const auto& [ext, name] : extensionFormats())
            list.push_back (ext);
        return list;
    }();
    return extensions;
}

std::unique_ptr<SoundFile> SoundFile::open (const std::string& path, std::string& error)
{
    auto opened = openRegularFileForReading (path);
    if (! opened.error.empty())
    {
        error = opened.error;
        return nullptr;
    }

    std::unique_ptr<SoundFile> file (new SoundFile (path, std::move (opened)));
    error = file->openDecoder();
    if (! error.empty())
        return nullptr;
    return file;
}

SoundFile::SoundFile (std::string filePath, OpenedRegularFile opened)
    : path (std::move (filePath)), fd (std::move (opened.fd)), identity (opened.identity)
{
}

SoundFile::~SoundFile()
{
    if (handle != nullptr)
        sf_close (handle);
}

std::string SoundFile::openDecoder()
{
    SF_INFO info {};
    // libsndfile reads through our descriptor and leaves it to us to close.
    handle = sf_open_fd (fd.get(), SFM_READ, &info, SF_FALSE);
    if (handle == nullptr)
    {
        const auto known = knownFormatOfExtension (path);
        const std::string why = sf_strerror (nullptr);
        return known.empty() ? "not a supported audio format (" + std::string (supportedFormatsText) + "): " + why
                             : "not a readable " + known + " file (corrupt, or an encoding libsndfile cannot decode): " + why;
    }

    const int major = info.format & SF_FORMAT_TYPEMASK;
    const int subtype = info.format & SF_FORMAT_SUBMASK;

    const auto log = logOf (handle);
    containerName = containerNameOf (major);
    encodingName = encodingNameOf (subtype);
    if (major == SF_FORMAT_AIFF && log.find ("AIFC") != std::string::npos)
        containerName = "AIFF-C";

    sampleRate = static_cast<double> (info.samplerate);
    numChannels = info.channels;
    numFrames = info.frames;
    promisedFrames = numFrames;

    const int bytesPerSample = bytesPerSampleOf (subtype);
    lossless = bytesPerSample > 0 || major == SF_FORMAT_FLAC || subtype == SF_FORMAT_ALAC_16 || subtype == SF_FORMAT_ALAC_20
               || subtype == SF_FORMAT_ALAC_24 || subtype == SF_FORMAT_ALAC_32;
    exactSeek = (bytesPerSample > 0 || major == SF_FORMAT_FLAC) && info.seekable != 0;
    const bool littleEndianContainer = (major == SF_FORMAT_WAV || major == SF_FORMAT_WAVEX || major == SF_FORMAT_RF64 || major == SF_FORMAT_W64)
                                       && (info.format & SF_FORMAT_ENDMASK) != SF_ENDIAN_BIG;
    rawFloat = subtype == SF_FORMAT_FLOAT && littleEndianContainer && std::endian::native == std::endian::little && info.seekable != 0;

    if (bytesPerSample > 0 && numChannels > 0)
        if (const auto [claimed, held] = claimedAndHeldDataBytes (log); claimed > held)
            promisedFrames = std::max (numFrames, claimed / (static_cast<std::int64_t> (bytesPerSample) * numChannels));

    return {};
}

std::string SoundFile::describe() const
{
    const bool sameWord = containerName == "MP3" && encodingName == "MPEG Layer III";
    std::string text = containerName == "Ogg"      ? "Ogg " + encodingName
                       : sameWord                  ? containerName
                       : containerName.back() == ')' ? containerName.substr (0, containerName.size() - 1) + ", " + encodingName + ")"
                                                   : containerName + " (" + encodingName + ")";

    text += ", " + std::to_string (static_cast<long> (std::lround (sampleRate))) + " Hz, "
            + (numChannels == 1 ? std::string ("mono") : numChannels == 2 ? std::string ("stereo") : std::to_string (numChannels) + " channels")
            + ", " + clockTime (sampleRate > 0.0 ? static_cast<double> (numFrames) / sampleRate : 0.0);
    return text;
}

bool SoundFile::hasChangedSinceOpen() const
{
    FileIdentity now, atPath;
    return ! readFileIdentity (fd.get(), now) || now != identity || ! readPathIdentity (path, atPath)
           || atPath.device != identity.device || atPath.inode != identity.inode;
}

int SoundFile::readInterleaved (int count, float* const* channels, int numDestChannels, int destOffset)
{
    const auto needed = static_cast<std::size_t> (count) * static_cast<std::size_t> (numChannels);
    if (interleaved.size() < needed)
        interleaved.resize (needed);

    // Little-endian float on a little-endian machine is already what we want: read the
    // bytes as they are, one copy fewer than libsndfile's conversion (what plays from a
    // converted copy, and most bounces, is this).
    const auto bytesPerFrame = static_cast<sf_count_t> (numChannels) * static_cast<sf_count_t> (sizeof (float));
    const auto got = rawFloat ? static_cast<int> (sf_read_raw (handle, interleaved.data(), count * bytesPerFrame) / bytesPerFrame)
                              : static_cast<int> (sf_readf_float (handle, interleaved.data(), count));
    if (got <= 0)
        return 0;

    position += got;
    for (int c = 0; c < numDestChannels; ++c)
    {
        const int from = std::min (c, numChannels - 1);
        float* out = channels[c] + destOffset;
        const float* in = interleaved.data() + from;
        for (int i = 0; i < got; ++i)
            out[i] = in[static_cast<std::size_t> (i) * static_cast<std::size_t> (numChannels)];
    }
    return got;
}

bool SoundFile::read (std::int64_t start, int count, float* const* channels, int numDestChannels)
{
    for (int c = 0; c < numDestChannels; ++c)
        std::fill (channels[c], channels[c] + std::max (0, count), 0.0f);

    const auto first = std::max<std::int64_t> (start, 0);
    const auto last = std::min<std::int64_t> (start + count, numFrames);
    if (first >= last)
        return true;

    if (position != first)
    {
        if (sf_seek (handle, first, SEEK_SET) != first)
        {
            position = -1;
            return false;
        }
        position = first;
    }

    for (auto at = first; at < last;)
    {
        const int n = static_cast<int> (std::min<std::int64_t> (chunkFrames, last - at));
        const int got = readInterleaved (n, channels, numDestChannels, static_cast<int> (at - start));
        if (got != n)
        {
            position = -1; // where the decoder is after a failed read is not known
            return false;
        }
        at += got;
    }
    return true;
}

bool SoundFile::rewind()
{
    position = sf_seek (handle, 0, SEEK_SET) == 0 ? 0 : -1;
    return position == 0;
}

int SoundFile::readNext (int count, float* const* channels, int numDestChannels)
{
    int done = 0;
    while (done < count)
    {
        const int got = readInterleaved (std::min (chunkFrames, count - done), channels, numDestChannels, done);
        if (got <= 0)
            break;
        done += got;
    }
    return done;
}

} // namespace foldback
