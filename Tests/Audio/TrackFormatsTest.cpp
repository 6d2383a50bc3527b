// Backing tracks as bands bring them: files written by real encoders that nobody here
// wrote (sox, flac, lame, oggenc, opusenc, all Debian packages), decoded and compared with
// the signal that was encoded: lossless exactly, lossy by level and spectrum.

#include "Audio/AudioFileIO.h"
#include "Audio/BackingTrackFile.h"
#include "Audio/SoundFile.h"
#include "TrackTestFiles.h"

#include <sndfile.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <random>

using namespace foldback;
using namespace foldback::test;

namespace
{
    constexpr double twoPi = 6.283185307179586;

    /** "none", or where two signals first differ and by how much. */
    std::string firstDifference (const std::vector<float>& got, const std::vector<float>& wanted)
    {
        if (got.size() != wanted.size())
            return std::to_string (got.size()) + " frames, not " + std::to_string (wanted.size());
        for (std::size_t n = 0; n < got.size(); ++n)
            if (got[n] != wanted[n])
                return "frame " + std::to_string (n) + ": " + std::to_string (got[n]) + " instead of " + std::to_string (wanted[n]);
        return "none";
    }

    /** `audio` written by libsndfile in `format`: for what sox cannot write. */
    void writeWithLibsndfile (const std::string& path, int format, const AudioData& audio)
    {
        SF_INFO info {};
        info.samplerate = static_cast<int> (audio.sampleRate);
        info.channels = audio.numChannels();
        info.format = format;
        SNDFILE* file = sf_open (path.c_str(), SFM_WRITE, &info);
        REQUIRE (file != nullptr);
        std::vector<float> interleaved;
        for (std::size_t n = 0; n < audio.numFrames(); ++n)
            for (const auto& channel : audio.channels)
                interleaved.push_back (channel[n]);
        const auto frames = static_cast<sf_count_t> (audio.numFrames());
        REQUIRE (sf_writef_float (file, interleaved.data(), frames) == frames);
        sf_close (file);
    }

    std::string quoted (const std::string& path) { return "'" + path + "'"; }

    void run (const std::string& command)
    {
        INFO (command);
        REQUIRE (std::system ((command + " > /dev/null 2>&1").c_str()) == 0);
    }

    /** Samples on the grid of `bits` (or any float for 32), so a lossless file holds them exactly. */
    AudioData gridNoise (double rate, int channels, int frames, int bits, unsigned seed)
    {
        std::mt19937 rng (seed);
        std::uniform_real_distribution<double> value (-0.9, 0.9);
        const double steps = bits >= 32 ? 0.0 : std::ldexp (1.0, bits - 1);
        AudioData audio;
        audio.sampleRate = rate;
        audio.channels.assign (static_cast<std::size_t> (channels), std::vector<float> (static_cast<std::size_t> (frames)));
        for (auto& channel : audio.channels)
            for (auto& x : channel)
                x = static_cast<float> (steps > 0.0 ? std::round (value (rng) * steps) / steps : value (rng));
        return audio;
    }

    /** Channel c is a sine of `frequencies[c]` at amplitude 0.5 (-6 dBFS). */
    AudioData tones (double rate, const std::vector<double>& frequencies, int frames)
    {
        AudioData audio;
        audio.sampleRate = rate;
        for (const double f : frequencies)
        {
            std::vector<float> channel (static_cast<std::size_t> (frames));
            for (int n = 0; n < frames; ++n)
                channel[static_cast<std::size_t> (n)] = static_cast<float> (0.5 * std::sin (twoPi * f * n / rate));
            audio.channels.push_back (std::move (channel));
        }
        return audio;
    }

    struct ToneFit
    {
        double amplitude = 0.0;  ///< of the best-fitting sine at the frequency
        double residualDb = 0.0; ///< everything else, relative to the signal
    };

