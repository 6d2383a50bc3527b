#pragma once

#include "Session/Session.h"

#include <string>

namespace foldback::testdata
{

/** A valid session in which every field differs from its Session.h default. */
inline Session sessionWithEveryFieldSet()
{
    Session session;
    session.name = "Live at the Roundhouse \xe2\x80\x94 day 2"; // an em dash: UTF-8 survives
    session.audio = { DeviceType::jack, "system:capture", "system:playback", 96000.0, 128 };
    session.inputs = { { "vox", "Lead \"vocal\"", { 1 } },
                       { "keys", "Keys L/R", { 3, 4 } } };
    session.tracks = { { "drums", "Drum stem", "stems/drums.wav", -1.25, -3.5 },
                       { "bass", "Bass stem", "/abs/path/bass.wav", 0.1, 2.0 } };
    session.click.tempoMap = { { 1, 96.5, 6, 8 }, { 5, 132.0, 7, 16 }, { 12, 20.0, 1, 1 } };
    session.click.sound = ClickSound::custom;
    session.click.customFile = "clicks/tick.wav";
    session.click.subdivision = Subdivision::triplets;
    session.click.accentDownbeat = false;
    session.click.accentDb = 12.0;
    session.click.subdivisionDb = -0.1;
    session.click.countInBars = 2;
    session.talkback = { { 8 }, -30.0 };
    session.transport = { true, 1.0 / 3.0, 17.875, TransportSync::jack };

    CueMix singer;
    singer.id = "singer";
    singer.name = "Singer";
    singer.outputs = { 2, 1 };
    singer.masterDb = -2.5;
    singer.limiterCeilingDb = -6.0;
    singer.clickMode = ClickMode::countInOnly;
    singer.sends = { { "vox", { 4.0, -0.25, false } },
                     { "keys", { -12.0, 1.0, true } },
                     { "drums", { -144.0, -1.0, false } },
                     { "click", { 12.0, 0.0, false } },
                     { "talkback", { 0.1, 0.0, true } } };
    singer.performer.masterOffsetDb = 2.5;
    singer.performer.sends = { { "vox", { 4.0, -0.5, false } }, { "keys", { -156.0, 2.0, true } } };
    singer.remote = { "singer-token-0123456789", { "gain", "mute" } };

    CueMix drummer;
    drummer.id = "drummer";
    drummer.name = "";
    drummer.outputs = { 7 };
    drummer.masterDb = 12.0;
    drummer.limiterCeilingDb = -60.0;
    drummer.sends = { { "bass", { -0.000001, 0.5, false } } };

    drummer.remote = { "", {} };

    session.mixes = { singer, drummer };
    session.monitor.outputs = { 9, 10 };
    session.remote = { true, "127.0.0.1", 18470, 19470, "engineer_TOKEN-abcdefgh" };
    return session;
}

inline std::string testDataPath (const std::string& relative)
{
    return std::string (FOLDBACK_TEST_DATA_DIR) + "/" + relative;
}

} // namespace foldback::testdata
