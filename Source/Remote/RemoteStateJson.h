#pragma once

#include "Session/Session.h"

#include <string>
#include <vector>

namespace foldback
{

/** The sources a performer's remote lists for a mix: what the engineer sends to it, in
    the session's order, with the click last; never talkback (the engineer's). */
std::vector<std::string> remoteSourceIdsOf (const Session& session, const CueMix& mix);

/** The web page's "state" message for a mix (docs/remotes.md). */
std::string mixStateJson (const Session& session, const CueMix& mix);

/** One source's level for the "meters" message. */
struct RemoteMeterLevel
{
    std::string sourceId;
    float peak = 0.0f; ///< linear
};

/** The web page's "meters" message: peaks in dBFS, remoteSilenceDb for silence;
    limiterGainDb is rounded to 0.1 dB. */
/** The count-in for the performer's page: while counting in, the bar (-2, -1) and beat. */
struct RemoteCountIn
{
    bool active = false;
    int bar = 0, beat = 0;
};

/** The meters message; with a count-in running it carries "countIn": { "bar", "beat" }. */
std::string metersJson (const std::vector<RemoteMeterLevel>& sources, float mixPeak, float limiterGainDb,
                        const RemoteCountIn& countIn = {});

/** The remotes' silence: lower levels are sent as this, so JSON and OSC never see -inf. */
constexpr float remoteSilenceDb = -120.0f;

/** Linear peak to dBFS for the remotes: gainToDecibels(), floored at remoteSilenceDb and
    rounded to 0.1 dB. Any thread. */
double remotePeakDb (float peak) noexcept;

} // namespace foldback
