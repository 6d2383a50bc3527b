#include <catch2/catch.hpp>

#include "Session/SessionEnums.h"
#include "Session/SessionStructure.h"
#include "SessionTestData.h"

using namespace foldback;

TEST_CASE ("Each enum's names read back as the same value, and nothing else reads", "[session][schema]")
{
    const auto roundTrips = [] (auto value) { return enumFromString<decltype (value)> (toString (value)) == value; };

    for (auto type : { DeviceType::jack, DeviceType::alsa, DeviceType::virtualDevice })
        CHECK (roundTrips (type));

    for (std::size_t i = 0; i < namesOf<ClickSound>().size(); ++i)
        CHECK (roundTrips (static_cast<ClickSound> (i)));

    for (std::size_t i = 0; i < namesOf<Subdivision>().size(); ++i)
        CHECK (roundTrips (static_cast<Subdivision> (i)));

    CHECK (toString (ClickMode::countInOnly) == "countInOnly");
    CHECK_FALSE (enumFromString<ClickMode> ("countinonly").has_value());
    CHECK_FALSE (enumFromString<DeviceType> ("").has_value());
}

TEST_CASE ("Parameter edits keep a session's structure, and every other edit changes it", "[session][schema]")
{
    const auto session = testdata::sessionWithEveryFieldSet();
    CHECK (sameStructure (session, session));

    const auto same = [&session] (auto edit)
    {
        auto edited = session;
        edit (edited);
        return sameStructure (session, edited);
    };

    CHECK (same ([] (Session& s) { s.name = "Renamed"; }));
    CHECK (same ([] (Session& s) { s.tracks[0].gainDb = -20.0; s.tracks[0].name = "Other"; }));
    CHECK (same ([] (Session& s) { s.talkback.dimDb = -40.0; }));
    CHECK (same ([] (Session& s) { s.mixes[0].masterDb = -10.0; s.mixes[0].limiterCeilingDb = -3.0; s.mixes[0].name = "x"; }));
    CHECK (same ([] (Session& s) { s.mixes[0].sends["vox"] = { -6.0, 0.5, true }; }));
    CHECK (same ([] (Session& s) { s.mixes[0].performer.masterOffsetDb = -6.0; s.mixes[0].performer.sends.clear(); }));
    CHECK (same ([] (Session& s) { s.mixes[0].remote.allow.clear(); s.remote.httpPort = 9000; }));

    CHECK_FALSE (same ([] (Session& s) { s.mixes[0].clickMode = ClickMode::always; }));
    CHECK_FALSE (same ([] (Session& s) { s.mixes[0].outputs = { 9, 10 }; }));
    CHECK_FALSE (same ([] (Session& s) { s.mixes[0].sends.erase ("vox"); }));
    CHECK_FALSE (same ([] (Session& s) { s.mixes.pop_back(); }));
    CHECK_FALSE (same ([] (Session& s) { s.inputs[0].name = "Renamed"; }));
    CHECK_FALSE (same ([] (Session& s) { s.tracks[0].offsetSeconds = 2.0; }));
    CHECK_FALSE (same ([] (Session& s) { s.click.subdivision = Subdivision::none; }));
    CHECK_FALSE (same ([] (Session& s) { s.click.tempoMap[0].bpm = 100.0; }));
    CHECK_FALSE (same ([] (Session& s) { s.talkback.channels.clear(); }));
    CHECK_FALSE (same ([] (Session& s) { s.transport.loopEnabled = false; }));
    CHECK_FALSE (same ([] (Session& s) { s.transport.sync = TransportSync::internal; }));
    CHECK_FALSE (same ([] (Session& s) { s.audio.bufferSize = 512; }));
    CHECK_FALSE (same ([] (Session& s) { s.monitor.outputs = { 15, 16 }; }));
}
