#include "MixTargets.h"

namespace foldback
{

StereoGain computeSendTargets (const SendSettings& send, const SendContext& context) noexcept
{
    if (send.mute || (context.soloActiveInMix && ! send.solo && ! context.exemptFromSolo))
        return {};

    if (send.gainDb <= kSilenceDb)
        return {};

    const float gain = decibelsToGain (static_cast<float> (send.gainDb + context.sourceGainDb));

    if (context.mixChannels < 2)
    {
        if (context.sourceChannels < 2)
            return { gain, 0.0f };
        return { gain * 0.5f, gain * 0.5f };
    }

    const auto pan = context.sourceChannels < 2 ? constantPowerPan (static_cast<float> (send.pan))
                                                : balancePan (static_cast<float> (send.pan));
    return { pan.left * gain, pan.right * gain };
}

bool isSoloActive (const CueMix& mix) noexcept
{
    for (const auto& [sourceId, send] : mix.sends)
        if (send.solo)
            return true;
    return false;
}

} // namespace foldback
