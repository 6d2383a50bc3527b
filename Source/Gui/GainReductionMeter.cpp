#include "GainReductionMeter.h"

#include "FoldbackLookAndFeel.h"
#include "MeterClock.h"

#include <cmath>

namespace foldback
{

namespace
{
    constexpr double holdMs = 1000.0;
    constexpr float labelHeight = 24.0f;
}

GainReductionMeter::GainReductionMeter()
{
    setOpaque (true);
}

GainReductionMeter::~GainReductionMeter()
{
    if (clock != nullptr)
        clock->remove (*this);
}

void GainReductionMeter::setReader (std::function<float()> newReader, MeterClock* newClock)
{
    if (clock != nullptr)
        clock->remove (*this);
    reader = std::move (newReader);
    clock = newClock;
    refresh();
    if (clock != nullptr)
        clock->add (*this, [this] { refresh(); });
}

void GainReductionMeter::refresh()
{
    const float previousReduction = reductionDb, previousHeld = heldDb;
    reductionDb = juce::jlimit (-rangeDb, 0.0f, reader ? reader() : 0.0f);

    const double now = juce::Time::getMillisecondCounterHiRes();
    if (reductionDb <= heldDb || now > holdUntilMs)
    {
        heldDb = reductionDb;
        holdUntilMs = now + holdMs;
    }

    if (std::abs (previousReduction - reductionDb) > 0.05f || std::abs (previousHeld - heldDb) > 0.05f)
        repaint();
}

void GainReductionMeter::paint (juce::Graphics& g)
{
    g.fillAll (palette::panel);
    auto bounds = getLocalBounds().toFloat();
    auto label = bounds.removeFromBottom (labelHeight);
    auto column = bounds.reduced (bounds.getWidth() * 0.25f, 0.0f);

    g.setColour (juce::Colour (0xff030405));
    g.fillRect (column);

    const float depth = column.getHeight() * (-reductionDb / rangeDb);
    const bool hard = reductionDb < -6.0f;
    g.setColour (hard ? palette::meterRed : palette::meterAmber);
    g.fillRect (column.withHeight (depth));

    if (heldDb < 0.0f)
    {
        const float heldY = column.getY() + column.getHeight() * (-heldDb / rangeDb);
        g.fillRect (column.getX(), heldY - 1.5f, column.getWidth(), 3.0f);
    }

    // Ticks at 3, 6, 12 and 24 dB, so a glance reads the depth without the figures.
    g.setColour (palette::outline);
    for (float tick : { 3.0f, 6.0f, 12.0f, 24.0f })
        g.fillRect (column.getX(), column.getY() + column.getHeight() * tick / rangeDb - 0.5f, column.getWidth(), 1.0f);

    g.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    g.setColour (heldDb < -0.05f ? palette::meterAmber : palette::dimText);
    g.drawText (heldDb < -0.05f ? juce::String (heldDb, 1) : juce::String ("0.0"), label, juce::Justification::centred);
}

} // namespace foldback
