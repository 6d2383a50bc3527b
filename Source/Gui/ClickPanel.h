#pragma once

#include "ClickSendRow.h"
#include "ConsoleModel.h"
#include "TempoMapEditor.h"

#include "WheelSafeSlider.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace foldback
{

/** The click: tempo map, sound (with a custom WAV), subdivision and its level, downbeat
    accent, count-in bars, and each performer's click level and mode. Every control edits
    ClickSettings (or a mix's click send) through the document.

    componentID "clickPanel". Message thread only. */
class ClickPanel : public juce::Component,
                   private ConsoleModel::Listener,
                   private juce::AsyncUpdater
{
public:
    explicit ClickPanel (ConsoleModel& model);
    ~ClickPanel() override;

    juce::ComboBox& getSoundBox() noexcept       { return sound; }
    juce::ComboBox& getSubdivisionBox() noexcept { return subdivision; }
    ClickSendRow* findMixRow (const std::string& mixId) const;

    /** The height that shows every row (the tempo map and each mix's click), for the
        console to scroll this page in when the window is shorter. */
    int getPreferredHeight() const;

    void rebuildIfNeeded() { handleUpdateNowIfNeeded(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void sessionChanged() override;
    void handleAsyncUpdate() override { rebuildMixRows(); }
    void rebuildMixRows();
    void chooseCustomFile();

    ConsoleModel& model;
    juce::Label tempoTitle, soundTitle, mixesTitle, warning;
    juce::Label soundLabel, subdivisionLabel, subdivisionLevelLabel, accentLabel, countInLabel;
    TempoMapEditor tempoMap;
    juce::ComboBox sound, subdivision, countIn;
    juce::TextButton customFile { "Custom WAV..." }, accent { "ACCENT" };
    WheelSafeSlider accentDb { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    WheelSafeSlider subdivisionDb { juce::Slider::LinearHorizontal, juce::Slider::TextBoxRight };
    std::vector<std::unique_ptr<ClickSendRow>> mixRows;
    std::vector<std::string> builtMixes;
    std::unique_ptr<juce::FileChooser> chooser;

    JUCE_DECLARE_NON_COPYABLE_WITH_LEAK_DETECTOR (ClickPanel)
};

} // namespace foldback
