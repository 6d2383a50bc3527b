#pragma once

#include "Engine/AudioMath.h"
#include "Engine/Engine.h"

#include <memory>
#include <random>
#include <vector>

namespace foldback::test
{

/** Builds Plans by hand for engine tests, without the Session layer. */
struct PlanSketch
{
    struct Send { int source; StereoGain gain; };
    struct Mix { int numOutputs = 2; int firstOutput = 0; std::vector<Send> sends; float master = 1.0f; float ceiling = 1.0f; float talkbackDim = 1.0f; };

    std::vector<PlanSource> sources;
    std::vector<Mix> mixes;

    int addLiveInput (int firstChannel, int numChannels = 1)
    {
        PlanSource s;
        s.kind = SourceKind::liveInput;
        s.numChannels = numChannels;
        s.deviceInputChannels = { firstChannel, numChannels > 1 ? firstChannel + 1 : -1 };
        sources.push_back (s);
        return static_cast<int> (sources.size()) - 1;
    }

    int addTalkback (int channel)
    {
        int index = addLiveInput (channel);
        sources[static_cast<std::size_t> (index)].kind = SourceKind::talkback;
        return index;
    }

    std::unique_ptr<Plan> build (double sampleRate) const
    {
        auto plan = std::make_unique<Plan> (sampleRate, Engine::maxFramesPerSegment);
        plan->sources = sources;
        for (const auto& m : mixes)
        {
            PlanMix mix;
            mix.numOutputChannels = m.numOutputs;
            mix.deviceOutputChannels = { m.firstOutput, m.numOutputs > 1 ? m.firstOutput + 1 : -1 };
            mix.targetMaster.store (m.master);
            mix.limiterCeiling.store (m.ceiling);
            mix.talkbackDim.store (m.talkbackDim);
            for (const auto& s : m.sends)
            {
                PlanSend send;
                send.sourceIndex = s.source;
                send.targetLeft.store (s.gain.left);
                send.targetRight.store (s.gain.right);
                mix.sends.push_back (send);
            }
            plan->mixes.push_back (mix);
        }
        plan->finalise();
        return plan;
    }
};

/** Multichannel audio held as one vector per channel. */
struct Channels
{
    Channels (int numChannels, int numFrames) : data (static_cast<std::size_t> (numChannels), std::vector<float> (static_cast<std::size_t> (numFrames), 0.0f)) {}

    std::vector<const float*> readPointers (int offset = 0) const
    {
        std::vector<const float*> p;
        for (auto& c : data) p.push_back (c.data() + offset);
        return p;
    }

    std::vector<float*> writePointers (int offset = 0)
    {
        std::vector<float*> p;
        for (auto& c : data) p.push_back (c.data() + offset);
        return p;
    }

    int numFrames() const { return data.empty() ? 0 : static_cast<int> (data[0].size()); }

    std::vector<std::vector<float>> data;
};

/** Uniform white noise, reproducible from its seed. */
inline Channels noise (int numChannels, int numFrames, float amplitude, unsigned seed)
{
    Channels c (numChannels, numFrames);
    std::mt19937 rng (seed);
    std::uniform_real_distribution<float> dist (-amplitude, amplitude);
    for (auto& ch : c.data)
        for (auto& x : ch)
            x = dist (rng);
    return c;
}

/** Runs the engine over the whole input in blocks of the given sizes (cycled). */
inline Channels runEngine (Engine& engine, const Channels& input, int numOutputs, const std::vector<int>& blockSizes)
{
    Channels output (numOutputs, input.numFrames());
    std::size_t which = 0;
    for (int offset = 0; offset < input.numFrames();)
    {
        const int n = std::min (blockSizes[which++ % blockSizes.size()], input.numFrames() - offset);
        auto in = input.readPointers (offset);
        auto out = output.writePointers (offset);
        engine.processBlock (in.data(), static_cast<int> (in.size()), out.data(), numOutputs, n);
        offset += n;
    }
    return output;
}

} // namespace foldback::test
