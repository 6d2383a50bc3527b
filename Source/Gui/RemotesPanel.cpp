#include "RemotesPanel.h"

#include "FoldbackLookAndFeel.h"
#include "Remote/RemoteControl.h"

namespace foldback
{

RemotesPanel::RemotesPanel (ConsoleModel& modelToEdit, RemoteControl* remoteControl)
    : model (modelToEdit), remotes (remoteControl), audit (modelToEdit)
{
    setComponentID ("remotesPanel");
    setOpaque (true);

    title.setText ("Performer remotes", juce::dontSendNotification);
    title.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    title.setColour (juce::Label::textColourId, palette::text);
    status.setFont (juce::Font (fontSizes::body, juce::Font::bold));
    engineerToken.setFont (juce::Font (fontSizes::small));
    engineerToken.setColour (juce::Label::textColourId, palette::dimText);

    enableSwitch.setComponentID ("remoteSwitch");
    enableSwitch.setTooltip ("Serve the performers' web page and OSC. Off until you turn it on.");
    enableSwitch.setEnabled (remotes != nullptr);
    enableSwitch.onClick = [this]
    {
        if (remotes != nullptr)
            remotes->setEnabled (enableSwitch.getToggleState());
        refreshStatus();
    };

    cardViewport.setViewedComponent (&cardHolder, false);
    cardViewport.setScrollBarsShown (true, false);
    for (auto* c : std::initializer_list<juce::Component*> { &title, &status, &engineerToken, &enableSwitch, &cardViewport, &audit })
        addAndMakeVisible (c);

    rebuildCards();
    refreshStatus();
    model.addListener (this);
    startTimer (500);
}

RemotesPanel::~RemotesPanel()
{
    model.removeListener (this);
}

RemoteMixCard* RemotesPanel::findCard (const std::string& mixId) const
{
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cardMixes[i] == mixId)
            return cards[i].get();
    return nullptr;
}

void RemotesPanel::sessionChanged()
{
    std::vector<std::string> ids;
    for (const auto& mix : model.getSession().mixes)
        ids.push_back (mix.id);
    if (ids != cardMixes)
        rebuildCards();
    for (auto& card : cards)
        card->refresh();
    audit.refresh();
    refreshStatus();
}

void RemotesPanel::rebuildCards()
{
    cards.clear();
    cardMixes.clear();
    for (const auto& mix : model.getSession().mixes)
    {
        cards.push_back (std::make_unique<RemoteMixCard> (model, remotes, mix.id));
        cardMixes.push_back (mix.id);
        cardHolder.addAndMakeVisible (*cards.back());
    }
    resized();
}

void RemotesPanel::refreshStatus()
{
    const auto& settings = model.getSession().remote;
    enableSwitch.setToggleState (settings.enabled, juce::dontSendNotification);

    juce::String text;
    auto colour = palette::dimText;
    if (remotes == nullptr)
    {
        text = "Remote control is not available in this window";
    }
    else if (! settings.enabled)
    {
        text = "Off: no performer can change anything";
    }
    else if (! remotes->getProblem().empty())
    {
        text = juce::String (remotes->getProblem());
        colour = palette::meterAmber;
    }
    else
    {
        text << "On: web http://" << remotes->getHostForLinks() << ":" << settings.httpPort
             << "   OSC port " << settings.oscPort << "   " << remotes->getWebConnectionCount() << " pages open   "
             << remotes->getOscClientCount() << " OSC clients   " << juce::String (static_cast<juce::int64> (remotes->getRefusedCount()))
             << " messages refused";
        colour = palette::meterGreen;
    }
    status.setText (text, juce::dontSendNotification);
    status.setColour (juce::Label::textColourId, colour);
    engineerToken.setText (settings.enabled && ! settings.engineerToken.empty()
                               ? "Engineer's OSC token (full control; keep it to yourself): " + juce::String (settings.engineerToken)
                               : juce::String(),
                           juce::dontSendNotification);
}

void RemotesPanel::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
}

void RemotesPanel::resized()
{
    auto area = getLocalBounds().reduced (16, 8);
    auto top = area.removeFromTop (44);
    enableSwitch.setBounds (top.removeFromRight (240));
    title.setBounds (top);
    status.setBounds (area.removeFromTop (28));
    engineerToken.setBounds (area.removeFromTop (24));
    area.removeFromTop (8);

    audit.setBounds (area.removeFromBottom (juce::jmax (180, area.getHeight() / 3)));
    area.removeFromBottom (12);
    cardViewport.setBounds (area);

    const int width = cardViewport.getWidth() - cardViewport.getScrollBarThickness();
    int y = 0;
    for (auto& card : cards)
    {
        card->setBounds (0, y, width, RemoteMixCard::preferredHeight);
        y += RemoteMixCard::preferredHeight + 10;
    }
    cardHolder.setSize (width, juce::jmax (0, y - 10));
}

} // namespace foldback
