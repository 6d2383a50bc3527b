#include "LevelMeterComponent.h"

#include "FoldbackLookAndFeel.h"
#include "Engine/AudioMath.h"

#include <cmath>

namespace foldback
{

namespace
{
    constexpr double peakHoldMs = 2000.0;
    constexpr float segmentPitch = 5.0f; // 4 px of light, 1 px of gap: reads as LEDs

    float toDb (float linear) noexcept
    {
        return juce::jmax (LevelMeterComponent::minDb, gainToDecibels (linear));
    }

    juce::Colour zoneColour (float db) noexcept
    {
        if (db >= LevelMeterComponent::redDb)
            return palette::meterRed;
        if (db >= LevelMeterComponent::amberDb)
            return palette::meterAmber;
        return palette::meterGreen;
    }
}

LevelMeterComponent::LevelMeterComponent()
{
    setOpaque (true);
    setInterceptsMouseClicks (false, false);
}

void LevelMeterComponent::setReader (Reader newReader)
{
    reader = std::move (newReader);
    refresh();
    startTimerHz (framesPerSecond);
}

float LevelMeterComponent::dbToProportion (float db) noexcept
{
    return juce::jlimit (0.0f, 1.0f, (db - minDb) / (maxDb - minDb));
}

void LevelMeterComponent::refresh()
{
    const auto reading = reader ? reader() : MeterReading {};
    present = reading.present;
    peakDb = toDb (reading.peak);
    rmsDb = toDb (reading.rms);

    const double now = juce::Time::getMillisecondCounterHiRes();
    if (peakDb >= peakHoldDb || now > peakHoldUntilMs)
    {
        peakHoldDb = peakDb;
        peakHoldUntilMs = now + peakHoldMs;
    }

    // Repaint only when a segment changes: a silent console costs nothing.
    const float h = static_cast<float> (getHeight());
    const int peakPixels = juce::roundToInt (dbToProportion (peakDb) * h);
    const int rmsPixels = juce::roundToInt (dbToProportion (rmsDb) * h);
    const int holdPixels = juce::roundToInt (dbToProportion (peakHoldDb) * h);
    if (peakPixels != paintedPeak || rmsPixels != paintedRms || holdPixels != paintedHold)
    {
        paintedPeak = peakPixels;
        paintedRms = rmsPixels;
        paintedHold = holdPixels;
        repaint();
    }
}

void LevelMeterComponent::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.fillAll (juce::Colour (0xff030405));

    const float height = bounds.getHeight();
    const float peakTop = height * (1.0f - dbToProportion (peakDb));
    const float rmsTop = height * (1.0f - dbToProportion (rmsDb));

    // Unlit segments are faintly visible, so the meter's extent and zones read even in silence.
    for (float y = height - segmentPitch; y > -segmentPitch; y -= segmentPitch)
    {
        const float segmentDb = minDb + (1.0f - (y + segmentPitch * 0.5f) / height) * (maxDb - minDb);
        const auto colour = zoneColour (segmentDb);
        const auto segment = juce::Rectangle<float> (bounds.getX() + 1.0f, y + 1.0f, bounds.getWidth() - 2.0f, segmentPitch - 1.0f);

        const float centreY = y + segmentPitch * 0.5f;
        if (centreY >= rmsTop)
            g.setColour (colour);
        else if (centreY >= peakTop)
            g.setColour (colour.withAlpha (0.55f)); // between RMS and peak: the transients
        else
            g.setColour (colour.withAlpha (0.13f));
        g.fillRect (segment);
    }

    if (peakHoldDb > minDb)
    {
        const float holdY = height * (1.0f - dbToProportion (peakHoldDb));
        g.setColour (zoneColour (peakHoldDb).brighter (0.3f));
        g.fillRect (bounds.getX(), juce::jmax (0.0f, holdY - 1.5f), bounds.getWidth(), 3.0f);
    }

    // 0 dBFS: a white rule across the meter.
    const float zeroY = height * (1.0f - dbToProportion (0.0f));
    g.setColour (palette::text.withAlpha (0.7f));
    g.fillRect (bounds.getX(), zeroY, bounds.getWidth(), 1.0f);

    if (! present)
    {
        g.setColour (palette::background.withAlpha (0.6f));
        g.fillRect (bounds);
    }
}

} // namespace foldback
