#include "SetupPanel.h"

#include "ConsoleFieldKeys.h"
#include "FoldbackLookAndFeel.h"
#include "SetupControls.h"
#include "Control/InputEdits.h"
#include "Control/MixEdits.h"
#include "Control/RoutingEdits.h"
#include "Control/SourceNames.h"

#include <algorithm>

namespace foldback
{

namespace
{
    constexpr int noneId = 1;            // the "none" item of the talkback and listen choices; channel N is N + 1
    constexpr int stereoListenBase = 1000; // a listen pair N, N+1 is stereoListenBase + N
    constexpr int fallbackChannels = 64;

    std::vector<std::string> idsOfInputs (const Session& session)
    {
        std::vector<std::string> ids;
        for (const auto& input : session.inputs)
            ids.push_back (input.id);
        return ids;
    }

    std::vector<std::string> idsOfMixes (const Session& session)
    {
        std::vector<std::string> ids;
        for (const auto& mix : session.mixes)
            ids.push_back (mix.id);
        return ids;
    }

    std::vector<std::tuple<std::string, std::vector<int>, double>> mixSetupOf (const Session& session)
    {
        std::vector<std::tuple<std::string, std::vector<int>, double>> mixes;
        for (const auto& mix : session.mixes)
            mixes.emplace_back (mix.name, mix.outputs, mix.limiterCeilingDb);
        return mixes;
    }

