#include "FaderScale.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"

namespace foldback
{

namespace
{
    constexpr float tickLength = 5.0f;

    juce::String tickLabel (double db)
    {
        if (db <= sessionLimits::minGainDb)
            return "-inf";
        return (db > 0.0 ? "+" : "") + juce::String (juce::roundToInt (db));
    }
}

const std::vector<double>& FaderScale::tickValues()
{
    static const std::vector<double> values { 12.0, 6.0, 0.0, -6.0, -12.0, -20.0, -30.0, -40.0, -60.0, sessionLimits::minGainDb };
    return values;
}

FaderScale::FaderScale (juce::Slider& faderToFollow) : fader (faderToFollow)
{
    setInterceptsMouseClicks (false, false);
}

void FaderScale::setShowsLabels (bool shouldShow)
{
    labelsShown = shouldShow;
    repaint();
}

std::vector<FaderScale::Tick> FaderScale::getTicks() const
{
    std::vector<Tick> ticks;
    // The fader's positions are in its own coordinates; both sit in the same parent.
    const float offset = static_cast<float> (fader.getY() - getY());
    const float labelHeight = fontSizes::scale;
    float lastLabelY = -1.0e9f;
    for (double db : tickValues())
    {
        const float y = static_cast<float> (fader.getPositionOfValue (db)) + offset;
        Tick tick { db, y, {} };
        if (labelsShown && (db == 0.0 || y - lastLabelY >= labelHeight))
        {
            // 0 dB always shows: drop the label above it instead if the two would touch.
            if (db == 0.0 && ! ticks.empty() && y - lastLabelY < labelHeight && ticks.back().label.isNotEmpty())
                ticks.back().label = {};
            tick.label = tickLabel (db);
            lastLabelY = y;
        }
        ticks.push_back (tick);
    }
    return ticks;
}

void FaderScale::paint (juce::Graphics& g)
{
    const float width = static_cast<float> (getWidth());
    g.setFont (juce::Font (fontSizes::scale, juce::Font::bold));
    for (const auto& tick : getTicks())
    {
        const bool unity = tick.db == 0.0;
        g.setColour (unity ? palette::text : palette::dimText);
        const float length = unity ? tickLength + 3.0f : tickLength;
        g.fillRect (width - length, tick.y - 0.5f, length, unity ? 2.0f : 1.0f);
        if (tick.label.isNotEmpty())
            g.drawFittedText (tick.label, 0, juce::roundToInt (tick.y - fontSizes::scale * 0.5f),
                              juce::roundToInt (width - tickLength - 2.0f), juce::roundToInt (fontSizes::scale),
                              juce::Justification::centredRight, 1, 0.7f);
    }
}

} // namespace foldback
