#include "TrackRow.h"

#include "ConsoleFieldKeys.h"
#include "FoldbackLookAndFeel.h"
#include "GainFaderLaw.h"
#include "Session/SessionQueries.h"

#include <filesystem>

namespace foldback
{

TrackRow::TrackRow (ConsoleModel& modelToEdit, std::string id)
    : model (modelToEdit), trackId (std::move (id)), colour (modelToEdit, trackId)
{
    setComponentID ("track:" + trackId);
    colour.setName ("colour");
    colour.setComponentID (getComponentID() + ":colour");

    name.setFont (juce::Font (fontSizes::name, juce::Font::bold));
    name.setColour (juce::Label::textColourId, palette::text);
    name.setEditable (false, true);
    name.setTooltip ("Double-click to rename");
    ConsoleFieldKeys::markAsTextField (name); // space types a space here, not play/stop
    name.onTextChange = [this]
    {
        const auto text = name.getText().toStdString();
        model.edit ("Rename track", [this, text] (Session& s)
                    {
                        for (auto& track : s.tracks)
                            if (track.id == trackId)
                                track.name = text;
                    });
    };
    file.setFont (juce::Font (fontSizes::small));
    file.setColour (juce::Label::textColourId, palette::dimText);
    status.setName ("status");
    status.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    status.setMinimumHorizontalScale (0.6f);

    offsetTitle.setText ("START (s)", juce::dontSendNotification);
    offsetTitle.setFont (juce::Font (fontSizes::small, juce::Font::bold));
    offsetTitle.setColour (juce::Label::textColourId, palette::dimText);
    offset.setName ("offset");
    offset.setEditable (true);
    offset.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    offset.setJustificationType (juce::Justification::centred);
    offset.setColour (juce::Label::backgroundColourId, palette::background);
    offset.setColour (juce::Label::outlineColourId, palette::outline);
    offset.setTooltip ("Where the file's first sample sits on the timeline, in seconds from bar 1");
    offset.onTextChange = [this]
    {
        const double seconds = offset.getText().getDoubleValue();
        if (! model.edit ("Move track", [this, seconds] (Session& s)
                          {
                              for (auto& track : s.tracks)
                                  if (track.id == trackId)
                                      track.offsetSeconds = seconds;
                          }))
            refreshFromSession();
    };

    gain.setName ("gain");
    gain.setNormalisableRange (gainFaderLaw::makeRange());
    gain.setDoubleClickReturnValue (true, 0.0);
    gain.textFromValueFunction = [] (double db) { return formatGainDb (db) + " dB"; };
    gain.valueFromTextFunction = [] (const juce::String& text) { return parseGainDb (text); };
    gain.setTextBoxStyle (juce::Slider::TextBoxRight, false, 96, 28);
    gain.setTooltip ("Track gain, before every mix's send");
    gain.onValueChange = [this]
    {
        const double value = gain.getValue();
        model.edit ("Set track gain", [this, value] (Session& s)
                    {
                        for (auto& track : s.tracks)
                            if (track.id == trackId)
                                track.gainDb = value;
                    }, "track gain " + trackId);
    };

    remove.setName ("remove");
    remove.onClick = [this]
    {
        model.edit ("Remove track " + trackId, [this] (Session& s)
                    {
                        std::erase_if (s.tracks, [this] (const BackingTrack& t) { return t.id == trackId; });
                        for (auto& mix : s.mixes)
                            mix.sends.erase (trackId);
                    });
    };

    for (auto* c : std::initializer_list<juce::Component*> { &colour, &name, &file, &status, &offsetTitle, &offset, &gain, &remove, &overview })
        addAndMakeVisible (c);
    refreshFromSession();
}

std::string TrackRow::resolvedTrackPath (const BackingTrack& track) const
{
    // As LiveRig resolves it: beside the session file, or in the working folder when unsaved.
    const std::filesystem::path trackFile (track.file);
    if (trackFile.is_absolute())
        return track.file;
    const auto& sessionFile = model.getDocument().getFilePath();
    const auto folder = sessionFile.empty() ? std::filesystem::current_path() : std::filesystem::absolute (sessionFile).parent_path();
    return (folder / trackFile).string();
}

void TrackRow::refreshFromSession()
{
    const auto* track = findTrack (model.getSession(), trackId);
    if (track == nullptr)
        return;

    name.setText (track->name.empty() ? track->id : track->name, juce::dontSendNotification);
    colour.refreshFromSession();
    gain.setValue (track->gainDb, juce::dontSendNotification);
    gain.updateText(); // a value equal to the slider's initial one sets no text by itself: "0.0000000"
    offset.setText (juce::String (track->offsetSeconds, 3), juce::dontSendNotification);

    online = false;
    juce::String reason = "not opened";
    TrackFileInfo info;
    for (const auto& trackStatus : model.getPlayer().getTrackStatuses())
        if (trackStatus.id == trackId)
        {
            online = trackStatus.online;
            reason = trackStatus.message;
            info = trackStatus.info;
        }

    // What the file is, beside its name: what `foldback check` lists.
    file.setText (juce::String (track->file) + (info.description.empty() ? juce::String() : "   " + juce::String (info.description)),
                  juce::dontSendNotification);
    file.setTooltip (info.isConverted() ? "Plays a copy converted to the session's rate: " + juce::String (info.cachePath)
                                        : juce::String (track->file));

    const auto rate = juce::String (static_cast<int> (model.getEngine().getSampleRate()));
    const juce::String playing = info.isConverted() ? "ONLINE, converted to " + rate + " Hz" : juce::String ("ONLINE");
    status.setText (online ? (reason.isEmpty() ? playing : playing + "  (" + reason + ")") : "OFFLINE: " + reason,
                    juce::dontSendNotification);

    // The waveform of what plays: the converted copy where there is one.
    const auto& absolute = info.isConverted() ? info.cachePath : std::string();
    overview.setFile (! online ? std::string() : ! absolute.empty() ? absolute : resolvedTrackPath (*track));
    status.setColour (juce::Label::textColourId, online ? palette::meterGreen : palette::offline);
    status.setTooltip (status.getText());
    repaint();
}

void TrackRow::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced (0.0f, 3.0f);
    g.setColour (palette::panel);
    g.fillRoundedRectangle (bounds, 6.0f);
    g.setColour (online ? palette::meterGreen : palette::offline);
    g.fillRoundedRectangle (bounds.withWidth (6.0f), 3.0f);
}

void TrackRow::resized()
{
    auto area = getLocalBounds().reduced (16, 8);
    remove.setBounds (area.removeFromRight (100).withSizeKeepingCentre (100, 36));
    area.removeFromRight (12);
    auto offsetArea = area.removeFromRight (110);
    offsetTitle.setBounds (offsetArea.removeFromTop (18));
    offset.setBounds (offsetArea.reduced (0, 2));
    area.removeFromRight (12);
    gain.setBounds (area.removeFromRight (320).withSizeKeepingCentre (320, 34));
    area.removeFromRight (12);

    overview.setBounds (area.removeFromBottom (34).reduced (0, 3));
    auto left = area.removeFromLeft (area.getWidth() / 2);
    auto nameRow = left.removeFromTop (30);
    colour.setBounds (nameRow.removeFromLeft (26).reduced (0, 3));
    nameRow.removeFromLeft (8);
    name.setBounds (nameRow);
    file.setBounds (left);
    status.setBounds (area);
}

} // namespace foldback