    juce::String channelLabel (int channel, const std::vector<std::string>& names)
    {
        if (channel >= 1 && channel <= static_cast<int> (names.size()))
            return juce::String (channel) + "  " + juce::String (names[static_cast<std::size_t> (channel - 1)]);
        return juce::String (channel);
    }
}

SetupPanel::SetupPanel (ConsoleModel& modelToEdit) : model (modelToEdit)
{
    setComponentID ("setupPanel");
    setName ("Setup");
    setOpaque (true);

    title.setText ("Session setup", juce::dontSendNotification);
    title.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    title.setColour (juce::Label::textColourId, palette::text);
    setupControls::styleCaption (talkbackCaption, "TALKBACK MIC");
    setupControls::styleCaption (listenCaption, "LISTEN OUTPUTS");
    setupControls::styleCaption (addressCaption, "REMOTES ADDRESS");
    setupControls::styleCaption (httpCaption, "WEB PORT");
    setupControls::styleCaption (oscCaption, "OSC PORT");
    for (auto* heading : { &inputsTitle, &mixesTitle })
    {
        heading->setFont (juce::Font (fontSizes::name, juce::Font::bold));
        heading->setColour (juce::Label::textColourId, palette::text);
    }

    talkback.setComponentID ("setup:talkback");
    talkback.setTooltip ("The device input of the engineer's talkback mic");
    talkback.onChange = [this]
    {
        const int channel = talkback.getSelectedId() - 1;
        setupControls::report (model, setTalkbackChannel (model.getDocument(), channel));
        refreshRouting();
    };

    listen.setComponentID ("setup:listen");
    listen.setTooltip ("Where LISTEN plays the performer's mix you choose: your own headphones or monitors");
    listen.onChange = [this]
    {
        const int id = listen.getSelectedId();
        std::vector<int> outputs;
        if (id >= stereoListenBase)
            outputs = { id - stereoListenBase, id - stereoListenBase + 1 };
        else if (id > noneId)
            outputs = { id - 1 };
        if (outputs != model.getSession().monitor.outputs)
            setupControls::report (model, setListenOutputs (model.getDocument(), outputs));
        refreshRouting();
    };

    remoteAddress.setComponentID ("setup:remoteAddress");
    setupControls::styleField (remoteAddress);
    remoteAddress.setTooltip ("The IPv4 address the performers' remotes listen on; 0.0.0.0 is every network");
    remoteAddress.onTextChange = [this]
    {
        setupControls::report (model, setRemoteAddress (model.getDocument(), remoteAddress.getText().trim().toStdString()));
        refreshRouting();
    };
    for (auto* port : { &httpPort, &oscPort })
    {
        setupControls::styleField (*port, juce::Justification::centred);
        port->onTextChange = [this] { applyPorts(); };
    }
    httpPort.setComponentID ("setup:httpPort");
    httpPort.setTooltip ("The port of the performers' web page");
    oscPort.setComponentID ("setup:oscPort");
    oscPort.setTooltip ("The port OSC remotes send to");

    addInput.setComponentID ("setup:addInput");
    addInput.setTooltip ("A new input on the next free channel; it reaches no mix until you raise it");
    addInput.setWantsKeyboardFocus (false);
    addInput.onClick = [this] { addNewInput(); };
    addMix.setComponentID ("setup:addMix");
    addMix.setTooltip ("A new performer's mix on the next free outputs: the click and talkback, nothing else until you raise it");
    addMix.setWantsKeyboardFocus (false);
    addMix.onClick = [this] { addNewMix(); };

    for (auto* scroller : { &inputScroller, &mixScroller })
    {
        scroller->setScrollBarsShown (true, false);
        scroller->setScrollBarThickness (12);
    }
    inputScroller.setViewedComponent (&inputHolder, false);
    mixScroller.setViewedComponent (&mixHolder, false);
    inputScroller.setComponentID ("setup:inputs");
    mixScroller.setComponentID ("setup:mixes");

    for (auto* c : std::initializer_list<juce::Component*> { &title, &talkbackCaption, &listenCaption, &addressCaption, &httpCaption,
                                                             &oscCaption, &inputsTitle, &mixesTitle, &talkback, &listen, &remoteAddress,
                                                             &httpPort, &oscPort, &addInput, &addMix, &inputScroller, &mixScroller })
        addAndMakeVisible (c);

    rebuildRows();
    model.addListener (this);
}

SetupPanel::~SetupPanel()
{
    model.removeListener (this);
}

SetupInputRow* SetupPanel::findInputRow (const std::string& inputId) const
{
    for (const auto& row : inputRows)
        if (row->getInputId() == inputId)
            return row.get();
    return nullptr;
}

SetupMixRow* SetupPanel::findMixRow (const std::string& mixId) const
{
    for (const auto& row : mixRows)
        if (row->getMixId() == mixId)
            return row.get();
    return nullptr;
}

SetupPanel::SetupView SetupPanel::SetupView::of (const Session& session)
{
    return { session.inputs, mixSetupOf (session), session.talkback.channels, session.monitor.outputs, session.remote };
}

void SetupPanel::sessionChanged()
{
    // A row's own button may be what changed the list: rebuild once its callback returns.
    const auto& session = model.getSession();
    if (idsOfInputs (session) != builtInputs || idsOfMixes (session) != builtMixes)
    {
        triggerAsyncUpdate();
        return;
    }
    // Most edits are a fader or a pan: only what this page shows is worth refreshing, and
    // only while it shows (visibilityChanged catches up).
    if (! isShowing())
    {
        stale = true;
        return;
    }
    if (SetupView::of (session) != shown)
        refreshAll();
}

void SetupPanel::visibilityChanged()
{
    if (isShowing() && stale)
        refreshAll(); // also picks up a device reopened with other channels
}

void SetupPanel::refreshAll()
{
    stale = false;
    shown = SetupView::of (model.getSession());
    for (auto& row : inputRows)
        row->refreshFromSession();
    for (auto& row : mixRows)
        row->refreshFromSession();
    refreshRouting();
}

void SetupPanel::rebuildRows()
{
    const auto& session = model.getSession();
    // Keep the rows that stay (and so a field being typed in), in the session's order.
    std::vector<std::unique_ptr<SetupInputRow>> inputs;
    for (const auto& input : session.inputs)
    {
        auto existing = std::find_if (inputRows.begin(), inputRows.end(), [&input] (const auto& row) { return row != nullptr && row->getInputId() == input.id; });
        if (existing != inputRows.end())
            inputs.push_back (std::move (*existing));
        else
            inputs.push_back (std::make_unique<SetupInputRow> (model, input.id));
        inputHolder.addAndMakeVisible (*inputs.back());
    }
    inputRows = std::move (inputs);

    std::vector<std::unique_ptr<SetupMixRow>> mixes;
    for (const auto& mix : session.mixes)
    {
        auto existing = std::find_if (mixRows.begin(), mixRows.end(), [&mix] (const auto& row) { return row != nullptr && row->getMixId() == mix.id; });
        if (existing != mixRows.end())
            mixes.push_back (std::move (*existing));
        else
            mixes.push_back (std::make_unique<SetupMixRow> (model, mix.id));
        mixHolder.addAndMakeVisible (*mixes.back());
    }
    mixRows = std::move (mixes);

    builtInputs = idsOfInputs (session);
    builtMixes = idsOfMixes (session);
    refreshAll();
    layOutRows();
}

void SetupPanel::refreshRouting()
{
    const auto& session = model.getSession();
    const auto channels = model.readDeviceChannels();

    talkback.clear (juce::dontSendNotification);
    talkback.addItem ("None", noneId);
    const int inputCount = channels.inputs.empty() ? fallbackChannels : static_cast<int> (channels.inputs.size());
    for (int channel = 1; channel <= inputCount; ++channel)
        talkback.addItem (channelLabel (channel, channels.inputs), channel + 1);
    const int talkbackChannel = session.talkback.channels.empty() ? 0 : session.talkback.channels.front();
    if (talkbackChannel > 0 && talkback.indexOfItemId (talkbackChannel + 1) < 0)
        talkback.addItem (juce::String (talkbackChannel) + "  not on this device", talkbackChannel + 1);
    talkback.setSelectedId (talkbackChannel + 1, juce::dontSendNotification);

    listen.clear (juce::dontSendNotification);
    listen.addItem ("None", noneId);
    const int outputCount = channels.outputs.empty() ? fallbackChannels : static_cast<int> (channels.outputs.size());
    for (int first = 1; first < outputCount; ++first)
        listen.addItem (juce::String (first) + "+" + juce::String (first + 1) + " stereo", stereoListenBase + first);
    for (int channel = 1; channel <= outputCount; ++channel)
        listen.addItem (channelLabel (channel, channels.outputs) + " mono", channel + 1);
    const auto& monitor = session.monitor.outputs;
    const int listenId = monitor.empty() ? noneId : monitor.size() == 2 ? stereoListenBase + monitor.front() : monitor.front() + 1;
    if (listen.indexOfItemId (listenId) < 0)
        listen.addItem ("not on this device", listenId);
    listen.setSelectedId (listenId, juce::dontSendNotification);

    if (! remoteAddress.isBeingEdited())
        remoteAddress.setText (session.remote.address, juce::dontSendNotification);
    if (! httpPort.isBeingEdited())
        httpPort.setText (juce::String (session.remote.httpPort), juce::dontSendNotification);
    if (! oscPort.isBeingEdited())
        oscPort.setText (juce::String (session.remote.oscPort), juce::dontSendNotification);

    inputsTitle.setText ("Inputs  (" + juce::String (session.inputs.size()) + ")", juce::dontSendNotification);
    mixesTitle.setText ("Performers' mixes  (" + juce::String (session.mixes.size()) + ")", juce::dontSendNotification);
}

void SetupPanel::addNewInput()
{
    const auto& session = model.getSession();
    std::string name;
    for (int n = static_cast<int> (session.inputs.size()) + 1; name.empty() || ! checkInputName (session, name, {}).ok(); ++n)
        name = "Input " + std::to_string (n);
    setupControls::report (model, foldback::addInput (model.getDocument(), name, { firstFreeInputChannel (session) }));
}

void SetupPanel::addNewMix()
{
    const auto& session = model.getSession();
    std::string name;
    for (int n = static_cast<int> (session.mixes.size()) + 1; name.empty() || ! checkMixName (session, name, {}).ok(); ++n)
        name = "Mix " + std::to_string (n);
    setupControls::report (model, foldback::addMix (model.getDocument(), name, firstFreeOutputs (session, true)));
}

void SetupPanel::applyPorts()
{
    const auto web = httpPort.getText().trim(), osc = oscPort.getText().trim();
    if (! web.containsOnly ("0123456789") || web.isEmpty() || ! osc.containsOnly ("0123456789") || osc.isEmpty())
        model.notice ("Not changed: a port is a whole number, such as 8470");
    else
        setupControls::report (model, setRemotePorts (model.getDocument(), web.getIntValue(), osc.getIntValue()));
    refreshRouting();
}

void SetupPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
}

