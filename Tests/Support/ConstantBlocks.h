#pragma once

#include "Engine/Engine.h"

#include <vector>

namespace foldback::test
{

/** Runs the engine for one block with the same constant on every input, so queued commands
    take effect and meters move; returns the outputs. */
inline std::vector<std::vector<float>> runConstantBlock (Engine& engine, float inputLevel, int frames = 256,
                                                         int numInputs = 8, int numOutputs = 8)
{
    std::vector<std::vector<float>> inputs (static_cast<std::size_t> (numInputs), std::vector<float> (static_cast<std::size_t> (frames), inputLevel));
    std::vector<std::vector<float>> outputs (static_cast<std::size_t> (numOutputs), std::vector<float> (static_cast<std::size_t> (frames)));
    std::vector<const float*> in;
    std::vector<float*> out;
    for (auto& c : inputs)
        in.push_back (c.data());
    for (auto& c : outputs)
        out.push_back (c.data());
    engine.processBlock (in.data(), numInputs, out.data(), numOutputs, frames);
    return outputs;
}

/** An engine prepared at 48 kHz, for fixtures that construct a player from it. */
inline Engine& preparedAt48k (Engine& engine)
{
    engine.prepare (48000.0);
    return engine;
}

} // namespace foldback::test
