#include "MixTargets.h"

namespace foldback
{

StereoGain computeSendTargets (const SendSettings& send, const SendContext& context) noexcept
{
    if (send.mute)
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

} // namespace foldback
