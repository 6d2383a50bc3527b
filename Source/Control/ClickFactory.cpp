#include "ClickFactory.h"

#include "Audio/AudioFileIO.h"
#include "Audio/TrackConversion.h"
#include "Engine/AudioMath.h"

#include <filesystem>
#include <stdexcept>

namespace foldback
{

namespace
{
    int subdivisionsPerBeat (Subdivision subdivision)
    {
        switch (subdivision)
        {
            case Subdivision::none:       return 1;
            case Subdivision::eighths:    return 2;
            case Subdivision::triplets:   return 3;
            case Subdivision::sixteenths: return 4;
        }

        return 1;
    }

    constexpr double maxClickSoundSeconds = 2.0;

    /** A custom click sample as mono at the session's rate. Throws naming the file. */
    std::vector<float> loadCustomSample (const std::string& path, double sampleRate)
    {
        // The limit is checked against the header, before anything is read or allocated.
        const auto audio = readAudioFile (path, maxClickSoundSeconds);

        std::vector<float> mono (audio.numFrames(), 0.0f);
        for (const auto& channel : audio.channels)
            for (std::size_t i = 0; i < mono.size(); ++i)
                mono[i] += channel[i] / static_cast<float> (audio.numChannels());

        if (audio.sampleRate == sampleRate)
            return mono;

        // Offline, once, by the tracks' converter: the onset stays on its frame.
        auto resampled = resampleWhole (mono, audio.sampleRate, sampleRate);
        if (resampled.empty())
            throw std::runtime_error (path + ": could not be converted to " + std::to_string (static_cast<long> (sampleRate)) + " Hz");
        return resampled;
    }
}

ClickSources makeClickSources (const ClickSettings& settings, std::shared_ptr<const TempoMap> tempoMap,
                               double sampleRate, const std::string& baseDirectory)
{
    ClickSources result;
    std::shared_ptr<const ClickSounds> sounds;

    if (settings.sound == ClickSound::custom)
    {
        const auto path = std::filesystem::path (settings.customFile).is_absolute()
                              ? settings.customFile
                              : (std::filesystem::path (baseDirectory) / settings.customFile).string();
        try
        {
            sounds = std::make_shared<const ClickSounds> (ClickSounds::fromSample (loadCustomSample (path, sampleRate)));
        }
        catch (const std::exception& e)
        {
            result.warning = std::string (e.what()) + "; playing the woodblock instead";
        }
    }

    if (sounds == nullptr)
        sounds = std::make_shared<const ClickSounds> (
            ClickSounds::builtIn (toString (settings.sound == ClickSound::custom ? ClickSound::woodblock : settings.sound), sampleRate));

    // The session's accent and subdivision levels are relative to the beat sound; the
    // sounds themselves already sit 6 dB above and below it.
    ClickGenerator::Settings generatorSettings;
    generatorSettings.subdivisionsPerBeat = subdivisionsPerBeat (settings.subdivision);
    generatorSettings.accentDownbeat = settings.accentDownbeat;
    generatorSettings.accentGain = decibelsToGain (static_cast<float> (settings.accentDb)) * (ClickSounds::beatPeak / ClickSounds::accentPeak);
    generatorSettings.subdivisionGain = decibelsToGain (static_cast<float> (settings.subdivisionDb)) * (ClickSounds::beatPeak / ClickSounds::subdivisionPeak);

    result.always = std::make_shared<ClickGenerator> (tempoMap, sounds, generatorSettings, ClickGenerator::Mode::always);
    result.countInOnly = std::make_shared<ClickGenerator> (tempoMap, sounds, generatorSettings, ClickGenerator::Mode::countInOnly);
    return result;
}

} // namespace foldback