    /** Least-squares fit of a sine and cosine at `frequency` over [from, to). */
    ToneFit fitTone (const std::vector<float>& x, double rate, double frequency, std::size_t from, std::size_t to)
    {
        double ss = 0, cc = 0, sc = 0, xs = 0, xc = 0;
        for (std::size_t n = from; n < to; ++n)
        {
            const double s = std::sin (twoPi * frequency * static_cast<double> (n) / rate);
            const double c = std::cos (twoPi * frequency * static_cast<double> (n) / rate);
            ss += s * s; cc += c * c; sc += s * c; xs += x[n] * s; xc += x[n] * c;
        }
        const double det = ss * cc - sc * sc;
        const double a = (xs * cc - xc * sc) / det, b = (xc * ss - xs * sc) / det;

        double signal = 0, residual = 0;
        for (std::size_t n = from; n < to; ++n)
        {
            const double model = a * std::sin (twoPi * frequency * static_cast<double> (n) / rate)
                                 + b * std::cos (twoPi * frequency * static_cast<double> (n) / rate);
            signal += model * model;
            residual += (x[n] - model) * (x[n] - model);
        }
        return { std::hypot (a, b), 10.0 * std::log10 (std::max (residual, 1e-30) / std::max (signal, 1e-30)) };
    }

    std::int64_t sessionFramesFor (std::int64_t fileFrames, double fileRate, double sessionRate)
    {
        return static_cast<std::int64_t> (std::llround (static_cast<double> (fileFrames) * sessionRate / fileRate));
    }


}

TEST_CASE ("Lossless files from sox and flac decode to exactly the samples that were encoded", "[tracks][formats]")
{
    TemporaryFolder folder;

    struct Case
    {
        std::string name, container;
        double rate;
        int channels, bits;
        std::string encode; // {in} and {out} are replaced
        std::string described;
    };
    const std::vector<Case> cases {
        { "pcm16.wav", "WAV", 44100, 2, 16, "sox {in} -b 16 -D {out}", "WAV (16-bit PCM), 44100 Hz, stereo, 0:00.5" },
        { "pcm24.wav", "WAV (extensible)", 96000, 1, 24, "sox {in} -b 24 -D {out}", "WAV (extensible, 24-bit PCM), 96000 Hz, mono, 0:00.5" },
        // sox works in 32-bit integers inside: float samples on the 24-bit grid pass exactly.
        { "float.wav", "WAV", 48000, 2, 24, "sox {in} -e floating-point -b 32 {out}", "WAV (32-bit float), 48000 Hz, stereo, 0:00.5" },
        { "pcm24.w64", "W64", 48000, 2, 24, "sox {in} -t w64 -b 24 -D {out}", "W64 (24-bit PCM), 48000 Hz, stereo, 0:00.5" },
        { "pcm16.aiff", "AIFF", 44100, 1, 16, "sox {in} -b 16 -D {out}", "AIFF (16-bit PCM), 44100 Hz, mono, 0:00.5" },
        { "float.aifc", "AIFF-C", 96000, 2, 24, "sox {in} -t aifc -e floating-point -b 32 {out}", "AIFF-C (32-bit float), 96000 Hz, stereo, 0:00.5" },
        { "pcm16.au", "Sun AU", 48000, 2, 16, "sox {in} -b 16 -D {out}", "Sun AU (16-bit PCM), 48000 Hz, stereo, 0:00.5" },
        { "pcm16.flac", "FLAC", 44100, 2, 16, "sox {in} -b 16 -D {out}.wav && flac -s -f {out}.wav -o {out}", "FLAC (16-bit PCM), 44100 Hz, stereo, 0:00.5" },
        { "pcm24.flac", "FLAC", 96000, 1, 24, "sox {in} -b 24 -D {out}.wav && flac -s -f {out}.wav -o {out}", "FLAC (24-bit PCM), 96000 Hz, mono, 0:00.5" },
    };

    unsigned seed = 1;
    for (const auto& c : cases)
    {
        INFO (c.name);
        const int frames = static_cast<int> (c.rate / 2);
        const auto reference = gridNoise (c.rate, c.channels, frames, c.bits, seed++);
        const auto in = folder.path (c.name + ".reference.wav");
        const auto out = folder.path (c.name);
        writeFloatWav (in, reference);

        auto command = c.encode;
        for (const auto& [key, value] : { std::pair<std::string, std::string> { "{in}", quoted (in) }, { "{out}", quoted (out) } })
            for (auto at = command.find (key); at != std::string::npos; at = command.find (key))
                command.replace (at, key.size(), value);
        // "{out}.wav" became "'path'.wav": a quoted path followed by an extension is still one word.
        run (command);

        std::string error;
        const auto file = SoundFile::open (out, error);
        REQUIRE (file != nullptr);
        CHECK (file->getContainerName() == c.container);
        CHECK (file->getSampleRate() == c.rate);
        CHECK (file->getNumChannels() == c.channels);
        CHECK (file->isLossless());
        CHECK (file->seeksExactly());
        REQUIRE (file->getNumFrames() == frames);

        // Read from the middle first, then from the start: any frame reads exactly.
        AudioData decoded;
        decoded.channels.assign (static_cast<std::size_t> (c.channels), std::vector<float> (static_cast<std::size_t> (frames)));
        std::vector<float*> pointers;
        for (auto& channel : decoded.channels)
            pointers.push_back (channel.data());
        std::vector<float*> second;
        for (auto* p : pointers)
            second.push_back (p + frames / 3);
        REQUIRE (file->read (frames / 3, frames - frames / 3, second.data(), c.channels));
        REQUIRE (file->read (0, frames / 3, pointers.data(), c.channels));

        for (int ch = 0; ch < c.channels; ++ch)
            REQUIRE (firstDifference (decoded.channels[static_cast<std::size_t> (ch)], reference.channels[static_cast<std::size_t> (ch)]) == "none");

        // And as a backing track in a 48 kHz session: at 48 kHz it streams as it is; at
        // another rate a converted copy streams, one second of file to one of session.
        BackingTrackFile track (out, playingAt (48000.0, { folder.path ("cache") }));
        INFO (track.getMessage());
        REQUIRE (track.isOnline());
        CHECK (track.isConverted() == (c.rate != 48000.0));
        CHECK (track.getSessionLength() == sessionFramesFor (frames, c.rate, 48000.0));
        CHECK (track.getInfo().description == c.described);
    }
}

