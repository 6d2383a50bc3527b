#pragma once

#include "Session/RegularFile.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct sf_private_tag;

namespace foldback
{

/** An audio file opened for reading through libsndfile: WAV (and WAVE_FORMAT_EXTENSIBLE),
    RF64 and W64 for files over 4 GB, AIFF and AIFF-C (including a-law and u-law), Sun AU,
    CAF, FLAC, Ogg Vorbis, Opus and MP3, whatever the file's extension says.

    The file is opened by us (openRegularFileForReading): never a FIFO or device, and a
    failed open is a reason rather than a null handle. A header that promises more audio
    than the file holds (cut short, or a lie) is caught at open, never read as silence and
    never allocated for.

    Frames are read as 32-bit float at the file's own rate, scaled to [-1, 1): 16-bit PCM
    sample s reads as s / 32768, exactly as every other reader does.

    One thread at a time, never the audio thread. */
inline constexpr const char* supportedFormatsText = "WAV, RF64, W64, AIFF, AIFF-C, Sun AU, CAF, FLAC, Ogg Vorbis, Opus, MP3";

/** The extensions of the formats SoundFile reads, lower case, without the dot: what the
    console offers in its file dialog and accepts by drag and drop. */
const std::vector<std::string>& audioFileExtensions();

class SoundFile
{
public:
    /** The file, or nullptr with `error` set to a reason without the path. */
    static std::unique_ptr<SoundFile> open (const std::string& path, std::string& error);

    ~SoundFile();
    SoundFile (const SoundFile&) = delete;
    SoundFile& operator= (const SoundFile&) = delete;

    double getSampleRate() const noexcept          { return sampleRate; }
    int getNumChannels() const noexcept            { return numChannels; }
    std::int64_t getNumFrames() const noexcept     { return numFrames; }

    /** What the header claims, where libsndfile says it claims more than the file holds
        (a truncated file or a false header); else getNumFrames(). */
    std::int64_t getPromisedFrames() const noexcept { return promisedFrames; }

    /** "WAV", "RF64", "AIFF-C", "FLAC", "Ogg", "MP3", ... and "16-bit PCM", "32-bit float",
        "a-law", "Vorbis", "Opus", "MPEG Layer III", ... */
    const std::string& getContainerName() const noexcept { return containerName; }
    const std::string& getEncodingName() const noexcept  { return encodingName; }

    /** "MP3 (MPEG Layer III), 44100 Hz, stereo, 3:02.5": what a person wants to know. */
    std::string describe() const;

    /** Whether reads at any frame give exactly the samples a read from the start would:
        uncompressed audio (PCM, float, a-law, u-law) and FLAC. Lossy encodings (MP3,
        Vorbis, Opus) and ADPCM are decoded from the start instead (a cache does that once). */
    bool seeksExactly() const noexcept { return exactSeek; }
    bool isLossless() const noexcept   { return lossless; }

    /** Reads file frames [start, start + numFrames) into `channels[0..numDestChannels)`,
        deinterleaving the first numDestChannels of the file's channels (a destination
        beyond the file's channels gets its last channel); silence outside the file.
        False on a read error or a short read inside the file. Allocates only the first
        time a read is larger than any before. */
    bool read (std::int64_t start, int numFrames, float* const* channels, int numDestChannels);

    /** Puts the decoder back at frame 0, for readNext(). */
    bool rewind();

    /** Reads the next numFrames frames from where the last read ended, without seeking:
        what a decoder from the start wants. Returns the frames read (fewer at the end). */
    int readNext (int numFrames, float* const* channels, int numDestChannels);

    /** Whether the file now differs from when it was opened (size, modification time, or
        another file at its path). Two system calls. */
    bool hasChangedSinceOpen() const;
    const FileIdentity& getIdentityAtOpen() const noexcept { return identity; }

private:
    SoundFile (std::string path, OpenedRegularFile opened);
    std::string openDecoder();
    int readInterleaved (int numFrames, float* const* channels, int numDestChannels, int destOffset);

    const std::string path;
    ScopedFileDescriptor fd;
    const FileIdentity identity;
    sf_private_tag* handle = nullptr;

    double sampleRate = 0.0;
    int numChannels = 0;
    std::int64_t numFrames = 0, promisedFrames = 0;
    std::int64_t position = 0;   // the decoder's frame position
    std::string containerName, encodingName;
    bool exactSeek = false, lossless = false;
    bool rawFloat = false;       // little-endian float data, read without conversion
    std::vector<float> interleaved;
};

} // namespace foldback
