#include "ChannelStrip.h"

#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "SetupControls.h"
#include "ShortName.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    juce::String channelList (const std::vector<int>& channels)
    {
        if (channels.size() == 2)
            return juce::String (channels[0]) + "-" + juce::String (channels[1]);
        return channels.empty() ? juce::String() : juce::String (channels[0]);
    }

    /** A narrow strip's figure: whole dB from 10 dB down ("-12", "-6.5", "+3.0", "-inf"),
        so it stays whole and large in 40 px. */
    juce::String formatNarrowGainDb (double db)
    {
        if (db <= sessionLimits::minGainDb || std::abs (db) < 9.95)
            return formatGainDb (db);
        return (db > 0.0 ? "+" : "") + juce::String (juce::roundToInt (db));
    }

    constexpr float minimumNameScale = 0.7f;

    /** A wide strip's name: whole if it fits (squeezed at most to minimumNameScale), else cut
        in the middle so that a trailing number or letter stays ("Electric gu... 2"), since
        "Electric g..." twice tells two guitars apart no better than nothing. Names without
        such a tail are left to the label, which cuts at the end. */
    juce::String fitWideName (const juce::String& name, const juce::Font& font, int width)
    {
        const auto fits = [&] (const juce::String& text) { return font.getStringWidthFloat (text) * minimumNameScale <= width; };
        const auto tail = name.fromLastOccurrenceOf (" ", false, false);
        const bool hasTail = tail.isNotEmpty() && tail != name && (tail.containsOnly ("0123456789") || tail.length() == 1);
        if (width <= 0 || fits (name) || ! hasTail)
            return name;
        auto head = name.upToLastOccurrenceOf (" ", false, false).trimEnd();
        while (head.length() > 1 && ! fits (head + "... " + tail))
            head = head.dropLastCharacters (1).trimEnd();
        return head + "... " + tail;
    }

    void styleLabel (juce::Label& label, float size, bool bold, juce::Colour colour)
    {
        label.setFont (juce::Font (size, bold ? juce::Font::bold : juce::Font::plain));
        label.setColour (juce::Label::textColourId, colour);
        label.setJustificationType (juce::Justification::centred);
        label.setMinimumHorizontalScale (minimumNameScale);
    }
}

ChannelStrip::ChannelStrip (ConsoleModel& modelToEdit, std::string mix, std::string source)
    : model (modelToEdit), mixId (std::move (mix)), sourceId (std::move (source))
{
    setComponentID ("strip:" + mixId + ":" + sourceId);
    setName (model.sourceName (sourceId));

    styleLabel (nameLabel, fontSizes::name, true, palette::text);
    styleLabel (kindLabel, fontSizes::small, false, palette::dimText);
    styleLabel (gainLabel, fontSizes::level, true, palette::text);
    styleLabel (panLabel, fontSizes::small, true, palette::dimText);
    styleLabel (performerLabel, fontSizes::small, true, palette::accent);
    performerLabel.setTooltip ("The performer's own change on their remote, on top of your level (REMOTES page to clear it)");
    for (auto* label : { &nameLabel, &kindLabel, &gainLabel, &panLabel, &performerLabel })
        addAndMakeVisible (label);

    gainLabel.setEditable (false, true);
    gainLabel.setTooltip ("What the performer hears of this source, in dB (double-click to type it)");
    gainLabel.onTextChange = [this]
    {
        setHeardLevel (parseGainDb (gainLabel.getText()), {});
        refreshFromSession();
    };

    pan.setName ("pan");
    pan.setRange (-1.0, 1.0, 0.01);
    pan.setDoubleClickReturnValue (true, 0.0);
    pan.setRotaryParameters (juce::MathConstants<float>::pi * 1.25f, juce::MathConstants<float>::pi * 2.75f, true);
    pan.setTooltip ("Pan (double-click: centre)");
    pan.onValueChange = [this]
    {
        const double value = pan.getValue();
        model.editSend (mixId, sourceId, "Pan " + getName().toStdString(), [value] (SendSettings& s) { s.pan = value; }, key ("pan"));
    };
    addAndMakeVisible (pan);

    mute.setName ("mute");
    mute.setColour (juce::TextButton::buttonOnColourId, palette::muteOn);
    mute.setTooltip ("Mute this source in this mix");
    mute.onClick = [this]
    {
        const bool next = ! mute.getToggleState();
        model.editSend (mixId, sourceId, (next ? "Mute " : "Unmute ") + getName().toStdString(),
                        [next] (SendSettings& s) { s.mute = next; });
    };
    addAndMakeVisible (mute);

    solo.setName ("solo");
    solo.setColour (juce::TextButton::buttonOnColourId, palette::soloOn);
    solo.setTooltip ("Solo for you: hear this source on your LISTEN outputs (PFL, or AFL as this mix sends it). "
                     "The performer hears no change.");
    solo.onClick = [this] { model.setSolo (sourceId, ! model.isSoloed (sourceId), mixId); };
    addAndMakeVisible (solo);

    fader.setName ("fader");
    fader.setNormalisableRange (gainFaderLaw::makeRange());
    fader.setDoubleClickReturnValue (true, 0.0);
    fader.setTooltip ("What the performer hears of this source (double-click: 0 dB). The performer's own offset "
                      "is kept: the marker beside the groove is your send level");
    fader.onValueChange = [this] { setHeardLevel (fader.getValue(), key ("fader")); };
    addAndMakeVisible (fader);

    meter.setReader ([this] { return model.readSourceMeter (sourceId); }, &model.getMeterClock());
    addAndMakeVisible (meter);
    addAndMakeVisible (scale);

    refreshFromSession();
    model.addListener (this);
}

