#include "MixMasterStrip.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    void styleLabel (juce::Label& label, float size, bool bold, juce::Colour colour)
    {
        label.setFont (juce::Font (size, bold ? juce::Font::bold : juce::Font::plain));
        label.setColour (juce::Label::textColourId, colour);
        label.setJustificationType (juce::Justification::centred);
    }
}

MixMasterStrip::MixMasterStrip (ConsoleModel& modelToEdit, std::string mix)
    : model (modelToEdit), mixId (std::move (mix))
{
    setComponentID ("master:" + mixId);

    styleLabel (title, fontSizes::name, true, palette::text);
    styleLabel (outputsLabel, fontSizes::small, false, palette::dimText);
    styleLabel (masterLabel, fontSizes::level, true, palette::text);
    styleLabel (ceilingLabel, fontSizes::body, true, palette::meterAmber);
    styleLabel (ceilingTitle, fontSizes::small, false, palette::dimText);
    styleLabel (reductionTitle, fontSizes::small, false, palette::dimText);
    title.setText ("MASTER", juce::dontSendNotification);
    ceilingTitle.setText ("CEILING", juce::dontSendNotification);
    reductionTitle.setText ("LIMIT", juce::dontSendNotification);
    for (auto* label : { &title, &outputsLabel, &masterLabel, &ceilingLabel, &ceilingTitle, &reductionTitle })
        addAndMakeVisible (label);

    master.setName ("master");
    master.setNormalisableRange (gainFaderLaw::makeRange());
    master.setDoubleClickReturnValue (true, 0.0);
    master.setTooltip ("The master level the performer hears (double-click: 0 dB). The performer's own offset is kept: "
                       "the marker beside the groove is your master level");
    master.onValueChange = [this]
    {
        // The fader is what the performer hears: the engineer's master moves, their offset stays.
        const auto* edited = findMix (model.getSession(), mixId);
        const double offset = edited != nullptr ? edited->performer.masterOffsetDb : 0.0;
        const double heard = master.getValue();
        const double value = juce::jlimit (sessionLimits::minGainDb, sessionLimits::maxGainDb,
                                           heard <= sessionLimits::minGainDb ? heard : heard - offset);
        juce::String what = "Set master level " + formatGainDb (value) + " dB";
        if (offset != 0.0)
            what << " (heard " << formatGainDb (heard) << " dB)";
        model.editMix (mixId, what.toStdString(), [value] (CueMix& m) { m.masterDb = value; }, "master " + mixId);
    };
    addAndMakeVisible (master);
    addAndMakeVisible (masterScale);

    ceiling.setName ("ceiling");
    ceiling.setRange (sessionLimits::minCeilingDb, sessionLimits::maxCeilingDb, 0.5);
    ceiling.setRotaryParameters (juce::MathConstants<float>::pi * 1.25f, juce::MathConstants<float>::pi * 2.75f, true);
    ceiling.setColour (juce::Slider::rotarySliderFillColourId, palette::meterAmber);
    ceiling.setTooltip ("Safety limiter ceiling, dBFS: nothing leaves this mix louder");
    ceiling.onValueChange = [this]
    {
        const double value = ceiling.getValue();
        model.editMix (mixId, "Set limiter ceiling", [value] (CueMix& m) { m.limiterCeilingDb = value; }, "ceiling " + mixId);
    };
    addAndMakeVisible (ceiling);

    outputMeter.setReader ([this] { return model.readMixMeter (mixId); }, &model.getMeterClock());
    addAndMakeVisible (outputMeter);
    reduction.setReader ([this] { return model.readLimiterGainDb (mixId); }, &model.getMeterClock());
    reduction.setTooltip ("Safety limiter gain reduction, dB: how hard the limiter is holding this mix under its ceiling");
    addAndMakeVisible (reduction);

    refreshFromSession();
    model.addListener (this);
}

MixMasterStrip::~MixMasterStrip()
{
    model.removeListener (this);
}

void MixMasterStrip::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    if (mix == nullptr)
        return;

    const double heard = effectiveMasterDb (*mix);
    master.setValue (heard, juce::dontSendNotification);
    if (mix->performer.masterOffsetDb != 0.0)
        master.getProperties().set (FoldbackLookAndFeel::secondMarkerProperty, mix->masterDb);
    else
        master.getProperties().remove (FoldbackLookAndFeel::secondMarkerProperty);
    master.repaint();
    ceiling.setValue (mix->limiterCeilingDb, juce::dontSendNotification);
    masterLabel.setText (formatGainDb (heard), juce::dontSendNotification);
    ceilingLabel.setText (juce::String (mix->limiterCeilingDb, 1) + " dBFS", juce::dontSendNotification);

    juce::StringArray outputs;
    for (int channel : mix->outputs)
        outputs.add (juce::String (channel));
    outputsLabel.setText ("OUT " + outputs.joinIntoString ("-"), juce::dontSendNotification);
}

void MixMasterStrip::paint (juce::Graphics& g)
{
    g.setColour (palette::raised);
    g.fillRoundedRectangle (getLocalBounds().toFloat().reduced (2.0f, 0.0f), 6.0f);

    // The output meter's dBFS scale: the figures a performer will ask about.
    g.setFont (juce::Font (fontSizes::scale, juce::Font::bold));
    const auto meterBounds = outputMeter.getBounds();
    for (float db : { 0.0f, -6.0f, -12.0f, -24.0f, -36.0f, -48.0f })
    {
        const float y = static_cast<float> (meterBounds.getY())
                        + meterBounds.getHeight() * (1.0f - LevelMeterComponent::dbToProportion (db));
        g.setColour (db == 0.0f ? palette::text : palette::dimText);
        g.drawText (juce::String (juce::roundToInt (db)), scaleArea.getX(), juce::roundToInt (y) - 8, scaleArea.getWidth(), 16,
                    juce::Justification::centredRight);
    }
}

void MixMasterStrip::resized()
{
    auto area = getLocalBounds().reduced (8, 6);
    title.setBounds (area.removeFromTop (26));
    outputsLabel.setBounds (area.removeFromTop (20));
    area.removeFromTop (4);

    auto ceilingRow = area.removeFromTop (78);
    auto knob = ceilingRow.removeFromLeft (70);
    ceilingTitle.setBounds (knob.removeFromTop (20));
    ceiling.setBounds (knob.withSizeKeepingCentre (56, 56));
    ceilingLabel.setBounds (ceilingRow.withTrimmedTop (20));
    area.removeFromTop (10);

    masterLabel.setBounds (area.removeFromBottom (28));

    auto gr = area.removeFromRight (44);
    reductionTitle.setBounds (gr.removeFromTop (20));
    reduction.setBounds (gr);
    area.removeFromRight (4);

    area.removeFromTop (20); // level with the limiter column
    outputMeter.setBounds (area.removeFromRight (28));
    scaleArea = area.removeFromRight (28);
    area.removeFromRight (2);
    masterScale.setBounds (area.removeFromLeft (30));
    master.setBounds (area);
}

} // namespace foldback
