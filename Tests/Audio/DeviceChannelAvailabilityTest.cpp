#include "Audio/ChannelAvailability.h"

#include <catch2/catch.hpp>

using namespace foldback;

TEST_CASE ("Channels beyond the device's are named with their input or mix, one warning each", "[device]")
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } }, { "keys", "Keys", { 2, 3 } } };
    session.talkback.channels = { 4 };
    CueMix singer;
    singer.id = "singer";
    singer.outputs = { 1, 2 };
    CueMix drummer;
    drummer.id = "drummer";
    drummer.outputs = { 2, 3 };
    session.mixes = { singer, drummer };

    const auto warnings = findMissingChannels (session, 2, 2);

    REQUIRE (warnings.size() == 3);
    CHECK (warnings[0] == "input 'keys' uses input channel 3, but the device has 2 inputs: that channel is silent");
    CHECK (warnings[1] == "the talkback mic uses input channel 4, but the device has 2 inputs: that channel is silent");
    CHECK (warnings[2] == "mix 'drummer' uses output channel 3, but the device has 2 outputs: that channel is not heard");
}

TEST_CASE ("A session that fits the device gets no channel warnings", "[device]")
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } } };
    CueMix singer;
    singer.id = "singer";
    session.mixes = { singer };
    CHECK (findMissingChannels (session, 1, 2).empty());
    CHECK (findMissingChannels (session, 0, 1).size() == 2);
}
