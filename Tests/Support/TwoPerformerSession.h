#pragma once

#include "Session/Session.h"

#include <string>

namespace foldback::test
{

/** The small session the console and remote tests build on: two live inputs (vox mono,
    gtr stereo), one backing track whose file does not exist (so it is offline), click and
    talkback; a singer's mix (vox, gtr, click) and a guitarist's (gtr, master -2 dB). */
inline Session makeTwoPerformerSession (const std::string& name)
{
    Session session;
    session.name = name;
    session.inputs = { { "vox", "Lead vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
    session.tracks = { { "drums", "Drum loop", "no-such-folder/drums.wav", 0.0, -2.0 } };
    session.talkback.channels = { 8 };
    session.click.tempoMap = { { 1, 120.0, 4, 4 } };

    CueMix singer;
    singer.id = "singer";
    singer.name = "Singer";
    singer.outputs = { 1, 2 };
    singer.sends["vox"] = { 3.0, 0.0, false };
    singer.sends["gtr"] = { -8.0, -0.4, false };
    singer.sends["click"] = { -12.0, 0.0, false };

    CueMix guitarist;
    guitarist.id = "guitarist";
    guitarist.name = "Guitarist";
    guitarist.outputs = { 3, 4 };
    guitarist.sends["gtr"] = { 0.0, 0.0, false };
    guitarist.masterDb = -2.0;

    session.mixes = { singer, guitarist };
    return session;
}

} // namespace foldback::test
