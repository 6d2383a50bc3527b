#include "Engine.h"

#include "AudioMath.h"
#include "FiniteCopy.h"
#include "MixKernels.h"
#include "MixTerms.h"
#include "ScopedFlushDenormals.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace foldback
{

namespace
{
    constexpr double gainRampSeconds = 0.020;     // faders, pans, mutes: no zipper, no click
    constexpr double talkbackRampSeconds = 0.010; // the talk button opens and closes quickly

    void copySanitised (float* __restrict dest, const float* __restrict src, int n) noexcept
    {
        // A broken driver can deliver NaN; it must not reach meters or sends. (x * 1 is x.)
        kernels::copyFiniteScaled (dest, src, n, 1.0f);
    }
}

void Engine::prepare (double rate)
{
    const double newRate = rate > 0.0 ? rate : 48000.0;
    if (prepared)
        transport.changeSampleRate (sampleRate, newRate);
    prepared = true;
    sampleRate = newRate;
    gainRampSamples = static_cast<int> (std::lround (gainRampSeconds * sampleRate));
    talkbackRampSamples = static_cast<int> (std::lround (talkbackRampSeconds * sampleRate));
    engineClock = 0;
    displayClock.store (0);
    talkbackHeld = false;
    talkbackGate.reset (0.0f);
}

void Engine::processBlock (const float* const* inputs, int numInputs,
                           float* const* outputs, int numOutputs, int numFrames) noexcept
{
    ScopedFlushDenormals noDenormals;

    for (int c = 0; c < numOutputs; ++c)
        if (outputs[c] != nullptr)
            std::memset (outputs[c], 0, sizeof (float) * static_cast<std::size_t> (std::max (0, numFrames)));

    Plan* plan = planExchange.acquireForAudio();

    int offset = 0;
    while (offset < numFrames)
    {
        applyDueCommands();

        int frames = std::min (numFrames - offset, maxFramesPerSegment);
        frames = framesBeforeNextCommand (frames);
        frames = transport.framesUntilBoundary (frames);

        if (plan != nullptr)
            renderSegment (*plan, inputs, numInputs, outputs, numOutputs, offset, frames);
        else
            for (int i = 0; i < frames; ++i)
                talkbackGate.next();

        transport.advance (frames);
        engineClock += frames;
        offset += frames;
    }

    displayClock.store (engineClock);
    displayTalkback.store (talkbackHeld);
}

void Engine::applyDueCommands() noexcept
{
    while (const EngineCommand* next = commands.peek())
    {
        if (next->atEngineSample > engineClock)
            return;

        const EngineCommand command = *next;
        commands.pop();

        if (! transport.handle (command) && command.type == EngineCommand::Type::talkback)
            talkbackHeld = command.flag;
    }
}

int Engine::framesBeforeNextCommand (int wanted) const noexcept
{
    if (const EngineCommand* next = commands.peek())
        if (next->atEngineSample > engineClock && next->atEngineSample - engineClock < wanted)
            return static_cast<int> (next->atEngineSample - engineClock);
    return wanted;
}

void Engine::renderSegment (Plan& plan, const float* const* inputs, int numInputs,
                            float* const* outputs, int numOutputs, int offset, int numFrames) noexcept
{
    renderSources (plan, inputs, numInputs, offset, numFrames);

    const int listening = plan.listenMix.load();

    for (std::size_t m = 0; m < plan.mixes.size(); ++m)
    {
        auto& mix = plan.mixes[m];
        renderMix (mix, plan, numFrames);
        addToListenOutputs (mix, static_cast<int> (m) == listening, plan, outputs, numOutputs, offset, numFrames);

        for (int c = 0; c < mix.numOutputChannels; ++c)
        {
            const int channel = mix.deviceOutputChannels[static_cast<std::size_t> (c)];
            if (channel < 0 || channel >= numOutputs || outputs[channel] == nullptr)
                continue;

            float* dest = outputs[channel] + offset;
            const float* src = mix.bus[static_cast<std::size_t> (c)];
            for (int i = 0; i < numFrames; ++i)
                dest[i] += src[i];
        }
    }
}

void Engine::addToListenOutputs (PlanMix& mix, bool chosen, const Plan& plan,
                                 float* const* outputs, int numOutputs, int offset, int numFrames) noexcept
{
    // Switching the mix the engineer hears crossfades over the talkback ramp's 10 ms.
    mix.listen.setTarget (chosen ? 1.0f : 0.0f, talkbackRampSamples);
    if (plan.listenOutputChannels[0] < 0 || (! mix.listen.isRamping() && mix.listen.getCurrent() == 0.0f))
        return;

    auto outputAt = [&] (int c) -> float*
    {
        const int channel = plan.listenOutputChannels[static_cast<std::size_t> (c)];
        return channel >= 0 && channel < numOutputs && outputs[channel] != nullptr ? outputs[channel] + offset : nullptr;
    };

    float* left = outputAt (0);
    float* right = outputAt (1);
    const float* busLeft = mix.bus[0];
    const float* busRight = mix.numOutputChannels > 1 ? mix.bus[1] : mix.bus[0];

    // One listen output hears a stereo mix folded to mono, at -6 dB per side like a mono cue mix.
    if (plan.listenOutputChannels[1] < 0 && mix.numOutputChannels > 1)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float gain = mix.listen.next();
            if (left != nullptr)
                left[i] += (busLeft[i] + busRight[i]) * 0.5f * gain;
        }
        return;
    }

    for (int i = 0; i < numFrames; ++i)
    {
        const float gain = mix.listen.next();
        if (left != nullptr)
            left[i] += busLeft[i] * gain;
        if (right != nullptr)
            right[i] += busRight[i] * gain;
    }
}