ChannelStrip::~ChannelStrip()
{
    model.removeListener (this);
}

double ChannelStrip::performerOffsetDb() const
{
    if (const auto* mix = findMix (model.getSession(), mixId))
        if (auto offset = mix->performer.sends.find (sourceId); offset != mix->performer.sends.end())
            return offset->second.gainOffsetDb;
    return 0.0;
}

void ChannelStrip::setHeardLevel (double heardDb, const std::string& coalesceKey)
{
    // The performer keeps their offset: the engineer's send moves so that the sum is what was set.
    const double offset = performerOffsetDb();
    const double engineer = juce::jlimit (sessionLimits::minGainDb, sessionLimits::maxGainDb,
                                          heardDb <= sessionLimits::minGainDb ? heardDb : heardDb - offset);
    juce::String what = "Set " + getName() + " level " + formatGainDb (engineer) + " dB";
    if (offset != 0.0)
    {
        const auto* mix = findMix (model.getSession(), mixId);
        auto heard = mix != nullptr ? effectiveSend (*mix, sourceId) : SendSettings {};
        heard.gainDb = engineer <= sessionLimits::minGainDb ? engineer
                                                            : juce::jlimit (sessionLimits::minGainDb, sessionLimits::maxGainDb, engineer + offset);
        what << " (heard " << formatGainDb (heard.gainDb) << " dB" << (heard.mute ? ", muted" : "") << ")";
    }
    model.editSend (mixId, sourceId, what.toStdString(), [engineer] (SendSettings& s) { s.gainDb = engineer; }, coalesceKey);
}

std::string ChannelStrip::key (const char* control) const
{
    return std::string (control) + " " + mixId + " " + sourceId;
}

juce::String ChannelStrip::describeSource() const
{
    const auto& session = model.getSession();
    if (const auto* input = findInput (session, sourceId))
        return "IN " + channelList (input->channels);
    if (findTrack (session, sourceId) != nullptr)
        return "TRACK";
    if (sourceId == clickSourceId)
        return "CLICK";
    if (sourceId == talkbackSourceId)
        return "TALKBACK " + channelList (session.talkback.channels);
    return {};
}

void ChannelStrip::refreshFromSession()
{
    const auto* mix = findMix (model.getSession(), mixId);
    const auto* send = findSend (model.getSession(), mixId, sourceId);

    sent = send != nullptr;
    const SendSettings settings = sent ? *send : SendSettings { sessionLimits::minGainDb };
    // What reaches the performer's ears: the engineer's send with the performer's offsets.
    const SendSettings heard = sent && mix != nullptr ? effectiveSend (*mix, sourceId) : settings;
    const double offsetDb = performerOffsetDb();
    heardMuted = heard.mute;
    if (const auto* input = findInput (model.getSession(), sourceId))
        colour = input->colour;
    else if (const auto* track = findTrack (model.getSession(), sourceId))
        colour = track->colour;

    setName (model.sourceName (sourceId));
    showName();
    nameLabel.setTooltip (getName() + (sent ? "  (" + describeSource() + ")" : juce::String ("  (not sent)")));
    kindLabel.setText (sent ? describeSource() : "NOT SENT", juce::dontSendNotification);
    kindLabel.setColour (juce::Label::textColourId, sent ? palette::dimText : palette::meterAmber);

    fader.setValue (heard.gainDb, juce::dontSendNotification);
    if (sent && offsetDb != 0.0)
        fader.getProperties().set (FoldbackLookAndFeel::secondMarkerProperty, settings.gainDb);
    else
        fader.getProperties().remove (FoldbackLookAndFeel::secondMarkerProperty);
    fader.repaint();
    pan.setValue (settings.pan, juce::dontSendNotification);
    mute.setToggleState (settings.mute, juce::dontSendNotification);
    solo.setToggleState (model.isSoloed (sourceId), juce::dontSendNotification);
    gainLabel.setText (heard.mute && ! settings.mute ? (narrow ? "P M" : "P MUTE")
                                                     : narrow ? formatNarrowGainDb (heard.gainDb) : formatGainDb (heard.gainDb),
                       juce::dontSendNotification);
    panLabel.setText (formatPan (settings.pan), juce::dontSendNotification);

    // A muted send reads amber across the whole strip, not only on its button.
    fader.setColour (juce::Slider::trackColourId, heard.mute ? palette::muteOn.withAlpha (0.5f) : palette::accent);
    gainLabel.setColour (juce::Label::textColourId, heard.mute && ! settings.mute ? palette::muteOn
                                                    : settings.mute || ! sent ? palette::dimText : palette::text);
    // A narrow strip has no room for "YOU ... P ...": the figure turns the accent colour
    // when the performer's offset is in it (the tooltip and the fader's marker tell the rest).
    if (narrow && sent && offsetDb != 0.0 && ! heard.mute)
        gainLabel.setColour (juce::Label::textColourId, palette::accent);

    // The performer's layer is theirs, not the engineer's fader: shown, never moved here.
    juce::String performer;
    if (mix != nullptr)
        if (auto offset = mix->performer.sends.find (sourceId); offset != mix->performer.sends.end())
        {
            const auto db = offset->second.gainOffsetDb;
            if (db != 0.0 && sent)
                performer << "YOU " << formatGainDb (settings.gainDb) << "  P " << (db > 0.0 ? "+" : "") << juce::String (db, 1);
            // With an offset shown, the figure below already reads "P MUTE": keep this line short.
            if (offset->second.mute && performer.isEmpty())
                performer << "P MUTE";
            if (offset->second.panOffset != 0.0 && performer.isEmpty())
                performer << "P pan";
        }
    performerLabel.setText (performer, juce::dontSendNotification);
    repaint();
}

