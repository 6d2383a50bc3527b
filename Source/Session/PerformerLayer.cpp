#include "PerformerLayer.h"

#include "SessionLimits.h"

#include <algorithm>

namespace foldback
{

namespace limits = sessionLimits;

namespace
{
    double clampGainDb (double db) noexcept { return std::clamp (db, limits::minGainDb, limits::maxGainDb); }
    double clampOffsetDb (double db) noexcept { return std::clamp (db, limits::minPerformerOffsetDb, limits::maxPerformerOffsetDb); }

    /** Removes an offset that no longer changes anything, so the file stays tidy. */
    void forgetIfNeutral (CueMix& mix, const std::string& sourceId)
    {
        const auto found = mix.performer.sends.find (sourceId);
        if (found != mix.performer.sends.end() && found->second == PerformerSendOffset {})
            mix.performer.sends.erase (found);
    }
}

SendSettings effectiveSend (const CueMix& mix, const std::string& sourceId)
{
    const auto base = mix.sends.find (sourceId);
    if (base == mix.sends.end())
        return SendSettings { limits::minGainDb, 0.0, true };

    SendSettings send = base->second;
    const auto offset = mix.performer.sends.find (sourceId);
    if (offset == mix.performer.sends.end())
        return send;

    // The engineer's "off" stays off: an offset moves a level, it never opens a closed send.
    if (send.gainDb > limits::minGainDb)
        send.gainDb = clampGainDb (send.gainDb + offset->second.gainOffsetDb);
    send.pan = std::clamp (send.pan + offset->second.panOffset, limits::minPan, limits::maxPan);
    send.mute = send.mute || offset->second.mute;
    return send;
}

double engineerGainForHeard (const CueMix& mix, const std::string& sourceId, double heardDb) noexcept
{
    const auto offset = mix.performer.sends.find (sourceId);
    if (heardDb <= limits::minGainDb || offset == mix.performer.sends.end())
        return clampGainDb (heardDb);
    return clampGainDb (heardDb - offset->second.gainOffsetDb);
}

double effectiveMasterDb (const CueMix& mix) noexcept
{
    if (mix.masterDb <= limits::minGainDb)
        return mix.masterDb;
    return clampGainDb (mix.masterDb + mix.performer.masterOffsetDb);
}

void setPerformerGain (CueMix& mix, const std::string& sourceId, double gainDb)
{
    const auto base = mix.sends.find (sourceId);
    if (base == mix.sends.end())
        return;

    mix.performer.sends[sourceId].gainOffsetDb = clampOffsetDb (clampGainDb (gainDb) - base->second.gainDb);
    forgetIfNeutral (mix, sourceId);
}

void setPerformerPan (CueMix& mix, const std::string& sourceId, double pan)
{
    const auto base = mix.sends.find (sourceId);
    if (base == mix.sends.end())
        return;

    const auto wanted = std::clamp (pan, limits::minPan, limits::maxPan);
    mix.performer.sends[sourceId].panOffset = std::clamp (wanted - base->second.pan, -limits::maxPerformerPanOffset,
                                                          limits::maxPerformerPanOffset);
    forgetIfNeutral (mix, sourceId);
}

void setPerformerMute (CueMix& mix, const std::string& sourceId, bool mute)
{
    if (mix.sends.count (sourceId) == 0)
        return;

    mix.performer.sends[sourceId].mute = mute;
    forgetIfNeutral (mix, sourceId);
}

void setPerformerMaster (CueMix& mix, double masterDb)
{
    mix.performer.masterOffsetDb = clampOffsetDb (clampGainDb (masterDb) - mix.masterDb);
}

void prunePerformerLayers (Session& session)
{
    for (auto& mix : session.mixes)
        std::erase_if (mix.performer.sends, [&mix] (const auto& entry) { return mix.sends.count (entry.first) == 0; });
}

} // namespace foldback
