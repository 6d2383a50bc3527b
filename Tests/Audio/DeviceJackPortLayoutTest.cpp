#include "Audio/JackPortLayout.h"

#include <catch2/catch.hpp>

using namespace foldback;

TEST_CASE ("JACK ports are named after the inputs and mixes on their channels", "[device][jack]")
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } }, { "gtr", "Guitar", { 3, 4 } } };
    session.talkback.channels = { 6 };
    CueMix singer;
    singer.id = "singer";
    singer.outputs = { 1, 2 };
    CueMix monitor;
    monitor.id = "wedge";
    monitor.outputs = { 5 };
    session.mixes = { singer, monitor };

    const auto layout = makeJackPortLayout (session);

    CHECK (layout.clientName == "foldback");
    CHECK (layout.autoConnect);
    CHECK (layout.inputs == std::vector<std::string> { "vox", "", "gtr_L", "gtr_R", "", "talkback" });
    CHECK (layout.outputs == std::vector<std::string> { "singer_L", "singer_R", "", "", "wedge" });
}

TEST_CASE ("JACK port names never collide, and a channel used twice keeps its first name", "[device][jack]")
{
    Session session;
    session.inputs = { { "vox", "Vocal", { 1 } }, { "vox2", "Double", { 1 } }, { "singer_L", "Odd name", { 2 } } };
    CueMix vox;
    vox.id = "vox";
    vox.outputs = { 1 };
    CueMix singer;
    singer.id = "singer";
    singer.outputs = { 2, 3 };
    session.mixes = { vox, singer };

    const auto layout = makeJackPortLayout (session);

    CHECK (layout.inputs == std::vector<std::string> { "vox", "singer_L" });
    CHECK (layout.outputs == std::vector<std::string> { "vox_2", "singer_L_2", "singer_R" });
}

TEST_CASE ("A session without inputs or mixes registers no JACK ports", "[device][jack]")
{
    const auto layout = makeJackPortLayout (Session {});
    CHECK (layout.inputs.empty());
    CHECK (layout.outputs.empty());
}
