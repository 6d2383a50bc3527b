#include "PlanCompiler.h"

#include "MixTargets.h"
#include "PerformerLayer.h"

#include <algorithm>

namespace foldback
{

namespace
{
    int indexIn (const std::vector<std::string>& ids, const std::string& id) noexcept
    {
        const auto found = std::find (ids.begin(), ids.end(), id);
        return found == ids.end() ? -1 : static_cast<int> (found - ids.begin());
    }

    int toDeviceChannel (int oneBased) noexcept { return oneBased - 1; }

    const BackingTrack* findTrack (const Session& session, const std::string& id) noexcept
    {
        for (const auto& track : session.tracks)
            if (track.id == id)
                return &track;
        return nullptr;
    }

    /** The plan source a mix's send of `sessionSourceId` reads from: the count-in-only
        click is a second click source for the mixes with clickMode "countInOnly". */
    std::string planSourceFor (const CueMix& mix, const std::string& sessionSourceId)
    {
        if (sessionSourceId == clickSourceId && mix.clickMode == ClickMode::countInOnly)
            return std::string (clickCountInSourceId);
        return sessionSourceId;
    }

    void writeMix (PlanMix& planMix, const Plan& plan, const PlanKeys& keys, std::size_t mixIndex,
                   const Session& session, const CueMix& mix)
    {
        planMix.targetMaster.store (decibelsToGain (static_cast<float> (effectiveMasterDb (mix))));
        planMix.limiterCeiling.store (decibelsToGain (static_cast<float> (mix.limiterCeilingDb)));
        planMix.talkbackDim.store (decibelsToGain (static_cast<float> (session.talkback.dimDb)));

        const auto& sendIds = keys.sends[mixIndex];

        for (std::size_t s = 0; s < planMix.sends.size(); ++s)
        {
            auto& planSend = planMix.sends[s];
            const auto sessionSend = effectiveSend (mix, sendIds[s]);
            const auto& source = plan.sources[static_cast<std::size_t> (planSend.sourceIndex)];

            SendContext context;
            context.sourceChannels = source.numChannels;
            context.mixChannels = planMix.numOutputChannels;
            if (const auto* track = findTrack (session, sendIds[s]))
                context.sourceGainDb = track->gainDb;

            const auto gains = computeSendTargets (sessionSend, context);
            planSend.targetLeft.store (gains.left);
            planSend.targetRight.store (gains.right);
        }
    }
}

int PlanKeys::indexOfSource (const std::string& id) const noexcept { return indexIn (sources, id); }
int PlanKeys::indexOfMix (const std::string& id) const noexcept    { return indexIn (mixes, id); }

CompiledPlan compilePlan (const Session& session, double sampleRate, int maxFramesPerSegment,
                          const TimelineSources& timeline, const PlanKeys* previous)
{
    CompiledPlan result;
    result.plan = std::make_unique<Plan> (sampleRate, maxFramesPerSegment);
    auto& plan = *result.plan;
    auto& keys = result.keys;

    auto addSource = [&] (const std::string& id, PlanSource source)
    {
        source.carryFrom = previous != nullptr ? previous->indexOfSource (id) : -1;
        plan.sources.push_back (std::move (source));
        keys.sources.push_back (id);
    };

    for (const auto& input : session.inputs)
    {
        PlanSource source;
        source.kind = SourceKind::liveInput;
        source.numChannels = std::clamp (static_cast<int> (input.channels.size()), 1, 2);
        for (std::size_t c = 0; c < input.channels.size() && c < 2; ++c)
            source.deviceInputChannels[c] = toDeviceChannel (input.channels[c]);
        addSource (input.id, source);
    }

    for (std::size_t t = 0; t < session.tracks.size(); ++t)
    {
        PlanSource source;
        source.kind = SourceKind::backingTrack;
        source.timeline = t < timeline.tracks.size() ? timeline.tracks[t] : nullptr;
        source.numChannels = t < timeline.trackChannels.size() ? std::clamp (timeline.trackChannels[t], 1, 2) : 1;
        addSource (session.tracks[t].id, source);
    }

    // The count-in-only click exists only when a mix listens to it: it costs a generator.
    const bool anyCountInOnly = std::any_of (session.mixes.begin(), session.mixes.end(), [] (const CueMix& m)
                                             { return m.clickMode == ClickMode::countInOnly && m.sends.count (std::string (clickSourceId)) > 0; });

    for (const bool countInOnly : { false, true })
    {
        if (countInOnly && ! anyCountInOnly)
            continue;

        PlanSource source;
        source.kind = SourceKind::click;
        source.numChannels = 1;
        source.timeline = countInOnly ? timeline.clickCountIn : timeline.click;
        addSource (std::string (countInOnly ? clickCountInSourceId : clickSourceId), source);
    }

    if (! session.talkback.channels.empty())
    {
        PlanSource source;
        source.kind = SourceKind::talkback;
        source.numChannels = 1;
        source.deviceInputChannels[0] = toDeviceChannel (session.talkback.channels.front());
        addSource (std::string (talkbackSourceId), source);
    }

    for (const auto& mix : session.mixes)
    {
        PlanMix planMix;
        planMix.numOutputChannels = std::clamp (static_cast<int> (mix.outputs.size()), 1, 2);
        for (std::size_t c = 0; c < mix.outputs.size() && c < 2; ++c)
            planMix.deviceOutputChannels[c] = toDeviceChannel (mix.outputs[c]);

        const int previousMix = previous != nullptr ? previous->indexOfMix (mix.id) : -1;
        planMix.carryFrom = previousMix;

        std::vector<std::string> sendIds;
        for (const auto& [sourceId, send] : mix.sends)
        {
            const int sourceIndex = keys.indexOfSource (planSourceFor (mix, sourceId));
            if (sourceIndex < 0)
                continue; // e.g. a talkback send while no talkback mic is set: nothing to hear

            PlanSend planSend;
            planSend.sourceIndex = sourceIndex;
            if (previousMix >= 0)
                planSend.carryFrom = indexIn (previous->sends[static_cast<std::size_t> (previousMix)], sourceId);
            planMix.sends.push_back (planSend);
            sendIds.push_back (sourceId);
        }

        plan.mixes.push_back (std::move (planMix));
        keys.mixes.push_back (mix.id);
        keys.sends.push_back (std::move (sendIds));
    }

    for (std::size_t c = 0; c < session.monitor.outputs.size() && c < 2; ++c)
        plan.listenOutputChannels[c] = toDeviceChannel (session.monitor.outputs[c]);

    plan.tempoMap = timeline.tempoMap;
    writeMixParameters (plan, keys, session);
    plan.finalise();
    return result;
}

void writeListenSolo (Plan& plan, const PlanKeys& keys, const Session& session, const ListenSolo& solo)
{
    std::vector<StereoGain> gains (plan.sources.size());

    for (const auto& entry : solo.soloed)
    {
        const auto* mix = findMix (session, entry.mixId);
        const bool afl = solo.mode == ListenSolo::Mode::afl && mix != nullptr;
        const int index = keys.indexOfSource (afl ? planSourceFor (*mix, entry.sourceId) : entry.sourceId);
        if (index < 0)
            continue; // not in the plan (a talkback send with no talkback mic, a source just removed)

        const auto& source = plan.sources[static_cast<std::size_t> (index)];
        SendContext context;
        context.sourceChannels = source.numChannels;
        context.mixChannels = 2;
        if (const auto* track = findTrack (session, entry.sourceId))
            context.sourceGainDb = track->gainDb;

        StereoGain gain;
        if (afl)
        {
            if (mix->sends.count (entry.sourceId) > 0)
                gain = computeSendTargets (effectiveSend (*mix, entry.sourceId), context);
        }
        else
        {
            const float level = decibelsToGain (static_cast<float> (context.sourceGainDb));
            gain = { level, level }; // a mono source on both sides, a stereo one left and right
        }
        auto& sum = gains[static_cast<std::size_t> (index)];
        sum.left += gain.left;
        sum.right += gain.right;
    }

    for (std::size_t s = 0; s < plan.sources.size(); ++s)
    {
        plan.sources[s].soloLeft.store (gains[s].left);
        plan.sources[s].soloRight.store (gains[s].right);
    }
    plan.soloActive.store (solo.isActive());
}

void writeMixParameters (Plan& plan, const PlanKeys& keys, const Session& session)
{
    for (std::size_t m = 0; m < plan.mixes.size() && m < session.mixes.size(); ++m)
        writeMix (plan.mixes[m], plan, keys, m, session, session.mixes[m]);
    plan.announceTargetChanges();
}

} // namespace foldback