TEST_CASE ("A-law and u-law AU and AIFF-C decode within their companding step", "[tracks][formats]")
{
    TemporaryFolder folder;
    const auto reference = tones (48000.0, { 1000.0 }, 24000);
    const auto in = folder.path ("tone.wav");
    writeFloatWav (in, reference);

    // u-law and a-law quantise to 8 bits of a logarithmic scale: at -6 dBFS one step is
    // about 1/64 of the value, so the error stays under 2 % of full scale.
    for (const auto& [name, args] : std::vector<std::pair<std::string, std::string>> {
             { "ulaw.au", "-e u-law" }, { "alaw.au", "-e a-law" } })
    {
        INFO (name);
        const auto out = folder.path (name);
        run ("sox " + quoted (in) + " " + args + " " + quoted (out));
        const auto decoded = readAudioFile (out, 10.0);
        REQUIRE (decoded.numFrames() == 24000);
        for (std::size_t n = 0; n < decoded.numFrames(); ++n)
            REQUIRE (std::abs (decoded.channels[0][n] - reference.channels[0][n]) < 0.02f);
    }

    // sox cannot write an AIFF-C in a-law; libsndfile, a second writer, can.
    const auto aifc = folder.path ("alaw.aifc");
    writeWithLibsndfile (aifc, SF_FORMAT_AIFF | SF_FORMAT_ALAW, reference);
    std::string error;
    const auto file = SoundFile::open (aifc, error);
    REQUIRE (file != nullptr);
    CHECK (file->getContainerName() == "AIFF-C");
    CHECK (file->getEncodingName() == "a-law");
    const auto decoded = readAudioFile (aifc, 10.0);
    for (std::size_t n = 0; n < decoded.numFrames(); ++n)
        REQUIRE (std::abs (decoded.channels[0][n] - reference.channels[0][n]) < 0.02f);
}

