#include <catch2/catch.hpp>

#include "Session/SessionQueries.h"

using namespace foldback;

namespace
{
    Session sessionWithSources()
    {
        Session session;
        session.inputs = { { "vox", "Vocal", { 1 } }, { "keys", "Keys", { 2, 3 } } };
        session.tracks = { { "drums", "Drums", "drums.wav" } };
        session.mixes = { { "singer", "Singer", { 1, 2 } }, { "drummer", "Drummer", { 3 } } };
        return session;
    }
}

TEST_CASE ("Sources are listed as inputs, tracks, then click", "[session]")
{
    const auto session = sessionWithSources();
    CHECK (sourceIdsOf (session) == std::vector<std::string> { "vox", "keys", "drums", "click" });
}

TEST_CASE ("Talkback is a source only when the session has a talkback mic", "[session]")
{
    auto session = sessionWithSources();
    CHECK_FALSE (isSourceOf (session, "talkback"));

    session.talkback.channels = { 8 };
    CHECK (sourceIdsOf (session) == std::vector<std::string> { "vox", "keys", "drums", "click", "talkback" });
    CHECK (isSourceOf (session, "talkback"));
}

TEST_CASE ("Only inputs, tracks and the reserved sources are sources", "[session]")
{
    const auto session = sessionWithSources();
    CHECK (isSourceOf (session, "vox"));
    CHECK (isSourceOf (session, "drums"));
    CHECK (isSourceOf (session, "click"));
    CHECK_FALSE (isSourceOf (session, "clickCountIn"));
    CHECK_FALSE (isSourceOf (session, "singer"));
    CHECK_FALSE (isSourceOf (session, "Vox"));
}

TEST_CASE ("Mixes, inputs and tracks are found by id", "[session]")
{
    auto session = sessionWithSources();

    REQUIRE (findMix (session, "drummer") != nullptr);
    CHECK (findMix (session, "drummer")->outputs == std::vector<int> { 3 });
    CHECK (findMix (session, "bassist") == nullptr);
    CHECK (indexOfMix (session, "drummer") == 1);
    CHECK (indexOfMix (session, "bassist") == -1);

    findMix (session, "singer")->masterDb = -3.0;
    CHECK (session.mixes[0].masterDb == -3.0);

    REQUIRE (findInput (session, "keys") != nullptr);
    CHECK (findInput (session, "keys")->channels == std::vector<int> { 2, 3 });
    CHECK (findInput (session, "drums") == nullptr);
    REQUIRE (findTrack (session, "drums") != nullptr);
    CHECK (findTrack (session, "drums")->file == "drums.wav");
    CHECK (findTrack (session, "vox") == nullptr);
}

TEST_CASE ("Ids are 1 to 64 letters, digits, underscores or hyphens", "[session]")
{
    CHECK (isValidId ("vox"));
    CHECK (isValidId ("Gtr_2-DI"));
    CHECK (isValidId (std::string (64, 'a')));
    CHECK_FALSE (isValidId (""));
    CHECK_FALSE (isValidId (std::string (65, 'a')));
    CHECK_FALSE (isValidId ("lead vox"));
    CHECK_FALSE (isValidId ("a/b"));
    CHECK_FALSE (isValidId ("caf\xc3\xa9"));
}

TEST_CASE ("Click, talkback and clickCountIn are reserved source ids", "[session]")
{
    CHECK (isReservedSourceId ("click"));
    CHECK (isReservedSourceId ("talkback"));
    CHECK (isReservedSourceId ("clickCountIn"));
    CHECK_FALSE (isReservedSourceId ("clicks"));
    CHECK_FALSE (isReservedSourceId ("Click"));
}
