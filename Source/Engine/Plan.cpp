#include "Plan.h"

namespace foldback
{

Plan::Plan (double rate, int maxFramesPerSegment)
    : sampleRate (rate), maxFrames (maxFramesPerSegment)
{
}

void Plan::finalise()
{
    talkbackSourceIndex = -1;
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (sources[i].kind == SourceKind::talkback)
            talkbackSourceIndex = static_cast<int> (i);

    for (auto& mix : mixes)
        for (auto& send : mix.sends)
            send.isTalkback = sources[static_cast<std::size_t> (send.sourceIndex)].kind == SourceKind::talkback;
}

} // namespace foldback
