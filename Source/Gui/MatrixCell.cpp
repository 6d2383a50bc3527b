#include "MatrixCell.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

namespace foldback
{

MatrixCell::MatrixCell (ConsoleModel& modelToEdit, std::string mix, std::string source)
    : model (modelToEdit), mixId (std::move (mix)), sourceId (std::move (source))
{
    setComponentID ("cell:" + mixId + ":" + sourceId);

    level.setName ("level");
    level.setNormalisableRange (gainFaderLaw::makeRange());
    level.setDoubleClickReturnValue (true, 0.0);
    level.setTextBoxIsEditable (false);
    level.setSliderSnapsToMousePosition (false);
    level.textFromValueFunction = [this] (double db) { return performerMuted ? juce::String ("P MUTE") : formatGainDb (db); };
    level.valueFromTextFunction = [] (const juce::String& text) { return parseGainDb (text); };
    level.setColour (juce::Slider::textBoxTextColourId, palette::text);
    level.onValueChange = [this]
    {
        // The bar is what the performer hears: the engineer's send moves, their offset stays.
        const auto* edited = findMix (model.getSession(), mixId);
        const double heard = level.getValue();
        const double value = edited != nullptr ? engineerGainForHeard (*edited, sourceId, heard) : heard;
        juce::String what = "Set " + model.sourceName (sourceId) + " level " + formatGainDb (value) + " dB";
        if (value != heard)
            what << " (heard " << formatGainDb (heard) << " dB)";
        model.editSend (mixId, sourceId, what.toStdString(), [value] (SendSettings& s) { s.gainDb = value; },
                        "fader " + mixId + " " + sourceId);
    };
    addAndMakeVisible (level);

    mute.setName ("mute");
    mute.setColour (juce::TextButton::buttonOnColourId, palette::muteOn);
    mute.onClick = [this]
    {
        const bool next = ! mute.getToggleState();
        model.editSend (mixId, sourceId, (next ? "Mute " : "Unmute ") + model.sourceName (sourceId).toStdString(),
                        [next] (SendSettings& s) { s.mute = next; });
    };
    addAndMakeVisible (mute);

    refreshFromSession();
}

void MatrixCell::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    const auto* send = findSend (model.getSession(), mixId, sourceId);

    sent = send != nullptr;
    // What reaches the performer's ears, as on the strips: the engineer's send with the
    // performer's offsets; the engineer's own level is the notch (paintOverChildren).
    const SendSettings heard = sent && mix != nullptr ? effectiveSend (*mix, sourceId) : SendSettings { sessionLimits::minGainDb };
    const double db = heard.gainDb;
    engineerDb = sent ? send->gainDb : sessionLimits::minGainDb;
    performerChanged = sent && (heard.gainDb != send->gainDb || heard.mute != send->mute);
    const bool muted = sent && heard.mute;
    performerMuted = sent && heard.mute && ! send->mute;
    level.setValue (db, juce::dontSendNotification);
    level.updateText();
    mute.setToggleState (sent && send->mute, juce::dontSendNotification);

    // Muted: a dark bar with the level in amber, readable and unmistakable at a glance.
    level.setColour (juce::Slider::trackColourId, muted ? palette::muteOn.withAlpha (0.18f) : palette::accent.withAlpha (0.55f));
    level.setColour (juce::Slider::textBoxTextColourId, muted ? palette::muteOn : sent ? palette::text : palette::dimText);
    juce::String tip = model.sourceName (sourceId) + " in " + (mix != nullptr ? juce::String (mix->name) : juce::String());
    if (! sent)
        tip << ": not sent";
    else if (performerChanged)
        tip << ": the performer hears " << (heard.mute ? juce::String ("it muted") : formatGainDb (heard.gainDb) + " dB")
            << ", your send is " << formatGainDb (send->gainDb) << " dB" << (send->mute ? " muted" : "");
    setTooltip (tip);
    repaint();
}

void MatrixCell::paint (juce::Graphics& g)
{
    g.setColour (palette::panel);
    g.fillRect (getLocalBounds().reduced (1));
}

void MatrixCell::paintOverChildren (juce::Graphics& g)
{
    if (! performerChanged)
        return;
    // The engineer's own send level, under the performer's offset: an accent notch on the bar.
    const auto bar = level.getBounds();
    const float x = static_cast<float> (bar.getX() + level.getPositionOfValue (engineerDb));
    g.setColour (palette::accent);
    g.fillRect (juce::Rectangle<float> (x - 1.5f, static_cast<float> (bar.getBottom() - 6), 3.0f, 6.0f));
}

void MatrixCell::resized()
{
    auto area = getLocalBounds().reduced (4);
    mute.setBounds (area.removeFromRight (34));
    area.removeFromRight (4);
    level.setBounds (area);
}

} // namespace foldback