void Engine::renderSources (Plan& plan, const float* const* inputs, int numInputs, int offset, int numFrames) noexcept
{
    const TimelineSegment segment = transport.currentSegment();
    talkbackGate.setTarget (talkbackHeld ? 1.0f : 0.0f, talkbackRampSamples);

    for (auto& source : plan.sources)
    {
        const auto bytes = sizeof (float) * static_cast<std::size_t> (numFrames);

        switch (source.kind)
        {
            case SourceKind::liveInput:
            case SourceKind::talkback:
                for (int c = 0; c < source.numChannels; ++c)
                {
                    const int channel = source.deviceInputChannels[static_cast<std::size_t> (c)];
                    float* dest = source.channels[static_cast<std::size_t> (c)];
                    if (channel >= 0 && channel < numInputs && inputs[channel] != nullptr)
                        copySanitised (dest, inputs[channel] + offset, numFrames);
                    else
                        std::memset (dest, 0, bytes);
                }
                break;

            case SourceKind::backingTrack:
            case SourceKind::click:
                if (source.timeline != nullptr)
                    source.timeline->renderSegment (segment, source.channels.data(), source.numChannels, numFrames);
                else
                    for (int c = 0; c < source.numChannels; ++c)
                        std::memset (source.channels[static_cast<std::size_t> (c)], 0, bytes);
                break;
        }

        source.meter.update (source.channels.data(), source.numChannels, numFrames);
    }

    // The talkback mic is metered open (the engineer sees it working) but sent gated.
    const int talkbackIndex = plan.getTalkbackSourceIndex();
    if (talkbackIndex >= 0)
    {
        auto& source = plan.sources[static_cast<std::size_t> (talkbackIndex)];
        kernels::applyGainStereo (source.channels[0], source.numChannels > 1 ? source.channels[1] : nullptr,
                                  numFrames, talkbackGate);
    }
    else
    {
        for (int i = 0; i < numFrames; ++i)
            talkbackGate.next();
    }
}

