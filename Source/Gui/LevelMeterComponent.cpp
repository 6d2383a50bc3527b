#include "LevelMeterComponent.h"

#include "FoldbackLookAndFeel.h"
#include "MeterClock.h"
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

LevelMeterComponent::~LevelMeterComponent()
{
    if (clock != nullptr)
        clock->remove (*this);
}

void LevelMeterComponent::setReader (Reader newReader, MeterClock* newClock)
{
    if (clock != nullptr)
        clock->remove (*this);
    reader = std::move (newReader);
    clock = newClock;
    refresh();
    if (clock != nullptr)
        clock->add (*this, [this] { refresh(); });
}

float LevelMeterComponent::dbToProportion (float db) noexcept
{
    return juce::jlimit (0.0f, 1.0f, (db - minDb) / (maxDb - minDb));
}

int LevelMeterComponent::litSegments (float db, float height) noexcept
{
    // A segment is lit when its centre is at or below the level (paintColumn).
    return static_cast<int> (std::floor (height * dbToProportion (db) / segmentPitch + 0.5f));
}

void LevelMeterComponent::refresh()
{
    const auto reading = reader ? reader() : MeterReading {};
    const int columns = reading.numChannels == 2 ? 2 : 1;
    bool repaintAll = columns != numColumns || reading.present != present;
    numColumns = columns;
    present = reading.present;

    const double now = juce::Time::getMillisecondCounterHiRes();
    const float h = static_cast<float> (getHeight());
    juce::RectangleList<int> dirty;
    const auto band = [this, h] (float fromY, float toY)
    {
        const int top = static_cast<int> (std::floor (juce::jmin (fromY, toY))) - 2;
        const int bottom = static_cast<int> (std::ceil (juce::jmax (fromY, toY))) + 2;
        return juce::Rectangle<int> (0, top, getWidth(), bottom - top).getIntersection ({ 0, 0, getWidth(), juce::roundToInt (h) });
    };
    const auto segmentsTop = [h] (int lit) { return h - static_cast<float> (lit) * segmentPitch; };

    for (int c = 0; c < 2; ++c)
    {
        auto& column = channels[static_cast<std::size_t> (c)];
        // A mono meter's second column follows its first, so the peak-hold getters agree.
        const int from = c < numColumns ? c : 0;
        column.peakDb = toDb (reading.channelPeak[from]);
        column.rmsDb = toDb (reading.channelRms[from]);
        if (column.peakDb >= column.peakHoldDb || now > column.peakHoldUntilMs)
        {
            column.peakHoldDb = column.peakDb;
            column.peakHoldUntilMs = now + peakHoldMs;
        }

        // Only what a viewer can see moving counts: a whole LED segment for the peak and
        // the RMS, a pixel for the hold bar. A silent console costs nothing, and a moving
        // meter repaints only the rows that changed.
        const int peakLit = litSegments (column.peakDb, h);
        const int rmsLit = litSegments (column.rmsDb, h);
        const int holdY = juce::roundToInt (h * (1.0f - dbToProportion (column.peakHoldDb)));
        if (c < numColumns)
        {
            if (peakLit != column.paintedPeak)
                dirty.add (band (segmentsTop (peakLit), segmentsTop (juce::jmax (0, column.paintedPeak))));
            if (rmsLit != column.paintedRms)
                dirty.add (band (segmentsTop (rmsLit), segmentsTop (juce::jmax (0, column.paintedRms))));
            if (holdY != column.paintedHold)
                dirty.add (band (static_cast<float> (holdY), static_cast<float> (column.paintedHold < 0 ? holdY : column.paintedHold)));
            repaintAll = repaintAll || column.paintedPeak < 0;
        }
        column.paintedPeak = peakLit;
        column.paintedRms = rmsLit;
        column.paintedHold = holdY;
    }

    if (repaintAll)
        dirty = getLocalBounds();
    if (! dirty.isEmpty())
    {
        ++repaintsAsked;
        lastRepaintArea = dirty;
        for (const auto& area : dirty)
            repaint (area);
    }
}

void LevelMeterComponent::paint (juce::Graphics& g)
{
    const auto bounds = getLocalBounds().toFloat();
    g.fillAll (juce::Colour (0xff030405));

    if (numColumns == 2)
    {
        // L and R, a pixel apart: the gap is the meter's own black.
        const float half = std::floor ((bounds.getWidth() - 1.0f) * 0.5f);
        paintColumn (g, channels[0], bounds.withWidth (half + 1.0f));
        paintColumn (g, channels[1], bounds.withLeft (bounds.getRight() - half - 1.0f));
    }
    else
    {
        paintColumn (g, channels[0], bounds);
    }

    // 0 dBFS: a white rule across the meter.
    const float zeroY = bounds.getHeight() * (1.0f - dbToProportion (0.0f));
    g.setColour (palette::text.withAlpha (0.7f));
    g.fillRect (bounds.getX(), zeroY, bounds.getWidth(), 1.0f);

    if (! present)
    {
        g.setColour (palette::background.withAlpha (0.6f));
        g.fillRect (bounds);
    }
}

void LevelMeterComponent::paintColumn (juce::Graphics& g, const Column& column, juce::Rectangle<float> bounds) const
{
    const float height = bounds.getHeight();
    const float peakTop = height * (1.0f - dbToProportion (column.peakDb));
    const float rmsTop = height * (1.0f - dbToProportion (column.rmsDb));

    // Unlit segments are faintly visible, so the meter's extent and zones read even in silence.
    // A repaint asks for a few rows (refresh()): only the segments in them are drawn.
    const auto clip = g.getClipBounds().toFloat();
    for (float y = height - segmentPitch; y > -segmentPitch; y -= segmentPitch)
    {
        if (y + segmentPitch < clip.getY() || y > clip.getBottom())
            continue;
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

    if (column.peakHoldDb > minDb)
    {
        const float holdY = height * (1.0f - dbToProportion (column.peakHoldDb));
        g.setColour (zoneColour (column.peakHoldDb).brighter (0.3f));
        g.fillRect (bounds.getX(), juce::jmax (0.0f, holdY - 1.5f), bounds.getWidth(), 3.0f);
    }
}

} // namespace foldback
