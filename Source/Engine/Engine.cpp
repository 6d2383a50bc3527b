#include "Engine.h"

#include "AudioMath.h"
#include "FiniteCopy.h"
#include "MixKernels.h"
#include "MixTerms.h"
#include "ScopedFlushDenormals.h"

#include <algorithm>
#include <utility>
#include <cmath>
#include <cstring>

namespace foldback
{

namespace
{
    /** Where LISTEN output `c` (0 left, 1 right) starts in this segment, or nullptr when
        the session has none there or the device lacks that channel. */
    float* listenOutput (const Plan& plan, int c, float* const* outputs, int numOutputs, int offset) noexcept
    {
        const int channel = plan.listenOutputChannels[static_cast<std::size_t> (c)];
        return channel >= 0 && channel < numOutputs && outputs[channel] != nullptr ? outputs[channel] + offset : nullptr;
    }

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

    PublishedPlan* live = planExchange.acquireForAudio();

    int offset = 0;
    while (offset < numFrames)
    {
        applyDueCommands();

        int frames = std::min (numFrames - offset, maxFramesPerSegment);
        frames = framesBeforeNextCommand (frames);
        frames = transport.framesUntilBoundary (frames);

        if (live != nullptr)
            renderSegment (*live->plan, live->state, inputs, numInputs, outputs, numOutputs, offset, frames);
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

bool Engine::isReadyToRollFrom (std::int64_t timelinePosition) const noexcept
{
    const PublishedPlan* live = planExchange.currentForAudio();
    if (live == nullptr)
        return true;

    for (const auto& source : live->plan->sources)
        if (source.timeline != nullptr && ! source.timeline->isReadyToPlayFrom (timelinePosition))
            return false;
    return true;
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

void Engine::renderSegment (const Plan& plan, RenderState& state, const float* const* inputs, int numInputs,
                            float* const* outputs, int numOutputs, int offset, int numFrames) noexcept
{
    renderSources (plan, state, inputs, numInputs, offset, numFrames);

    // While the engineer solos, the listen outputs carry the soloed sources, not the mix.
    const int listening = plan.soloActive.load() ? -1 : plan.listenMix.load();

    const PlanMix* const planMixes = plan.mixes.data();
    MixRenderState* const liveMixes = state.mixes.data();
    const std::size_t numMixes = plan.mixes.size();

    for (std::size_t m = 0; m < numMixes; ++m)
    {
        const auto& mix = planMixes[m];
        auto& live = liveMixes[m];
        renderMix (mix, live, plan, state, numFrames);
        addToListenOutputs (mix, live, static_cast<int> (m) == listening, plan, outputs, numOutputs, offset, numFrames);

        for (int c = 0; c < mix.numOutputChannels; ++c)
        {
            const int channel = mix.deviceOutputChannels[static_cast<std::size_t> (c)];
            if (channel < 0 || channel >= numOutputs || outputs[channel] == nullptr)
                continue;

            float* dest = outputs[channel] + offset;
            const float* src = live.bus[static_cast<std::size_t> (c)];
            for (int i = 0; i < numFrames; ++i)
                dest[i] += src[i];
        }
    }

    addSoloToListenOutputs (plan, state, outputs, numOutputs, offset, numFrames);
    limitListenOutputs (plan, state, outputs, numOutputs, offset, numFrames);
}

void Engine::limitListenOutputs (const Plan& plan, RenderState& state, float* const* outputs, int numOutputs,
                                 int offset, int numFrames) noexcept
{
    float* left = listenOutput (plan, 0, outputs, numOutputs, offset);
    float* right = listenOutput (plan, 1, outputs, numOutputs, offset);
    if (left == nullptr)
        std::swap (left, right);
    // Every segment, soloed or not, so the limiter's release is the same however blocks fall.
    if (left != nullptr)
        state.listenLimiter.process (left, right, numFrames, 1.0f);
}

void Engine::addSoloToListenOutputs (const Plan& plan, RenderState& state, float* const* outputs, int numOutputs,
                                     int offset, int numFrames) noexcept
{
    float* left = listenOutput (plan, 0, outputs, numOutputs, offset);
    float* right = listenOutput (plan, 1, outputs, numOutputs, offset);
    const bool foldToMono = plan.listenOutputChannels[1] < 0; // one listen output: -6 dB per side

    const PlanSource* const planSources = plan.sources.data();
    SourceRenderState* const liveSources = state.sources.data();
    const std::size_t numSources = plan.sources.size();

    for (std::size_t s = 0; s < numSources; ++s)
    {
        const auto& source = planSources[s];
        auto& live = liveSources[s];

        // The ramps run whether or not anything is routed, so a solo sounds the same
        // however the blocks fall; a source never soloed costs two loads and a compare.
        live.soloLeft.setTarget (source.soloLeft.load(), talkbackRampSamples);
        live.soloRight.setTarget (source.soloRight.load(), talkbackRampSamples);
        if (! live.soloLeft.isRamping() && ! live.soloRight.isRamping()
            && live.soloLeft.getCurrent() == 0.0f && live.soloRight.getCurrent() == 0.0f)
            continue;

        const float* inLeft = live.channels[0];
        const float* inRight = source.numChannels > 1 ? live.channels[1] : live.channels[0];

        for (int i = 0; i < numFrames; ++i)
        {
            const float l = inLeft[i] * live.soloLeft.next();
            const float r = inRight[i] * live.soloRight.next();
            if (foldToMono)
            {
                if (left != nullptr)
                    left[i] += (l + r) * 0.5f;
            }
            else
            {
                if (left != nullptr)
                    left[i] += l;
                if (right != nullptr)
                    right[i] += r;
            }
        }
    }
}

void Engine::addToListenOutputs (const PlanMix& mix, MixRenderState& live, bool chosen, const Plan& plan,
                                 float* const* outputs, int numOutputs, int offset, int numFrames) noexcept
{
    // Switching the mix the engineer hears crossfades over the talkback ramp's 10 ms.
    live.listen.setTarget (chosen ? 1.0f : 0.0f, talkbackRampSamples);
    if (plan.listenOutputChannels[0] < 0 || (! live.listen.isRamping() && live.listen.getCurrent() == 0.0f))
        return;


    float* left = listenOutput (plan, 0, outputs, numOutputs, offset);
    float* right = listenOutput (plan, 1, outputs, numOutputs, offset);
    const float* busLeft = live.bus[0];
    const float* busRight = mix.numOutputChannels > 1 ? live.bus[1] : live.bus[0];

    // One listen output hears a stereo mix folded to mono, at -6 dB per side like a mono cue mix.
    if (plan.listenOutputChannels[1] < 0 && mix.numOutputChannels > 1)
    {
        for (int i = 0; i < numFrames; ++i)
        {
            const float gain = live.listen.next();
            if (left != nullptr)
                left[i] += (busLeft[i] + busRight[i]) * 0.5f * gain;
        }
        return;
    }

    for (int i = 0; i < numFrames; ++i)
    {
        const float gain = live.listen.next();
        if (left != nullptr)
            left[i] += busLeft[i] * gain;
        if (right != nullptr)
            right[i] += busRight[i] * gain;
    }
}

void Engine::renderSources (const Plan& plan, RenderState& state, const float* const* inputs, int numInputs,
                            int offset, int numFrames) noexcept
{
    TimelineSegment segment = transport.currentSegment();
    if (hasExternalGrid)
    {
        // The grid is the block's first frame's; a later segment of the block moves along it.
        segment.grid = &externalGrid;
    }
    talkbackGate.setTarget (talkbackHeld ? 1.0f : 0.0f, talkbackRampSamples);

    // Walked in step; loaded once, as the calls below could (for all the compiler knows)
    // move either vector.
    const PlanSource* const planSources = plan.sources.data();
    SourceRenderState* const liveSources = state.sources.data();
    const std::size_t numSources = plan.sources.size();

    for (std::size_t s = 0; s < numSources; ++s)
    {
        const auto& source = planSources[s];
        auto& live = liveSources[s];
        const auto bytes = sizeof (float) * static_cast<std::size_t> (numFrames);

        switch (source.kind)
        {
            case SourceKind::liveInput:
            case SourceKind::talkback:
                for (int c = 0; c < source.numChannels; ++c)
                {
                    const int channel = source.deviceInputChannels[static_cast<std::size_t> (c)];
                    float* dest = live.channels[static_cast<std::size_t> (c)];
                    if (channel >= 0 && channel < numInputs && inputs[channel] != nullptr)
                        copySanitised (dest, inputs[channel] + offset, numFrames);
                    else
                        std::memset (dest, 0, bytes);
                }
                break;

            case SourceKind::backingTrack:
            case SourceKind::click:
                if (source.timeline != nullptr)
                    source.timeline->renderSegment (segment, live.channels.data(), source.numChannels, numFrames);
                else
                    for (int c = 0; c < source.numChannels; ++c)
                        std::memset (live.channels[static_cast<std::size_t> (c)], 0, bytes);
                break;
        }

        live.meter.update (live.channels.data(), source.numChannels, numFrames);
    }

    // The talkback mic is metered open (the engineer sees it working) but sent gated.
    const int talkbackIndex = plan.getTalkbackSourceIndex();
    if (talkbackIndex >= 0)
    {
        const auto index = static_cast<std::size_t> (talkbackIndex);
        auto& channels = state.sources[index].channels;
        kernels::applyGainStereo (channels[0], plan.sources[index].numChannels > 1 ? channels[1] : nullptr,
                                  numFrames, talkbackGate);
    }
    else
    {
        for (int i = 0; i < numFrames; ++i)
            talkbackGate.next();
    }
}

void Engine::renderMix (const PlanMix& mix, MixRenderState& live, const Plan& plan, RenderState& state, int numFrames) noexcept
{
    const int numChannels = mix.numOutputChannels > 1 ? 2 : 1;

    bool rebuild = live.termsNeedRebuild;

    // Fader moves are rare next to blocks: read the sends' targets only after the message
    // thread has announced new ones.
    if (const auto generation = plan.readTargetGeneration(); generation != live.targetsSeenAtGeneration)
    {
        live.targetsSeenAtGeneration = generation;
        for (std::size_t s = 0; s < mix.sends.size(); ++s)
        {
            const auto& send = mix.sends[s];
            auto& ramps = live.sends[s];
            const float left = send.targetLeft.load();
            const float right = send.targetRight.load();
            if (left != ramps.left.getTarget() || right != ramps.right.getTarget())
            {
                ramps.left.setTarget (left, gainRampSamples);
                ramps.right.setTarget (right, gainRampSamples);
                rebuild = true;
            }
        }
    }

    if (rebuild)
        live.termsNeedRebuild = buildTerms (mix, live, plan, state, numFrames);

    float* left = live.bus[0];
    float* right = numChannels > 1 ? live.bus[1] : nullptr;
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
    accumulate (live.programmeTerms, live.programmeTermCount);

    // Programme dims under talkback only in the mixes that hear the talkback.
    live.programme.setTarget (talkbackHeld && live.receivesTalkback ? mix.talkbackDim.load() : 1.0f, talkbackRampSamples);
    kernels::applyGainStereo (left, right, numFrames, live.programme);

    accumulate (live.talkbackTerms, live.talkbackTermCount);

    live.master.setTarget (mix.targetMaster.load(), gainRampSamples);
    kernels::applyGainStereo (left, right, numFrames, live.master);

    live.limiter.process (left, right, numFrames, mix.limiterCeiling.load());
    live.limiterGain.store (live.limiter.getLastBlockMinimumGain());
    live.meter.update (live.bus.data(), numChannels, numFrames);
}

bool Engine::buildTerms (const PlanMix& mix, MixRenderState& live, const Plan& plan, RenderState& state, int numFrames) noexcept
{
    const bool stereoMix = mix.numOutputChannels > 1;
    float* nextRampedGains = state.rampedGainScratch.data();
    bool anyRamping = false;

    live.programmeTermCount = 0;
    live.talkbackTermCount = 0;
    live.receivesTalkback = false;

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
            live.talkbackTerms[static_cast<std::size_t> (live.talkbackTermCount++)] = term;
        else
            live.programmeTerms[static_cast<std::size_t> (live.programmeTermCount++)] = term;
    };

    // Adding +-0 changes no bit of a bus (it never holds -0), so a send that rests at zero
    // on every channel it feeds is left out, and one zero side of a pair costs nothing wrong.
    auto silent = [] (const LinearRamp& gain) { return ! gain.isRamping() && gain.getCurrent() == 0.0f; };

    for (std::size_t s = 0; s < mix.sends.size(); ++s)
    {
        const auto& send = mix.sends[s];
        auto& ramps = live.sends[s];
        const auto sourceIndex = static_cast<std::size_t> (send.sourceIndex);
        const int sourceChannels = plan.sources[sourceIndex].numChannels;
        const auto& channels = state.sources[sourceIndex].channels;
        const bool talkback = send.isTalkback;
        if (talkback)
            live.receivesTalkback = live.receivesTalkback || ramps.left.getTarget() > 0.0f || ramps.right.getTarget() > 0.0f;

        if (stereoMix)
        {
            if (silent (ramps.left) && silent (ramps.right))
                continue;
            MixTerm term;
            term.source[0] = channels[0];
            term.source[1] = channels[sourceChannels > 1 ? 1 : 0];
            setGains (term, &ramps.left, &ramps.right);
            add (talkback, term);
        }
        else
        {
            for (int c = 0; c < sourceChannels; ++c)
            {
                auto& gain = c == 0 ? ramps.left : ramps.right;
                if (silent (gain))
                    continue;
                MixTerm term;
                term.source[0] = channels[static_cast<std::size_t> (c)];
                setGains (term, &gain, nullptr);
                add (talkback, term);
            }
        }
    }

    return anyRamping;
}

} // namespace foldback
