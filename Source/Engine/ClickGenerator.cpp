#include "ClickGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace foldback
{

ClickGenerator::ClickGenerator (std::shared_ptr<const TempoMap> map, std::shared_ptr<const ClickSounds> soundSet,
                                Settings clickSettings, Mode clickMode)
    : tempoMap (std::move (map)), sounds (std::move (soundSet)), settings (clickSettings), mode (clickMode)
{
    if (tempoMap == nullptr || sounds == nullptr)
        throw std::invalid_argument ("click: a tempo map and a sound set are needed");

    if (settings.subdivisionsPerBeat < 1 || settings.subdivisionsPerBeat > 4)
        throw std::invalid_argument ("click: subdivisionsPerBeat must be 1, 2, 3 or 4");

    fadeSamples = static_cast<int> (std::max (1LL, std::llround (fadeSeconds * tempoMap->getSampleRate())));
}

void ClickGenerator::renderSegment (const TimelineSegment& segment, float* const* channels,
                                    int numChannels, int numFrames) noexcept
{
    if (numFrames <= 0)
        return;

    float* out = (channels != nullptr && numChannels > 0) ? channels[0] : nullptr;
    if (out != nullptr)
        std::memset (out, 0, sizeof (float) * static_cast<std::size_t> (numFrames));

    if (segment.countingIn)
    {
        // Search afresh only when the count-in did not simply go on from where we left it.
        if (phase != Phase::countingIn || cursor != segment.countInElapsed || countInRollStart != segment.position)
        {
            phase = Phase::countingIn;
            countInRollStart = segment.position;
            nextOnset = findOnset (segment.countInElapsed);
        }

        // The roll's own first beat, at countInLength, belongs to the timeline, not the count-in.
        const auto windowEnd = std::min (segment.countInElapsed + numFrames, segment.countInLength);
        renderOnsets (out, numFrames, segment.countInElapsed, windowEnd);
        cursor = segment.countInElapsed + numFrames;
    }
    else if (segment.rolling && mode == Mode::always && segment.grid != nullptr)
    {
        phase = Phase::none;   // back on the tempo map, the next onset is searched for afresh
        renderGridOnsets (*segment.grid, segment.relocated, out, numFrames, segment.position);
    }
    else if (segment.rolling && mode == Mode::always)
    {
        if (phase != Phase::rolling || segment.relocated || cursor != segment.position)
        {
            phase = Phase::rolling;
            nextOnset = findOnset (segment.position);
        }

        renderOnsets (out, numFrames, segment.position, segment.position + numFrames);
        cursor = segment.position + numFrames;
    }
    else
    {
        phase = Phase::none;
        renderVoices (out, numFrames);
    }

    if (out != nullptr)
        for (int c = 1; c < numChannels; ++c)
            if (channels[c] != nullptr)
                std::memcpy (channels[c], out, sizeof (float) * static_cast<std::size_t> (numFrames));
}

void ClickGenerator::continueFrom (const ClickGenerator& previous) noexcept
{
    // Only the sounding clicks carry over; the next onset is searched for afresh, from the
    // first sample the previous generator did not render, in this generator's tempo map.
    voices = previous.voices;
    lastGridStep = previous.lastGridStep;

    for (auto& voice : voices)
        if (voice.position >= sounds->get (voice.variant).size())
            voice.active = false;
}

Onset ClickGenerator::findOnset (std::int64_t from) const noexcept
{
    if (phase == Phase::countingIn)
        return tempoMap->nextCountInOnsetAtOrAfter (countInRollStart, from, settings.subdivisionsPerBeat);

    return tempoMap->nextOnsetAtOrAfter (from, settings.subdivisionsPerBeat);
}

void ClickGenerator::renderOnsets (float* out, int numFrames, std::int64_t windowStart, std::int64_t windowEnd) noexcept
{
    if (nextOnset.sample < windowStart)
        nextOnset = findOnset (windowStart);

    int done = 0;

    while (nextOnset.sample < windowEnd)
    {
        const auto at = static_cast<int> (nextOnset.sample - windowStart);
        renderVoices (out != nullptr ? out + done : nullptr, at - done);
        done = at;

        startVoice (nextOnset.kind);
        nextOnset = findOnset (nextOnset.sample + 1);
    }

    renderVoices (out != nullptr ? out + done : nullptr, numFrames - done);
}

void ClickGenerator::renderGridOnsets (const BeatGrid& grid, bool relocated, float* out, int numFrames,
                                       std::int64_t windowStart) noexcept
{
    if (relocated)
        lastGridStep = std::numeric_limits<std::int64_t>::min();

    const int subdivisions = settings.subdivisionsPerBeat;
    const auto windowEnd = windowStart + numFrames;
    int done = 0;
    auto step = grid.firstStepAtOrAfter (windowStart, subdivisions);

    // A master that sped up inside the last cycle can put a step in the past that the last
    // cycle's grid placed after its end: it sounds now, at the first frame, never dropped.
    if (lastGridStep != std::numeric_limits<std::int64_t>::min() && grid.absoluteStep (step - 1, subdivisions) > lastGridStep)
        --step;

    for (;; ++step)
    {
        const auto at = grid.sampleOfStep (step, subdivisions);
        if (at >= windowEnd)
            break;
        const auto absolute = grid.absoluteStep (step, subdivisions);
        if (absolute <= lastGridStep)
            continue;

        const auto offset = static_cast<int> (std::max<std::int64_t> (0, at - windowStart));
        renderVoices (out != nullptr ? out + done : nullptr, offset - done);
        done = offset;

        const auto withinBeat = ((step % subdivisions) + subdivisions) % subdivisions;
        const auto beat = (step - withinBeat) / subdivisions;
        const auto beatInBar = ((beat % grid.beatsPerBar) + grid.beatsPerBar) % grid.beatsPerBar;
        startVoice (withinBeat != 0 ? OnsetKind::subdivision : (beatInBar == 0 ? OnsetKind::downbeat : OnsetKind::beat));
        lastGridStep = absolute;
    }

    renderVoices (out != nullptr ? out + done : nullptr, numFrames - done);
}

void ClickGenerator::startVoice (OnsetKind kind) noexcept
{
    Voice voice;
    voice.active = true;

    switch (kind)
    {
        case OnsetKind::downbeat:
            voice.variant = settings.accentDownbeat ? ClickSounds::Variant::accent : ClickSounds::Variant::beat;
            voice.gain = settings.accentDownbeat ? settings.accentGain : 1.0f;
            break;
        case OnsetKind::beat:
            voice.variant = ClickSounds::Variant::beat;
            voice.gain = 1.0f;
            break;
        case OnsetKind::subdivision:
            voice.variant = ClickSounds::Variant::subdivision;
            voice.gain = settings.subdivisionGain;
            break;
    }

    // Whatever still sounds makes way for the new click with a short fade, never a cut.
    for (auto& v : voices)
        if (v.active && v.fadeRemaining == 0)
            v.fadeRemaining = fadeSamples;

    std::size_t slot = 0;
    for (std::size_t i = 0; i < voices.size(); ++i)
    {
        if (! voices[i].active)
        {
            slot = i;
            break;
        }
        if (voices[i].fadeRemaining < voices[slot].fadeRemaining)
            slot = i;
    }

    voices[slot] = voice;
}

void ClickGenerator::renderVoices (float* out, int numFrames) noexcept
{
    if (numFrames <= 0)
        return;

    // Voices are summed in slot order whatever the segment boundaries, so each output
    // sample is the same float sum at any block size.
    for (auto& voice : voices)
    {
        if (! voice.active)
            continue;

        const auto& data = sounds->get (voice.variant);
        const std::size_t left = data.size() - std::min (voice.position, data.size());
        int i = 0;

        if (voice.fadeRemaining > 0)
        {
            const int n = static_cast<int> (std::min<std::size_t> (left, static_cast<std::size_t> (std::min (numFrames, voice.fadeRemaining))));
            for (; i < n; ++i)
            {
                // The fade gain is a ratio of integers, never a running product.
                const float g = voice.gain * (static_cast<float> (voice.fadeRemaining - i) / static_cast<float> (fadeSamples));
                if (out != nullptr)
                    out[i] += data[voice.position + static_cast<std::size_t> (i)] * g;
            }
            voice.fadeRemaining -= n;
            voice.position += static_cast<std::size_t> (n);
            voice.active = voice.fadeRemaining > 0 && voice.position < data.size();
            continue;
        }

        const int n = static_cast<int> (std::min<std::size_t> (left, static_cast<std::size_t> (numFrames)));
        if (out != nullptr)
        {
            const float* src = data.data() + voice.position;
            for (; i < n; ++i)
                out[i] += src[i] * voice.gain;
        }
        voice.position += static_cast<std::size_t> (n);
        voice.active = voice.position < data.size();
    }
}

} // namespace foldback