void ChannelStrip::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced (2.0f, 0.0f);
    g.setColour (palette::panel);
    g.fillRoundedRectangle (bounds, 6.0f);
    if (! colour.empty()) // the engineer's colour for this source (Setup page)
    {
        g.setColour (setupControls::colourOf (colour));
        g.fillRoundedRectangle (bounds.withHeight (6.0f), 3.0f);
    }

    if (mute.getToggleState() || heardMuted)
    {
        g.setColour (palette::muteOn);
        g.drawRoundedRectangle (bounds.reduced (1.0f), 6.0f, 2.0f);
    }
    else if (solo.getToggleState())
    {
        g.setColour (palette::soloOn);
        g.drawRoundedRectangle (bounds.reduced (1.0f), 6.0f, 2.0f);
    }
}

void ChannelStrip::setNarrow (bool shouldBeNarrow)
{
    if (narrow == shouldBeNarrow)
        return;
    narrow = shouldBeNarrow;
    pan.setVisible (! narrow);
    kindLabel.setVisible (! narrow);
    performerLabel.setVisible (! narrow);
    scale.setShowsLabels (! narrow);
    // Smaller than a wide strip's, never below the console's least size.
    nameLabel.setFont (juce::Font (narrow ? fontSizes::small : fontSizes::name, juce::Font::bold));
    nameLabel.setBorderSize (narrow ? juce::BorderSize<int> (1, 1, 1, 1) : juce::BorderSize<int> (1, 5, 1, 5));
    gainLabel.setFont (juce::Font (narrow ? fontSizes::small : fontSizes::level, juce::Font::bold));
    refreshFromSession();
    resized();
}

void ChannelStrip::resized()
{
    if (narrow)
    {
        // Name, M over S, the pan figure, then fader and meter to the bottom: every pixel
        // of width goes to what is read from across the room.
        auto area = getLocalBounds().reduced (4, 6);
        nameLabel.setBounds (area.removeFromTop (24));
        area.removeFromTop (2);
        mute.setBounds (area.removeFromTop (28).reduced (1, 0));
        area.removeFromTop (4);
        solo.setBounds (area.removeFromTop (28).reduced (1, 0));
        area.removeFromTop (2);
        panLabel.setBounds (area.removeFromTop (20));
        area.removeFromTop (4);
        gainLabel.setBounds (area.removeFromBottom (24));
        meter.setBounds (area.removeFromRight (10));
        area.removeFromRight (2);
        scale.setBounds (area.removeFromLeft (6));
        fader.setBounds (area);
        return;
    }

    auto area = getLocalBounds().reduced (8, 6);
    nameLabel.setBounds (area.removeFromTop (26));
    kindLabel.setBounds (area.removeFromTop (20));
    area.removeFromTop (4);

    auto panArea = area.removeFromTop (58);
    pan.setBounds (panArea.withSizeKeepingCentre (56, 56));
    panLabel.setBounds (area.removeFromTop (20));
    area.removeFromTop (4);

    auto buttons = area.removeFromTop (34);
    mute.setBounds (buttons.removeFromLeft (buttons.getWidth() / 2).reduced (2, 0));
    solo.setBounds (buttons.reduced (2, 0));
    area.removeFromTop (6);

    gainLabel.setBounds (area.removeFromBottom (28));
    performerLabel.setBounds (area.removeFromBottom (20));
    meter.setBounds (area.removeFromRight (22));
    area.removeFromRight (2);
    scale.setBounds (area.removeFromLeft (28));
    fader.setBounds (area);

    showName();   // how much of the name fits depends on the width just given
}

void ChannelStrip::showName()
{
    nameLabel.setText (narrow ? shortName (getName(), narrowNameChars)
                              : fitWideName (getName(), nameLabel.getFont(), nameLabel.getWidth() - nameLabel.getBorderSize().getLeftAndRight()),
                       juce::dontSendNotification);
}

} // namespace foldback