void Engine::renderMix (PlanMix& mix, Plan& plan, int numFrames) noexcept
{
    const int numChannels = mix.numOutputChannels > 1 ? 2 : 1;

    bool rebuild = mix.termsNeedRebuild;

    // Fader moves are rare next to blocks: read the sends' targets only after the message
    // thread has announced new ones.
    if (const auto generation = plan.readTargetGeneration(); generation != mix.targetsSeenAtGeneration)
    {
        mix.targetsSeenAtGeneration = generation;
        for (auto& send : mix.sends)
        {
            const float left = send.targetLeft.load();
            const float right = send.targetRight.load();
            if (left != send.left.getTarget() || right != send.right.getTarget())
            {
                send.left.setTarget (left, gainRampSamples);
                send.right.setTarget (right, gainRampSamples);
                rebuild = true;
            }
        }
    }

    if (rebuild)
        mix.termsNeedRebuild = buildTerms (mix, plan, numFrames);

    float* left = mix.bus[0];
    float* right = numChannels > 1 ? mix.bus[1] : nullptr;
    const auto bytes = sizeof (float) * static_cast<std::size_t> (numFrames);

    auto accumulate = [&] (const std::vector<MixTerm>& terms, int count)
    {
        if (right != nullptr)
            kernels::accumulateStereo (left, right, terms.data(), count, numFrames);
        else
            kernels::accumulateMono (left, terms.data(), count, numFrames);
    };

    std::memset (left, 0, bytes);
    if (right != nullptr)
        std::memset (right, 0, bytes);
    accumulate (mix.programmeTerms, mix.programmeTermCount);

    // Programme dims under talkback only in the mixes that hear the talkback.
    mix.programme.setTarget (talkbackHeld && mix.receivesTalkback ? mix.talkbackDim.load() : 1.0f, talkbackRampSamples);
    kernels::applyGainStereo (left, right, numFrames, mix.programme);

    accumulate (mix.talkbackTerms, mix.talkbackTermCount);

    mix.master.setTarget (mix.targetMaster.load(), gainRampSamples);
    kernels::applyGainStereo (left, right, numFrames, mix.master);

    mix.limiter.process (left, right, numFrames, mix.limiterCeiling.load());
    mix.limiterGain.store (mix.limiter.getLastBlockMinimumGain());
    mix.meter.update (mix.bus.data(), numChannels, numFrames);
}

bool Engine::buildTerms (PlanMix& mix, Plan& plan, int numFrames) noexcept
{
    const bool stereoMix = mix.numOutputChannels > 1;
    float* nextRampedGains = plan.rampedGainScratch.data();
    bool anyRamping = false;

    mix.programmeTermCount = 0;
    mix.talkbackTermCount = 0;
    mix.receivesTalkback = false;

    // A ramping gain is written out per sample (advancing the ramp exactly numFrames
    // steps); a steady one stays a scalar. A stereo term writes out both sides while either
    // moves, so the kernel tests one pointer per term.
    auto writeOut = [&] (MixTerm& term, int channel, LinearRamp& gain)
    {
        for (int i = 0; i < numFrames; ++i)
            nextRampedGains[i] = gain.next();
        term.rampedGains[channel] = nextRampedGains;
        nextRampedGains += numFrames;
    };

    auto setGains = [&] (MixTerm& term, LinearRamp* left, LinearRamp* right)
    {
        const bool moving = left->isRamping() || (right != nullptr && right->isRamping());
        anyRamping = anyRamping || moving;
        if (moving)
        {
            writeOut (term, 0, *left);
            if (right != nullptr)
                writeOut (term, 1, *right);
            return;
        }
        term.gain[0] = left->getCurrent();
        if (right != nullptr)
            term.gain[1] = right->getCurrent();
    };

    auto add = [&] (bool talkback, const MixTerm& term)
    {
        if (talkback)
            mix.talkbackTerms[static_cast<std::size_t> (mix.talkbackTermCount++)] = term;
        else
            mix.programmeTerms[static_cast<std::size_t> (mix.programmeTermCount++)] = term;
    };

    // Adding +-0 changes no bit of a bus (it never holds -0), so a send that rests at zero
    // on every channel it feeds is left out, and one zero side of a pair costs nothing wrong.
    auto silent = [] (const LinearRamp& gain) { return ! gain.isRamping() && gain.getCurrent() == 0.0f; };

    for (auto& send : mix.sends)
    {
        const auto& source = plan.sources[static_cast<std::size_t> (send.sourceIndex)];
        const bool talkback = send.isTalkback;
        if (talkback)
            mix.receivesTalkback = mix.receivesTalkback || send.left.getTarget() > 0.0f || send.right.getTarget() > 0.0f;

        if (stereoMix)
        {
            if (silent (send.left) && silent (send.right))
                continue;
            MixTerm term;
            term.source[0] = source.channels[0];
            term.source[1] = source.channels[source.numChannels > 1 ? 1 : 0];
            setGains (term, &send.left, &send.right);
            add (talkback, term);
        }
        else
        {
            for (int c = 0; c < source.numChannels; ++c)
            {
                auto& gain = c == 0 ? send.left : send.right;
                if (silent (gain))
                    continue;
                MixTerm term;
                term.source[0] = source.channels[static_cast<std::size_t> (c)];
                setGains (term, &gain, nullptr);
                add (talkback, term);
            }
        }
    }

    return anyRamping;
}

} // namespace foldback
