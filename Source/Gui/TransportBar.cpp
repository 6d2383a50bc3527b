#include "TransportBar.h"

#include "Engine/TempoMap.h"
#include "FoldbackLookAndFeel.h"

#include <cmath>

namespace foldback
{

namespace
{
    void styleLabel (juce::Label& label, float size, bool bold, juce::Colour colour,
                     juce::Justification justification = juce::Justification::centred)
    {
        label.setFont (juce::Font (size, bold ? juce::Font::bold : juce::Font::plain));
        label.setColour (juce::Label::textColourId, colour);
        label.setJustificationType (justification);
    }

    void styleField (juce::Label& label)
    {
        styleLabel (label, fontSizes::body, true, palette::text);
        label.setEditable (true);
        label.setColour (juce::Label::backgroundColourId, palette::background);
        label.setColour (juce::Label::outlineColourId, palette::outline);
    }

    juce::String formatTime (double seconds)
    {
        const bool negative = seconds < 0.0;
        seconds = std::abs (seconds);
        const int minutes = static_cast<int> (seconds / 60.0);
        const double rest = seconds - minutes * 60.0;
        return (negative ? "-" : "") + juce::String (minutes) + ":" + (rest < 10.0 ? "0" : "") + juce::String (rest, 1);
    }
}

TransportBar::TransportBar (ConsoleModel& modelToDrive) : model (modelToDrive)
{
    setComponentID ("transport");
    setOpaque (true);

    toStart.setName ("toStart");
    toStart.setTooltip ("Return to bar 1");
    toStart.onClick = [this] { locateToBar (1); };
    play.setName ("play");
    play.setTooltip ("Play, after the session's count-in (space)");
    play.setColour (juce::TextButton::buttonOnColourId, palette::play);
    play.onClick = [this] { model.getPlayer().play(); };
    stop.setName ("stop");
    stop.setTooltip ("Stop (space)");
    stop.onClick = [this] { model.getPlayer().stop(); };
    loop.setName ("loop");
    loop.setTooltip ("Loop between the bars on the right");
    loop.setColour (juce::TextButton::buttonOnColourId, palette::accent);
    loop.onClick = [this]
    {
        const auto& transport = model.getSession().transport;
        setLoop (! transport.loopEnabled, barAtSeconds (transport.loopStartSeconds), barAtSeconds (transport.loopEndSeconds));
    };
    for (auto* button : { &toStart, &play, &stop, &loop })
        addAndMakeVisible (button);

    styleLabel (barBeatLabel, fontSizes::display, true, palette::text);
    styleLabel (timeLabel, fontSizes::name, true, palette::dimText);
    styleLabel (tempoLabel, fontSizes::name, true, palette::text);
    styleLabel (stateLabel, fontSizes::body, true, palette::play);
    styleLabel (meterLabel, fontSizes::name, true, palette::dimText);
    barBeatLabel.setComponentID ("position");
    tempoLabel.setComponentID ("tempo");
    for (auto* label : { &barBeatLabel, &timeLabel, &tempoLabel, &stateLabel, &meterLabel })
    {
        label->setMinimumHorizontalScale (0.75f); // squeeze a long figure a little, never wrap it
        addAndMakeVisible (label);
    }

    styleField (loopFrom);
    styleField (loopTo);
    styleLabel (loopDash, fontSizes::body, false, palette::dimText);
    loopDash.setText ("to", juce::dontSendNotification);
    loopFrom.setTooltip ("Loop start bar");
    loopTo.setTooltip ("Loop end bar (the loop stops before it)");
    loopFrom.onTextChange = [this]
    {
        const auto& transport = model.getSession().transport;
        setLoop (transport.loopEnabled, loopFrom.getText().getIntValue(), barAtSeconds (transport.loopEndSeconds));
    };
    loopTo.onTextChange = [this]
    {
        const auto& transport = model.getSession().transport;
        setLoop (transport.loopEnabled, barAtSeconds (transport.loopStartSeconds), loopTo.getText().getIntValue());
    };

    styleLabel (gotoTitle, fontSizes::small, false, palette::dimText);
    gotoTitle.setText ("GO TO BAR", juce::dontSendNotification);
    styleField (gotoBar);
    gotoBar.setText ("1", juce::dontSendNotification);
    gotoBar.setTooltip ("Type a bar and press Return to locate there");
    gotoBar.onTextChange = [this] { locateToBar (juce::jmax (1, gotoBar.getText().getIntValue())); };

    styleLabel (countInTitle, fontSizes::small, false, palette::dimText);
    countInTitle.setText ("COUNT-IN", juce::dontSendNotification);
    countIn.setName ("countIn");
    countIn.addItem ("none", 1);
    for (int bars = 1; bars <= 8; ++bars)
        countIn.addItem (juce::String (bars) + (bars == 1 ? " bar" : " bars"), bars + 1);
    countIn.setTooltip ("Bars of click before every roll");
    countIn.onChange = [this]
    {
        const int bars = countIn.getSelectedId() - 1;
        if (bars >= 0)
            model.edit ("Set count-in", [bars] (Session& s) { s.click.countInBars = bars; });
    };
    for (auto* c : std::initializer_list<juce::Component*> { &loopFrom, &loopTo, &loopDash, &gotoTitle, &gotoBar, &countInTitle, &countIn })
        addAndMakeVisible (c);

    sessionChanged();
    refreshPosition();
    model.addListener (this);
    startTimerHz (30);
}

TransportBar::~TransportBar()
{
    model.removeListener (this);
}

void TransportBar::togglePlayStop()
{
    const auto& transport = model.getEngine().getTransport();
    if (transport.readRollingForDisplay() || transport.readCountingInForDisplay())
        model.getPlayer().stop();
    else
        model.getPlayer().play();
}

int TransportBar::barAtSeconds (double seconds) const
{
    // Loop points are stored in seconds and need not sit on a bar line: show the nearest.
    const auto& map = model.getPlayer().getTempoMap();
    const auto sample = static_cast<std::int64_t> (std::llround (seconds * map.getSampleRate()));
    const int bar = map.barBeatAt (sample).bar;
    return sample - map.sampleOfBar (bar) > map.sampleOfBar (bar + 1) - sample ? bar + 1 : bar;
}

void TransportBar::locateToBar (int bar)
{
    model.getPlayer().locate (model.getPlayer().getTempoMap().sampleOfBar (bar));
    refreshPosition();
}

void TransportBar::setLoop (bool enabled, int startBar, int endBar)
{
    const auto& map = model.getPlayer().getTempoMap();
    startBar = juce::jmax (1, startBar);
    if (endBar <= startBar)
        endBar = startBar + 4; // a loop must have a length: offer four bars rather than refuse

    const double start = map.secondsAt (map.sampleOfBar (startBar));
    const double end = map.secondsAt (map.sampleOfBar (endBar));
    model.edit (enabled ? "Loop bars " + std::to_string (startBar) + " to " + std::to_string (endBar) : "Loop off",
                [enabled, start, end] (Session& s)
                {
                    s.transport.loopEnabled = enabled;
                    s.transport.loopStartSeconds = start;
                    s.transport.loopEndSeconds = end;
                });
}

void TransportBar::sessionChanged()
{
    const auto& session = model.getSession();
    loop.setToggleState (session.transport.loopEnabled, juce::dontSendNotification);
    loopFrom.setText (juce::String (barAtSeconds (session.transport.loopStartSeconds)), juce::dontSendNotification);
    loopTo.setText (juce::String (barAtSeconds (session.transport.loopEndSeconds)), juce::dontSendNotification);
    countIn.setSelectedId (session.click.countInBars + 1, juce::dontSendNotification);
}

void TransportBar::refreshPosition()
{
    const auto& transport = model.getEngine().getTransport();
    const auto& map = model.getPlayer().getTempoMap();
    const auto position = transport.readPositionForDisplay();
    const auto barBeat = map.barBeatAt (position);
    const bool rolling = transport.readRollingForDisplay();
    const bool countingIn = transport.readCountingInForDisplay();

    // During the count-in the position counts down to the roll: -2|1 ... -1|4, then the song.
    if (const auto count = model.getPlayer().readCountInForDisplay(); count.active)
    {
        barBeatLabel.setText (juce::String (count.bar) + "|" + juce::String (count.beat), juce::dontSendNotification);
        timeLabel.setText (formatTime (-static_cast<double> (count.samplesLeft) / map.getSampleRate()), juce::dontSendNotification);
        barBeatLabel.setColour (juce::Label::textColourId, palette::meterAmber);
    }
    else
    {
        barBeatLabel.setText (juce::String (barBeat.bar) + "|" + juce::String (barBeat.beat), juce::dontSendNotification);
        timeLabel.setText (formatTime (map.secondsAt (position)), juce::dontSendNotification);
        barBeatLabel.setColour (juce::Label::textColourId, palette::text);
    }
    tempoLabel.setText (juce::String (barBeat.bpm, barBeat.bpm == std::floor (barBeat.bpm) ? 0 : 2) + " BPM",
                        juce::dontSendNotification);
    meterLabel.setText (juce::String (barBeat.beatsPerBar) + "/" + juce::String (barBeat.beatUnit), juce::dontSendNotification);

    stateLabel.setText (countingIn ? "COUNT-IN" : rolling ? "PLAYING" : "STOPPED", juce::dontSendNotification);
    stateLabel.setColour (juce::Label::textColourId, countingIn ? palette::meterAmber : rolling ? palette::play : palette::dimText);
    play.setToggleState (rolling || countingIn, juce::dontSendNotification);
}

void TransportBar::paint (juce::Graphics& g)
{
    g.fillAll (palette::panel);
    g.setColour (palette::outline);
    g.fillRect (0, getHeight() - 1, getWidth(), 1);
}

void TransportBar::resized()
{
    // Below 1000 px (a 1280 px window) the buttons and fields narrow so that the position,
    // time, state, tempo and meter keep room for their figures, each on one line.
    const bool narrow = getWidth() < 1000;
    auto area = getLocalBounds().reduced (narrow ? 6 : 10, 8);
    for (auto* button : { &toStart, &play, &stop, &loop })
        button->setBounds (area.removeFromLeft (button == &toStart ? 48 : (narrow ? 68 : 80)).reduced (3, 2));

    auto loopArea = area.removeFromLeft (narrow ? 122 : 140).reduced (4, 10);
    loopFrom.setBounds (loopArea.removeFromLeft (narrow ? 42 : 46));
    loopDash.setBounds (loopArea.removeFromLeft (narrow ? 30 : 36));
    loopTo.setBounds (loopArea.removeFromLeft (narrow ? 42 : 46));

    // From the right: the fields; the position and tempo take what is left in the middle.
    auto gotoArea = area.removeFromRight (narrow ? 84 : 90);
    gotoTitle.setBounds (gotoArea.removeFromTop (16));
    gotoBar.setBounds (gotoArea.reduced (0, 2));
    area.removeFromRight (8);
    auto countInArea = area.removeFromRight (narrow ? 100 : 110);
    countInTitle.setBounds (countInArea.removeFromTop (16));
    countIn.setBounds (countInArea.reduced (0, 2));
    area.removeFromRight (8);

    // Two lines each: time over state, tempo over meter; the position takes the rest.
    auto tempoColumn = area.removeFromRight (juce::jmin (110, area.getWidth() / 3));
    tempoLabel.setBounds (tempoColumn.removeFromTop (tempoColumn.getHeight() / 2));
    meterLabel.setBounds (tempoColumn);
    auto timeAndState = area.removeFromRight (juce::jmin (100, area.getWidth() / 2));
    timeLabel.setBounds (timeAndState.removeFromTop (timeAndState.getHeight() / 2));
    stateLabel.setBounds (timeAndState);
    barBeatLabel.setBounds (area);
}

} // namespace foldback
