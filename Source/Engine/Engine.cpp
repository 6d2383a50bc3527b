#include "Engine.h"

#include "AudioMath.h"
#include "MixKernels.h"
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
        // A broken driver or file can deliver NaN; it must not reach meters or sends.
        for (int i = 0; i < n; ++i)
            dest[i] = isFiniteSample (src[i]) ? src[i] : 0.0f;
    }
}

void Engine::prepare (double rate)
{
    sampleRate = rate > 0.0 ? rate : 48000.0;
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

    for (auto& mix : plan.mixes)
    {
        renderMix (mix, plan, numFrames);

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
                {
                    source.timeline->renderSegment (segment, source.channels.data(), source.numChannels, numFrames);
                    for (int c = 0; c < source.numChannels; ++c)
                        copySanitised (source.channels[static_cast<std::size_t> (c)],
                                       source.channels[static_cast<std::size_t> (c)], numFrames);
                }
                else
                {
                    for (int c = 0; c < source.numChannels; ++c)
                        std::memset (source.channels[static_cast<std::size_t> (c)], 0, bytes);
                }
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

void Engine::renderMix (PlanMix& mix, const Plan& plan, int numFrames) noexcept
{
    float* left = mix.bus[0];
    float* right = mix.numOutputChannels > 1 ? mix.bus[1] : nullptr;
    const auto bytes = sizeof (float) * static_cast<std::size_t> (numFrames);

    std::memset (left, 0, bytes);
    if (right != nullptr)
        std::memset (right, 0, bytes);

    bool receivesTalkback = false;

    auto addSend = [&] (PlanSend& send)
    {
        send.left.setTarget (send.targetLeft.load(), gainRampSamples);
        send.right.setTarget (send.targetRight.load(), gainRampSamples);

        const auto& source = plan.sources[static_cast<std::size_t> (send.sourceIndex)];

        if (right == nullptr)
        {
            kernels::addScaled (left, source.channels[0], numFrames, send.left);
            if (source.numChannels > 1)
                kernels::addScaled (left, source.channels[1], numFrames, send.right);
        }
        else if (source.numChannels > 1)
        {
            kernels::addScaled (left, source.channels[0], numFrames, send.left);
            kernels::addScaled (right, source.channels[1], numFrames, send.right);
        }
        else
        {
            kernels::addPanned (left, right, source.channels[0], numFrames, send.left, send.right);
        }
    };

    for (auto& send : mix.sends)
    {
        if (send.isTalkback)
        {
            receivesTalkback = receivesTalkback || send.targetLeft.load() > 0.0f || send.targetRight.load() > 0.0f;
            continue;
        }
        addSend (send);
    }

    // Programme dims under talkback only in the mixes that hear the talkback.
    mix.programme.setTarget (talkbackHeld && receivesTalkback ? mix.talkbackDim.load() : 1.0f, talkbackRampSamples);
    kernels::applyGainStereo (left, right, numFrames, mix.programme);

    for (auto& send : mix.sends)
        if (send.isTalkback)
            addSend (send);

    mix.master.setTarget (mix.targetMaster.load(), gainRampSamples);
    kernels::applyGainStereo (left, right, numFrames, mix.master);

    mix.limiter.process (left, right, numFrames, mix.limiterCeiling.load());
    mix.limiterGain.store (mix.limiter.getLastBlockMinimumGain());
    mix.meter.update (mix.bus.data(), mix.numOutputChannels, numFrames);
}

} // namespace foldback
