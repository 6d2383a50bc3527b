#pragma once

#include "RealtimeAuditor.h"

#include "Control/SessionPlayer.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

namespace foldback::test
{

/** Two inputs (one stereo), talkback, a count-in click, LISTEN outputs 15-16 and
    `numMixes` mixes sending every source: the session the real-time tests play while they edit it. */
inline Session makeHammerSession (int numMixes)
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
    session.talkback.channels = { 4 };
    session.monitor.outputs = { 15, 16 }; // LISTEN: the engineer's solo renders there
    session.click.countInBars = 1;
    session.click.subdivision = Subdivision::eighths;
    for (int m = 0; m < numMixes; ++m)
    {
        CueMix mix;
        mix.id = "mix" + std::to_string (m);
        mix.outputs = { 2 * m + 1, 2 * m + 2 };
        for (const auto& id : sourceIdsOf (session))
            mix.sends[id] = SendSettings { -6.0, 0.0, false };
        session.mixes.push_back (mix);
    }
    return session;
}

/** One round of the message thread's side: a fader move and the engineer's solo, and every few rounds
    a structural edit (a fifth mix comes and goes, the click changes subdivision), a meter
    read, talkback, transport and locate; then retired plans are freed. `session` follows the structure. */
inline void editSessionOnce (SessionPlayer& player, Session& session, int round, std::mt19937& rng)
{
    std::uniform_real_distribution<double> gain (-40.0, 6.0);
    auto edited = session;
    auto& mix = edited.mixes[static_cast<std::size_t> (round % 4)];
    mix.sends["vox"].gainDb = gain (rng);
    player.updateSession (edited);
    // The engineer's solo on the listen outputs: on, off, PFL and AFL, through the mixes.
    player.setSoloMode ((round % 3) == 0 ? ListenSolo::Mode::afl : ListenSolo::Mode::pfl);
    player.setSolo ("gtr", (round % 7) < 3, mix.id);
    if (round % 11 == 0)
        player.clearSolo();

    if (round % 10 == 0)
    {
        auto structural = makeHammerSession (round % 20 == 0 ? 5 : 4);
        structural.click.subdivision = round % 30 == 0 ? Subdivision::triplets : Subdivision::eighths;
        player.updateSession (structural);
        session = structural;
    }

    // The read side runs alongside: the console's, remotes' and status line's meter reads.
    const auto meters = player.readMeters();
    CHECK (meters.mixes.size() == session.mixes.size());

    player.setTalkback (round % 3 == 0);
    if (round % 50 == 0) player.stop();
    if (round % 50 == 25) player.play();
    if (round % 40 == 0) player.locate (48000 * (round % 5));

    player.reclaim();
}

/** The audio thread's rules: nothing allocated, freed, locked or waited on. */
inline void checkNoRealtimeViolations (const RealtimeViolations& seen)
{
    CHECK (seen.allocations == 0);
    CHECK (seen.deallocations == 0);
    CHECK (seen.locks == 0);
    CHECK (seen.waits == 0);
}

} // namespace foldback::test
