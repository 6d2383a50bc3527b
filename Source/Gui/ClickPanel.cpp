#include "ClickPanel.h"

#include "FoldbackLookAndFeel.h"
#include "Session/SessionLimits.h"

namespace foldback
{

namespace
{
    void styleTitle (juce::Label& label, const juce::String& text)
    {
        label.setText (text, juce::dontSendNotification);
        label.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
        label.setColour (juce::Label::textColourId, palette::text);
    }

    void styleCaption (juce::Label& label, const juce::String& text)
    {
        label.setText (text, juce::dontSendNotification);
        label.setFont (juce::Font (fontSizes::body, juce::Font::bold));
        label.setColour (juce::Label::textColourId, palette::dimText);
    }

    /** A box of an enum's names, spelt as in a session file; item ids are the values + 1. */
    template <SessionEnum Enum>
    void fillChoices (juce::ComboBox& box)
    {
        const auto& names = namesOf<Enum>();
        for (std::size_t i = 0; i < names.size(); ++i)
            box.addItem (juce::String (std::string (names[i])), static_cast<int> (i) + 1);
    }

    template <SessionEnum Enum>
    int idOf (Enum value)
    {
        return static_cast<int> (value) + 1;
    }

    /** Nothing when the box shows no item of the enum. */
    template <SessionEnum Enum>
    std::optional<Enum> chosenIn (const juce::ComboBox& box)
    {
        return enumFromString<Enum> (box.getText().toStdString());
    }
}

ClickPanel::ClickPanel (ConsoleModel& modelToEdit) : model (modelToEdit), tempoMap (modelToEdit)
{
    setComponentID ("clickPanel");
    setName ("Click");
    setOpaque (true);

    styleTitle (tempoTitle, "Tempo map");
    styleTitle (soundTitle, "Click sound");
    styleTitle (mixesTitle, "Click in each mix");
    styleCaption (soundLabel, "Sound");
    styleCaption (subdivisionLabel, "Subdivision");
    styleCaption (subdivisionLevelLabel, "Subdivision level");
    styleCaption (accentLabel, "Downbeat accent");
    styleCaption (countInLabel, "Count-in");
    warning.setColour (juce::Label::textColourId, palette::meterAmber);
    warning.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    for (auto* label : { &tempoTitle, &soundTitle, &mixesTitle, &soundLabel, &subdivisionLabel, &subdivisionLevelLabel,
                         &accentLabel, &countInLabel, &warning })
        addAndMakeVisible (label);
    addAndMakeVisible (tempoMap);

    sound.setName ("sound");
    fillChoices<ClickSound> (sound);
    sound.onChange = [this]
    {
        const auto chosen = chosenIn<ClickSound> (sound);
        if (! chosen)
            return;
        const auto value = *chosen;
        if (value == ClickSound::custom && model.getSession().click.customFile.empty())
        {
            chooseCustomFile(); // custom needs a file before the session can take it
            sessionChanged();
            return;
        }
        model.edit ("Set click sound", [value] (Session& s) { s.click.sound = value; });
    };
    customFile.onClick = [this] { chooseCustomFile(); };
    customFile.setTooltip ("Choose a WAV file for the custom click sound");

    subdivision.setName ("subdivision");
    fillChoices<Subdivision> (subdivision);
    subdivision.onChange = [this]
    {
        const auto chosen = chosenIn<Subdivision> (subdivision);
        if (! chosen)
            return;
        const auto value = *chosen;
        model.edit ("Set click subdivision", [value] (Session& s) { s.click.subdivision = value; });
    };

    accent.setName ("accent");
    accent.setClickingTogglesState (false);
    accent.setColour (juce::TextButton::buttonOnColourId, palette::accent);
    accent.onClick = [this]
    {
        const bool next = ! accent.getToggleState();
        model.edit (next ? "Accent downbeat" : "No downbeat accent", [next] (Session& s) { s.click.accentDownbeat = next; });
    };

    accentDb.setName ("accentDb");
    accentDb.setRange (sessionLimits::minAccentDb, sessionLimits::maxAccentDb, 0.5);
    accentDb.setTextValueSuffix (" dB");
    accentDb.setTextBoxStyle (juce::Slider::TextBoxRight, false, 80, 28);
    accentDb.onValueChange = [this]
    {
        const double value = accentDb.getValue();
        model.edit ("Set accent", [value] (Session& s) { s.click.accentDb = value; }, "click accent");
    };

    subdivisionDb.setName ("subdivisionDb");
    subdivisionDb.setRange (sessionLimits::minSubdivisionDb, sessionLimits::maxSubdivisionDb, 0.5);
    subdivisionDb.setTextValueSuffix (" dB");
    subdivisionDb.setTextBoxStyle (juce::Slider::TextBoxRight, false, 80, 28);
    subdivisionDb.onValueChange = [this]
    {
        const double value = subdivisionDb.getValue();
        model.edit ("Set subdivision level", [value] (Session& s) { s.click.subdivisionDb = value; }, "click subdivision");
    };

    countIn.setName ("countIn");
    countIn.addItem ("none", 1);
    for (int bars = 1; bars <= sessionLimits::maxCountInBars; ++bars)
        countIn.addItem (juce::String (bars) + (bars == 1 ? " bar" : " bars"), bars + 1);
    countIn.onChange = [this]
    {
        const int bars = countIn.getSelectedId() - 1;
        if (bars >= 0)
            model.edit ("Set count-in", [bars] (Session& s) { s.click.countInBars = bars; });
    };

    for (auto* c : std::initializer_list<juce::Component*> { &sound, &customFile, &subdivision, &accent, &accentDb, &subdivisionDb, &countIn })
        addAndMakeVisible (c);

    rebuildMixRows();
    model.addListener (this);
}

ClickPanel::~ClickPanel()
{
    model.removeListener (this);
}

ClickSendRow* ClickPanel::findMixRow (const std::string& mixId) const
{
    for (const auto& row : mixRows)
        if (row->getComponentID() == juce::String ("click:" + mixId))
            return row.get();
    return nullptr;
}

void ClickPanel::chooseCustomFile()
{
    chooser = std::make_unique<juce::FileChooser> ("Custom click sound", juce::File(), "*.wav");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [safeThis = juce::Component::SafePointer<ClickPanel> (this)] (const juce::FileChooser& fc)
                          {
                              if (safeThis == nullptr || fc.getResult() == juce::File())
                                  return;
                              const auto path = fc.getResult().getFullPathName().toStdString();
                              safeThis->model.edit ("Set custom click", [path] (Session& s)
                                                    {
                                                        s.click.customFile = path;
                                                        s.click.sound = ClickSound::custom;
                                                    });
                          });
}

