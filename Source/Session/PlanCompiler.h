#pragma once

#include "Engine/Plan.h"
#include "Session.h"
#include "SessionQueries.h"

#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** The names behind a Plan's indices, kept on the message thread so that the next Plan
    can find its predecessor's sources, mixes and sends and carry their state over. */
struct PlanKeys
{
    std::vector<std::string> sources;
    std::vector<std::string> mixes;
    std::vector<std::vector<std::string>> sends; ///< per mix: the session source id of each send

    int indexOfSource (const std::string& id) const noexcept;
    int indexOfMix (const std::string& id) const noexcept;
};

/** The timeline sources a Plan plays, made by whoever owns the disk streaming and the
    click (the App layer): index-aligned with Session::tracks; nullptr for a track that is
    offline (it stays in the plan as silence, so its sends and meters keep their place). */
struct TimelineSources
{
    std::vector<std::shared_ptr<TimelineSource>> tracks;
    std::vector<int> trackChannels;
    std::shared_ptr<TimelineSource> click;
    std::shared_ptr<TimelineSource> clickCountIn;
    std::shared_ptr<const TempoMap> tempoMap;
};

struct CompiledPlan
{
    std::unique_ptr<Plan> plan;
    PlanKeys keys;
};

/** Compiles a Session into a finalised Plan. `previous` (may be null) is the keys of the
    plan this one will replace. Message thread; allocates. The Session must be valid. */
CompiledPlan compilePlan (const Session& session, double sampleRate, int maxFramesPerSegment,
                          const TimelineSources& timeline, const PlanKeys* previous);

/** The engineer's solo: what the listen outputs carry instead of the chosen mix while any
    source is soloed. Console state, like the listen choice: never saved, never undone, and
    never part of a performer's mix. */
struct ListenSolo
{
    enum class Mode
    {
        pfl, ///< pre-fader listen: the source at its own level (a track's gain included), centred
        afl  ///< after-fader listen: the source as the mix it was soloed on sends it (gain, pan, mute, performer offsets)
    };

    struct Entry
    {
        std::string sourceId;
        std::string mixId; ///< the mix whose strip was soloed (AFL hears its send)
    };

    Mode mode = Mode::pfl;
    std::vector<Entry> soloed;

    bool isActive() const noexcept { return ! soloed.empty(); }
};

/** The solo lane: writes every source's solo gains (0 when not soloed) and soloActive into
    the plan's atomics. Message thread; pure arithmetic on the session. */
void writeListenSolo (Plan& plan, const PlanKeys& keys, const Session& session, const ListenSolo& solo);

/** The continuous lane: recomputes every send, master, ceiling and dim target from the
    Session into the live plan's atomics. Structure must match (same keys). Message thread. */
void writeMixParameters (Plan& plan, const PlanKeys& keys, const Session& session);

} // namespace foldback