TEST_CASE ("MP3, Ogg Vorbis and Opus files from lame, oggenc and opusenc play their tones at their level", "[tracks][formats]")
{
    TemporaryFolder folder;

    struct Case
    {
        std::string name, encoder;
        double rate, decodedRate;
        std::vector<double> frequencies; // one per channel, so a swapped channel shows
        double worstResidualDb;          // what the encoder may add, relative to the tone
    };
    const std::vector<Case> cases {
        { "stereo.mp3", "lame --quiet --cbr -b 192 {in} {out}", 44100, 44100, { 1000.0, 2500.0 }, -30.0 },
        // (LAME's 128 kb/s CBR for mono plays this tone 0.44 dB quiet, by its own decoder too: VBR is true.)
        { "mono.mp3", "lame --quiet -V 2 {in} {out}", 48000, 48000, { 440.0 }, -30.0 },
        { "stereo.ogg", "oggenc -Q -q 6 {in} -o {out}", 44100, 44100, { 1000.0, 2500.0 }, -30.0 },
        { "mono.ogg", "oggenc -Q -q 4 {in} -o {out}", 96000, 96000, { 440.0 }, -30.0 },
        { "stereo.opus", "opusenc --quiet --bitrate 160 {in} {out}", 48000, 48000, { 1000.0, 2500.0 }, -30.0 },
        // Opus always decodes at 48 kHz: opusenc converts a 44.1 kHz input itself.
        { "mono.opus", "opusenc --quiet --bitrate 96 {in} {out}", 44100, 48000, { 440.0 }, -30.0 },
    };

    for (const auto& c : cases)
    {
        INFO (c.name);
        const int seconds = 2;
        const auto reference = tones (c.rate, c.frequencies, static_cast<int> (c.rate) * seconds);
        const auto in = folder.path (c.name + ".reference.wav");
        const auto out = folder.path (c.name);
        // 16-bit input, as these encoders are usually fed.
        writeFloatWav (in + ".float.wav", reference);
        run ("sox " + quoted (in + ".float.wav") + " -b 16 " + quoted (in));

        auto command = c.encoder;
        command.replace (command.find ("{in}"), 4, quoted (in));
        command.replace (command.find ("{out}"), 5, quoted (out));
        run (command);

        std::string error;
        const auto file = SoundFile::open (out, error);
        REQUIRE (file != nullptr);
        CHECK_FALSE (file->isLossless());
        CHECK_FALSE (file->seeksExactly());
        CHECK (file->getSampleRate() == c.decodedRate);
        CHECK (file->getNumChannels() == static_cast<int> (c.frequencies.size()));
        // Gapless: the decoders drop the encoders' padding (LAME's tag, Ogg's granule
        // positions, Opus's pre-skip), so the length is the input's.
        CHECK (std::abs (file->getNumFrames() - static_cast<std::int64_t> (c.decodedRate) * seconds) <= 1);

        const auto decoded = readAudioFile (out, 10.0);
        const auto length = decoded.numFrames();
        for (std::size_t ch = 0; ch < c.frequencies.size(); ++ch)
        {
            const auto fit = fitTone (decoded.channels[ch], c.decodedRate, c.frequencies[ch], length / 8, length - length / 8);
            WARN (c.name << " channel " << ch << ": level " << 20.0 * std::log10 (fit.amplitude / 0.5) << " dB, everything but the tone "
                         << fit.residualDb << " dB");
            CHECK (20.0 * std::log10 (fit.amplitude / 0.5) == Approx (0.0).margin (0.3));
            CHECK (fit.residualDb < c.worstResidualDb);
        }

        // As a backing track, a converted copy at the session's rate streams: no decoding
        // while playing, and exact reads from any frame.
        BackingTrackFile track (out, playingAt (48000.0, { folder.path ("cache") }));
        INFO (track.getMessage());
        REQUIRE (track.isOnline());
        CHECK (track.isConverted());
        CHECK (track.getSessionLength() == sessionFramesFor (file->getNumFrames(), c.decodedRate, 48000.0));
    }
}

TEST_CASE ("An RF64 file, the WAV for over 4 GB, plays", "[tracks][formats]")
{
    TemporaryFolder folder;
    const auto path = folder.path ("big.wav");
    const auto reference = gridNoise (48000.0, 2, 48000, 32, 9);
    // Written as RF64 whatever its size; sox cannot write RF64.
    writeWithLibsndfile (path, SF_FORMAT_RF64 | SF_FORMAT_FLOAT, reference);

    BackingTrackFile track (path, playingAt (48000.0, { folder.path ("cache") }));
    INFO (track.getMessage());
    REQUIRE (track.isOnline());
    CHECK_FALSE (track.isConverted());
    CHECK (track.getInfo().description.rfind ("RF64 (32-bit float), 48000 Hz, stereo", 0) == 0);
    std::vector<std::vector<float>> out (2, std::vector<float> (48000));
    float* channels[] = { out[0].data(), out[1].data() };
    REQUIRE (track.readSessionFrames (0, 48000, channels));
    CHECK (firstDifference (out[0], reference.channels[0]) == "none");
    CHECK (firstDifference (out[1], reference.channels[1]) == "none");
}
