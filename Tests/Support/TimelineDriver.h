#pragma once

#include "Engine/EngineCommand.h"
#include "Engine/TimelineSource.h"
#include "Engine/Transport.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

namespace foldback::test
{

/** A transport command that takes effect at a given output frame. */
struct TimedCommand
{
    std::int64_t atFrame = 0;
    EngineCommand command;
};

/** Drives one timeline source through a real Transport exactly as the Engine does: each
    device block is split where a command falls due, where a count-in ends and where a loop
    wraps, and every piece is one renderSegment call. The sink receives each block's audio
    (channel 0) with its first output frame, so long renders need not be stored. */
inline void driveTimeline (TimelineSource& source, std::int64_t totalFrames, const std::vector<TimedCommand>& commands,
                           const std::vector<int>& blockSizes,
                           const std::function<void (std::int64_t firstFrame, const float* samples, int numFrames)>& sink)
{
    Transport transport;
    const int largest = *std::max_element (blockSizes.begin(), blockSizes.end());
    std::vector<float> block (static_cast<std::size_t> (largest), 0.0f);
    std::size_t nextCommand = 0, which = 0;

    for (std::int64_t frame = 0; frame < totalFrames;)
    {
        const int blockFrames = static_cast<int> (std::min<std::int64_t> (blockSizes[which++ % blockSizes.size()], totalFrames - frame));

        for (int offset = 0; offset < blockFrames;)
        {
            const std::int64_t now = frame + offset;
            while (nextCommand < commands.size() && commands[nextCommand].atFrame <= now)
                transport.handle (commands[nextCommand++].command);

            std::int64_t frames = blockFrames - offset;
            if (nextCommand < commands.size())
                frames = std::min (frames, commands[nextCommand].atFrame - now);
            const int n = transport.framesUntilBoundary (static_cast<int> (frames));

            float* channel = block.data() + offset;
            source.renderSegment (transport.currentSegment(), &channel, 1, n);
            transport.advance (n);
            offset += n;
        }

        sink (frame, block.data(), blockFrames);
        frame += blockFrames;
    }
}

/** The whole render in memory, for renders short enough to compare sample by sample. */
inline std::vector<float> renderTimeline (TimelineSource& source, std::int64_t totalFrames,
                                          const std::vector<TimedCommand>& commands, const std::vector<int>& blockSizes)
{
    std::vector<float> out (static_cast<std::size_t> (totalFrames), 0.0f);
    driveTimeline (source, totalFrames, commands, blockSizes, [&out] (std::int64_t first, const float* samples, int n)
    {
        std::copy (samples, samples + n, out.begin() + first);
    });
    return out;
}

/** Random block sizes in [1, largest], reproducible from the seed. */
inline std::vector<int> randomBlockSizes (unsigned seed, int count = 997, int largest = 5000)
{
    std::mt19937 rng (seed);
    std::uniform_int_distribution<int> size (1, largest);
    std::vector<int> sizes (static_cast<std::size_t> (count));
    for (auto& s : sizes)
        s = size (rng);
    return sizes;
}

} // namespace foldback::test
