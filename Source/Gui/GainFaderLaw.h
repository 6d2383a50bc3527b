#pragma once

#include "Session/SessionLimits.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <cmath>

namespace foldback
{

/** How a gain fader's travel maps to dB. A straight dB scale from -144 to +12 would give
    the useful top 40 dB barely a quarter of the travel; this law gives them three quarters
    (-40 to +12 dB linear in dB, unity at 83 %) and squeezes -144 ("off") to -40 dB into the
    bottom quarter, like a console fader. Pure functions: any thread. */
namespace gainFaderLaw
{
    constexpr double kneePosition = 0.25;
    constexpr double kneeDb = -40.0;

    inline double positionToDb (double position)
    {
        using namespace sessionLimits;
        position = juce::jlimit (0.0, 1.0, position);
        if (position >= kneePosition)
            return kneeDb + (position - kneePosition) / (1.0 - kneePosition) * (maxGainDb - kneeDb);
        return minGainDb + position / kneePosition * (kneeDb - minGainDb);
    }

    inline double dbToPosition (double db)
    {
        using namespace sessionLimits;
        db = juce::jlimit (minGainDb, maxGainDb, db);
        if (db >= kneeDb)
            return kneePosition + (db - kneeDb) / (maxGainDb - kneeDb) * (1.0 - kneePosition);
        return (db - minGainDb) / (kneeDb - minGainDb) * kneePosition;
    }

    /** The range for a Slider whose value is the gain in dB, stepped to 0.1 dB. */
    inline juce::NormalisableRange<double> makeRange()
    {
        return { sessionLimits::minGainDb, sessionLimits::maxGainDb,
                 [] (double, double, double p) { return positionToDb (p); },
                 [] (double, double, double db) { return dbToPosition (db); },
                 [] (double, double, double db) { return juce::jlimit (sessionLimits::minGainDb, sessionLimits::maxGainDb,
                                                                       std::round (db * 10.0) / 10.0); } };
    }
}

/** "-inf", "0.0", "+3.5", "-12.0": gains as the console prints them (without the unit,
    so they stay large in a narrow strip). */
inline juce::String formatGainDb (double db)
{
    if (db <= sessionLimits::minGainDb)
        return "-inf";
    return (db > 0.04 ? "+" : "") + juce::String (db, 1);
}

/** "C", "L40", "R100": pan as a percentage to one side. */
inline juce::String formatPan (double pan)
{
    const int percent = juce::roundToInt (std::abs (pan) * 100.0);
    if (percent == 0)
        return "C";
    return (pan < 0.0 ? "L" : "R") + juce::String (percent);
}

/** Parses what formatGainDb prints, and plain numbers, for typed entry. */
inline double parseGainDb (const juce::String& text)
{
    const auto trimmed = text.trim().toLowerCase();
    if (trimmed.startsWith ("-inf") || trimmed == "off")
        return sessionLimits::minGainDb;
    return juce::jlimit (sessionLimits::minGainDb, sessionLimits::maxGainDb,
                         trimmed.retainCharacters ("0123456789.-+").getDoubleValue());
}

/** Parses what formatPan prints ("L40", "C", "R5") and plain numbers in [-1, 1]. */
inline double parsePan (const juce::String& text)
{
    const auto trimmed = text.trim().toUpperCase();
    if (trimmed.startsWith ("C"))
        return 0.0;
    if (trimmed.startsWith ("L") || trimmed.startsWith ("R"))
    {
        const double amount = juce::jlimit (0.0, 100.0, trimmed.substring (1).getDoubleValue()) / 100.0;
        return trimmed.startsWith ("L") ? -amount : amount;
    }
    return juce::jlimit (-1.0, 1.0, trimmed.getDoubleValue());
}

} // namespace foldback
