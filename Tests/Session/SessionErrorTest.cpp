#include <catch2/catch.hpp>

#include "Session/SessionError.h"

using namespace foldback;

TEST_CASE ("An error reads file, pointer and message separated by colons", "[session]")
{
    const SessionError error { "band.json", "/mixes/2/sends/vox/gainDb", "must be a number from -144 to 12, got 40" };
    CHECK (error.toString() == "band.json: /mixes/2/sends/vox/gainDb: must be a number from -144 to 12, got 40");
}

TEST_CASE ("An error about the whole file has no pointer part", "[session]")
{
    const SessionError error { "band.json", "", "the file is empty; expected a JSON object" };
    CHECK (error.toString() == "band.json: the file is empty; expected a JSON object");
}
