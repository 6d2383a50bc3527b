#include "DevicePanel.h"

#include "FoldbackLookAndFeel.h"
#include "Control/LiveAudio.h"
#include "Session/SessionLimits.h"

#include <algorithm>

namespace foldback
{

namespace
{
    const char* const defaultDevice = "(default)";
    constexpr int listenAsSetId = 10000; // the listen outputs' item for what the Setup page set (a mono output, an even pair)
    constexpr std::array<int, 9> bufferSizes { 16, 32, 64, 128, 256, 512, 1024, 2048, 4096 };

    void styleCaption (juce::Label& label, const juce::String& text)
    {
        label.setText (text, juce::dontSendNotification);
        label.setFont (juce::Font (fontSizes::body, juce::Font::bold));
        label.setColour (juce::Label::textColourId, palette::dimText);
    }

    void selectText (juce::ComboBox& box, const juce::String& text)
    {
        for (int i = 0; i < box.getNumItems(); ++i)
            if (box.getItemText (i) == text)
            {
                box.setSelectedItemIndex (i, juce::dontSendNotification);
                return;
            }
        box.addItem (text, box.getNumItems() + 1); // keep what the session names, even if absent now
        box.setSelectedItemIndex (box.getNumItems() - 1, juce::dontSendNotification);
    }
}

DevicePanel::DevicePanel (ConsoleModel& modelToEdit, LiveAudio* liveAudio) : model (modelToEdit), audio (liveAudio)
{
    setComponentID ("devicePanel");
    setName ("Devices");
    setOpaque (true);

    title.setText ("Audio device", juce::dontSendNotification);
    title.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    title.setColour (juce::Label::textColourId, palette::text);
    styleCaption (typeLabel, "Type");
    styleCaption (inputLabel, "Input device");
    styleCaption (outputLabel, "Output device");
    styleCaption (rateLabel, "Sample rate");
    styleCaption (bufferLabel, "Buffer size");
    styleCaption (listenLabel, "Listen outputs");
    styleCaption (syncLabel, "Transport");
    styleCaption (timebaseLabel, "JACK tempo");
    result.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    result.setJustificationType (juce::Justification::topLeft);

    for (const auto& name : namesOf<DeviceType>())
        type.addItem (juce::String (std::string (name)), type.getNumItems() + 1);
    for (double sampleRate : sessionLimits::sampleRates)
        rate.addItem (juce::String (sampleRate, 0) + " Hz", rate.getNumItems() + 1);
    for (int size : bufferSizes)
        buffer.addItem (juce::String (size) + " frames", buffer.getNumItems() + 1);

    // Whose timeline plays (docs/live-audio.md): applied with the device, which it needs.
    sync.setName ("sync");
    for (const auto& name : namesOf<TransportSync>())
        sync.addItem (juce::String (std::string (name)), sync.getNumItems() + 1);
    sync.setTooltip ("internal: Foldback's own transport. jack: follow the JACK transport (the DAW's play, stop and locate); "
                     "Foldback's own transport controls then drive it");
    timebase.setName ("timebase");
    for (const auto& name : namesOf<TransportTimebase>())
        timebase.addItem (juce::String (std::string (name)), timebase.getNumItems() + 1);
    timebase.setTooltip ("Under JACK sync: lead publishes bar, beat and tempo from the tempo map; follow clicks to another "
                         "timebase master's bar and beat");

    // The engineer's own pair for LISTEN: applied at once, like any session edit.
    listenOutputs.setName ("listenOutputs");
    listenOutputs.setTooltip ("Where LISTEN plays the performer's mix you choose: your own headphones or monitors");
    listenOutputs.onChange = [this]
    {
        if (listenOutputs.getSelectedId() == listenAsSetId)
            return; // what the session has already
        std::vector<int> outputs;
        if (const int first = listenOutputs.getSelectedId() - 1; first > 0)
            outputs = { first, first + 1 };
        if (outputs != model.getSession().monitor.outputs)
            model.edit ("Set listen outputs", [outputs] (Session& s) { s.monitor.outputs = outputs; });
    };

    type.setName ("type");
    type.onChange = [this] { fillDeviceLists(); };
    applyButton.setColour (juce::TextButton::buttonColourId, palette::accent.darker (0.4f));
    applyButton.onClick = [this] { apply(); };
    rescanButton.onClick = [this] { rescan(); };
    rescanButton.setEnabled (audio != nullptr);

    for (auto* c : std::initializer_list<juce::Component*> { &title, &typeLabel, &inputLabel, &outputLabel, &rateLabel,
                                                             &bufferLabel, &listenLabel, &result, &type, &input, &output, &rate,
                                                             &buffer, &listenOutputs, &syncLabel, &timebaseLabel, &sync, &timebase,
                                                             &applyButton, &rescanButton })
        addAndMakeVisible (c);

    showSessionSettings();
    model.addListener (this);
}

DevicePanel::~DevicePanel()
{
    model.removeListener (this);
}

void DevicePanel::visibilityChanged()
{
    // Scanning opens ALSA devices and a JACK client: only when the engineer comes to look.
    if (isShowing() && ! scanned && audio != nullptr)
        rescan();
}

void DevicePanel::rescan()
{
    if (audio == nullptr)
        return;
    scanned = true;
    listings.clear();
    for (const auto& device : audio->listDevices())
        listings.push_back ({ device.type, device.name, device.numInputs, device.numOutputs, device.note });
    fillDeviceLists();
    showSessionSettings();
}

void DevicePanel::fillDeviceLists()
{
    const auto selectedType = type.getText().toStdString();
    input.clear (juce::dontSendNotification);
    output.clear (juce::dontSendNotification);
    input.addItem (defaultDevice, 1);
    output.addItem (defaultDevice, 1);
    for (const auto& listing : listings)
    {
        if (listing.type != selectedType)
            continue;
        if (listing.inputs > 0)
            input.addItem (listing.name, input.getNumItems() + 1);
        if (listing.outputs > 0)
            output.addItem (listing.name, output.getNumItems() + 1);
    }
    input.setSelectedItemIndex (0, juce::dontSendNotification);
    output.setSelectedItemIndex (0, juce::dontSendNotification);
}

void DevicePanel::fillListenOutputs()
{
    // Pairs no mix uses; item id is the pair's first channel + 1 (id 1: none).
    const auto& session = model.getSession();
    listenOutputs.clear (juce::dontSendNotification);
    listenOutputs.addItem ("None", 1);
    for (int first = 1; first < 64; first += 2)
    {
        const bool used = std::any_of (session.mixes.begin(), session.mixes.end(), [first] (const CueMix& mix)
        {
            return std::find (mix.outputs.begin(), mix.outputs.end(), first) != mix.outputs.end()
                || std::find (mix.outputs.begin(), mix.outputs.end(), first + 1) != mix.outputs.end();
        });
        if (! used)
            listenOutputs.addItem ("Outputs " + juce::String (first) + "-" + juce::String (first + 1), first + 1);
    }
    const auto& chosen = session.monitor.outputs;
    int chosenId = chosen.empty() ? 1 : chosen.front() + 1;
    if (! chosen.empty() && (chosen.size() != 2 || chosen[1] != chosen[0] + 1 || listenOutputs.indexOfItemId (chosenId) < 0))
    {
        // Set on the Setup page: one output, or a pair this list does not offer. Shown as it is.
        chosenId = listenAsSetId;
        listenOutputs.addItem (chosen.size() == 1 ? "Output " + juce::String (chosen[0])
                                                  : "Outputs " + juce::String (chosen[0]) + "-" + juce::String (chosen[1]),
                               chosenId);
    }
    listenOutputs.setSelectedId (chosenId, juce::dontSendNotification);
}

void DevicePanel::showSessionSettings()
{
    const auto& settings = model.getSession().audio;
    selectText (type, juce::String (std::string (toString (settings.deviceType))));
    fillDeviceLists();
    selectText (input, settings.inputDevice.empty() ? juce::String (defaultDevice) : juce::String (settings.inputDevice));
    selectText (output, settings.outputDevice.empty() ? juce::String (defaultDevice) : juce::String (settings.outputDevice));
    selectText (rate, juce::String (settings.sampleRate, 0) + " Hz");
    selectText (buffer, juce::String (settings.bufferSize) + " frames");
    fillListenOutputs();
    const auto& transport = model.getSession().transport;
    selectText (sync, juce::String (std::string (toString (transport.sync))));
    selectText (timebase, juce::String (std::string (toString (transport.timebase))));

    const auto status = model.readDeviceStatus();
    result.setColour (juce::Label::textColourId, status.open ? palette::text : palette::meterAmber);
    if (result.getText().isEmpty())
        result.setText (status.open ? "Running: " + status.typeName + " '" + status.deviceName + "'" : "No device open",
                        juce::dontSendNotification);
}

void DevicePanel::apply()
{
    AudioSettings settings;
    settings.deviceType = enumFromString<DeviceType> (type.getText().toStdString()).value_or (DeviceType::virtualDevice); // the box holds only these names
    settings.inputDevice = input.getText() == defaultDevice ? std::string() : input.getText().toStdString();
    settings.outputDevice = output.getText() == defaultDevice ? std::string() : output.getText().toStdString();
    settings.sampleRate = rate.getText().getDoubleValue();
    settings.bufferSize = buffer.getText().getIntValue();

    // The boxes hold only these names.
    const auto syncChoice = enumFromString<TransportSync> (sync.getText().toStdString()).value_or (TransportSync::internal);
    const auto timebaseChoice = enumFromString<TransportTimebase> (timebase.getText().toStdString()).value_or (TransportTimebase::off);
    const auto& current = model.getSession();
    const bool changed = settings != current.audio || syncChoice != current.transport.sync || timebaseChoice != current.transport.timebase;
    if (changed && ! model.edit ("Change audio device", [settings, syncChoice, timebaseChoice] (Session& s)
                                 {
                                     s.audio = settings;
                                     s.transport.sync = syncChoice;
                                     s.transport.timebase = timebaseChoice;
                                 }))
        return;

    const auto warnings = onApply ? onApply() : std::vector<std::string> {};
    const auto status = model.readDeviceStatus();
    juce::String text = status.open ? "Running: " + status.typeName + " '" + status.deviceName + "' at "
                                          + juce::String (status.sampleRate, 0) + " Hz, " + juce::String (status.bufferSize) + " frames"
                                    : juce::String ("No device open");
    for (const auto& warning : warnings)
        text << "\nwarning: " << warning;
    result.setText (text, juce::dontSendNotification);
    result.setColour (juce::Label::textColourId, warnings.empty() ? palette::text : palette::meterAmber);
}

void DevicePanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
}

void DevicePanel::resized()
{
    auto area = getLocalBounds().reduced (16, 8);
    title.setBounds (area.removeFromTop (48));
    auto row = [&area] (juce::Label& caption, juce::Component& control)
    {
        auto line = area.removeFromTop (46).reduced (0, 4);
        caption.setBounds (line.removeFromLeft (180));
        control.setBounds (line.removeFromLeft (480));
    };
    row (typeLabel, type);
    row (inputLabel, input);
    row (outputLabel, output);
    row (rateLabel, rate);
    row (bufferLabel, buffer);
    row (listenLabel, listenOutputs);
    row (syncLabel, sync);
    row (timebaseLabel, timebase);
    area.removeFromTop (10);
    auto buttons = area.removeFromTop (42);
    buttons.removeFromLeft (180);
    applyButton.setBounds (buttons.removeFromLeft (140));
    buttons.removeFromLeft (12);
    rescanButton.setBounds (buttons.removeFromLeft (200));
    area.removeFromTop (16);
    result.setBounds (area.withWidth (juce::jmin (area.getWidth(), 1000)));
}

} // namespace foldback