void SetupPanel::resized()
{
    auto area = getLocalBounds().reduced (12, 8);
    title.setBounds (area.removeFromTop (36));

    // The session's own routing, in one row: caption above, field below.
    auto captions = area.removeFromTop (22);
    auto fields = area.removeFromTop (40);
    const auto place = [&captions, &fields] (juce::Label& caption, juce::Component& field, int width)
    {
        caption.setBounds (captions.removeFromLeft (width));
        field.setBounds (fields.removeFromLeft (width));
        captions.removeFromLeft (14);
        fields.removeFromLeft (14);
    };
    const int routingWidth = area.getWidth();
    place (talkbackCaption, talkback, juce::jmin (260, routingWidth * 24 / 100));
    place (listenCaption, listen, juce::jmin (260, routingWidth * 24 / 100));
    place (addressCaption, remoteAddress, juce::jmin (200, routingWidth * 18 / 100));
    place (httpCaption, httpPort, 96);
    place (oscCaption, oscPort, 96);
    area.removeFromTop (14);

    // The mixes' rows carry more (outputs and a ceiling) than the inputs' do.
    auto left = area.removeFromLeft ((area.getWidth() - 16) * 47 / 100);
    area.removeFromLeft (16);
    auto right = area;

    auto leftHead = left.removeFromTop (40);
    addInput.setBounds (leftHead.removeFromRight (150).reduced (0, 2));
    inputsTitle.setBounds (leftHead);
    left.removeFromTop (6);
    inputScroller.setBounds (left);

    auto rightHead = right.removeFromTop (40);
    addMix.setBounds (rightHead.removeFromRight (150).reduced (0, 2));
    mixesTitle.setBounds (rightHead);
    right.removeFromTop (6);
    mixScroller.setBounds (right);

    layOutRows();
}

void SetupPanel::layOutRows()
{
    const auto layOut = [] (juce::Viewport& scroller, juce::Component& holder, auto& rows)
    {
        const int height = static_cast<int> (rows.size()) * setupControls::rowHeight;
        const int width = scroller.getWidth() - (height > scroller.getHeight() ? scroller.getScrollBarThickness() + 2 : 0);
        holder.setSize (juce::jmax (0, width), height);
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i]->setBounds (0, static_cast<int> (i) * setupControls::rowHeight, width, setupControls::rowHeight);
    };
    layOut (inputScroller, inputHolder, inputRows);
    layOut (mixScroller, mixHolder, mixRows);
}

} // namespace foldback
