#include "ConsoleTestFixture.h"
#include "Gui/GainFaderLaw.h"
#include "Gui/LevelMeterComponent.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("A strip's meter reads the source's level from the engine", "[gui]")
{
    ConsoleTestFixture console;
    LevelMeterComponent meter;
    meter.setSize (20, 300);
    meter.setReader ([&console] { return console.model.readSourceMeter ("vox"); }, nullptr);
    CHECK (meter.getPeakHoldDb() == LevelMeterComponent::minDb);

    console.processBlock (256, 0.5f); // -6 dBFS on every input
    meter.refresh();
    CHECK (meter.getPeakHoldDb() == Approx (-6.02).margin (0.1));

    const auto mix = console.model.readMixMeter ("singer");
    CHECK (mix.present);
    CHECK (mix.peak > 0.0f);
    CHECK_FALSE (console.model.readSourceMeter ("no-such-source").present);
}

TEST_CASE ("The fader law puts unity at 83 % and is its own inverse", "[gui]")
{
    CHECK (gainFaderLaw::positionToDb (0.0) == -144.0);
    CHECK (gainFaderLaw::positionToDb (1.0) == Approx (12.0));
    CHECK (gainFaderLaw::dbToPosition (0.0) == Approx (0.827).margin (0.001));
    for (double db : { -144.0, -90.0, -40.0, -12.5, 0.0, 6.0, 12.0 })
        CHECK (gainFaderLaw::positionToDb (gainFaderLaw::dbToPosition (db)) == Approx (db));

    CHECK (formatGainDb (-144.0) == "-inf");
    CHECK (formatGainDb (3.0) == "+3.0");
    CHECK (parseGainDb ("-inf") == -144.0);
    CHECK (parseGainDb ("+4.5 dB") == Approx (4.5));
    CHECK (formatPan (-0.4) == "L40");
    CHECK (parsePan ("R25") == Approx (0.25));
    CHECK (parsePan ("C") == 0.0);
}