void ClickPanel::rebuildMixRows()
{
    mixRows.clear();
    builtMixes.clear();
    for (const auto& mix : model.getSession().mixes)
    {
        builtMixes.push_back (mix.id);
        mixRows.push_back (std::make_unique<ClickSendRow> (model, mix.id));
        addAndMakeVisible (*mixRows.back());
    }
    sessionChanged();
    resized();
}

void ClickPanel::sessionChanged()
{
    const auto& session = model.getSession();
    std::vector<std::string> mixIds;
    for (const auto& mix : session.mixes)
        mixIds.push_back (mix.id);
    if (mixIds != builtMixes)
    {
        triggerAsyncUpdate();
        return;
    }

    const auto& click = session.click;
    sound.setSelectedId (idOf (click.sound), juce::dontSendNotification);
    subdivision.setSelectedId (idOf (click.subdivision), juce::dontSendNotification);
    accent.setToggleState (click.accentDownbeat, juce::dontSendNotification);
    accent.setButtonText (click.accentDownbeat ? "ACCENT ON" : "ACCENT OFF");
    accentDb.setValue (click.accentDb, juce::dontSendNotification);
    accentDb.setEnabled (click.accentDownbeat);
    subdivisionDb.setValue (click.subdivisionDb, juce::dontSendNotification);
    subdivisionDb.setEnabled (click.subdivision != Subdivision::none);
    countIn.setSelectedId (click.countInBars + 1, juce::dontSendNotification);
    customFile.setButtonText (click.customFile.empty() ? "Custom WAV..."
                                                       : juce::File (click.customFile).getFileName());

    const auto& clickWarning = model.getPlayer().getClickWarning();
    warning.setText (clickWarning.empty() ? juce::String() : juce::String (clickWarning), juce::dontSendNotification);

    for (auto& row : mixRows)
        row->refreshFromSession();
}

void ClickPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
}

int ClickPanel::getPreferredHeight() const
{
    const int settings = 8 + 40 + 5 * 44 + 30 + 12 + 40 + static_cast<int> (mixRows.size()) * 48 + 16;
    const int tempo = 8 + 40 + tempoMap.getPreferredHeight() + 16;
    return juce::jmax (settings, tempo);
}

void ClickPanel::resized()
{
    auto area = getLocalBounds().reduced (16, 8);
    auto left = area.removeFromLeft (juce::jmin (560, area.getWidth() / 2));
    area.removeFromLeft (32);

    tempoTitle.setBounds (left.removeFromTop (40));
    tempoMap.setBounds (left);

    auto right = area;
    soundTitle.setBounds (right.removeFromTop (40));
    auto row = [&right] (juce::Label& caption)
    {
        auto line = right.removeFromTop (44);
        caption.setBounds (line.removeFromLeft (180));
        return line.reduced (0, 4);
    };
    auto soundLine = row (soundLabel);
    sound.setBounds (soundLine.removeFromLeft (200));
    soundLine.removeFromLeft (10);
    customFile.setBounds (soundLine.removeFromLeft (200));
    subdivision.setBounds (row (subdivisionLabel).removeFromLeft (200));
    subdivisionDb.setBounds (row (subdivisionLevelLabel).removeFromLeft (420));
    auto accentLine = row (accentLabel);
    accent.setBounds (accentLine.removeFromLeft (130));
    accentLine.removeFromLeft (10);
    accentDb.setBounds (accentLine.removeFromLeft (280));
    countIn.setBounds (row (countInLabel).removeFromLeft (200));
    warning.setBounds (right.removeFromTop (30));

    right.removeFromTop (12);
    mixesTitle.setBounds (right.removeFromTop (40));
    for (auto& mixRow : mixRows)
        mixRow->setBounds (right.removeFromTop (48));
}

} // namespace foldback
