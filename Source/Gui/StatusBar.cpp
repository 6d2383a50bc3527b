#include "StatusBar.h"

#include "FoldbackLookAndFeel.h"

namespace foldback
{

namespace
{
    constexpr double noticeMs = 10000.0;
}

StatusBar::StatusBar (ConsoleModel& modelToRead) : model (modelToRead)
{
    setComponentID ("status");
    setOpaque (true);
    refresh();
    startTimerHz (4);
}

void StatusBar::showNotice (const juce::String& text)
{
    notice = text.replaceCharacters ("\n", " ");
    noticeUntilMs = juce::Time::getMillisecondCounterHiRes() + noticeMs;
    repaint();
}

void StatusBar::refresh()
{
    const auto device = model.readDeviceStatus();
    const auto underruns = model.getPlayer().getUnderrunCount();

    juce::String text;
    if (device.open)
    {
        const double latencyMs = device.sampleRate > 0.0 ? 1000.0 * device.latencySamples / device.sampleRate : 0.0;
        text << device.typeName << " '" << device.deviceName << "'   "
             << juce::String (device.sampleRate, 0) << " Hz   "
             << device.bufferSize << " frames   "
             << "latency " << juce::String (latencyMs, 1) << " ms   "
             << "DSP " << juce::String (device.cpuLoad * 100.0, 1) << " %   "
             << "xruns " << (device.xruns < 0 ? juce::String ("-") : juce::String (device.xruns)) << "   ";
    }
    else
    {
        text << "no audio device   ";
    }
    text << "underruns " << juce::String (static_cast<juce::int64> (underruns));

    const bool nowTrouble = ! device.open || device.xruns > 0 || underruns > 0 || device.cpuLoad > 0.7;
    if (text != status || nowTrouble != trouble)
    {
        status = text;
        trouble = nowTrouble;
        repaint();
    }
    if (notice.isNotEmpty() && juce::Time::getMillisecondCounterHiRes() > noticeUntilMs)
    {
        notice.clear();
        repaint();
    }
}

void StatusBar::paint (juce::Graphics& g)
{
    g.fillAll (palette::panel);
    g.setColour (palette::outline);
    g.fillRect (0, 0, getWidth(), 1);

    auto area = getLocalBounds().reduced (12, 0);
    g.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    g.setColour (trouble ? palette::meterAmber : palette::text);
    g.drawText (status, area.removeFromLeft (area.getWidth() * 3 / 5), juce::Justification::centredLeft, true);

    g.setColour (palette::meterAmber);
    g.drawText (notice, area, juce::Justification::centredRight, true);
}

} // namespace foldback
