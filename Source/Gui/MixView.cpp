#include "MixView.h"

#include "FoldbackLookAndFeel.h"
#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    constexpr int headerHeight = 56;

    const char* const listenUnavailable =
        "Listen needs the engineer's monitor outputs: set them on the DEVICE page (Listen outputs)";
}

MixView::MixView (ConsoleModel& modelToEdit, std::string mix)
    : model (modelToEdit), mixId (std::move (mix))
{
    setComponentID ("mix:" + mixId);
    setOpaque (true);

    nameLabel.setFont (juce::Font (fontSizes::heading, juce::Font::bold));
    nameLabel.setColour (juce::Label::textColourId, palette::text);
    detailLabel.setFont (juce::Font (fontSizes::body));
    detailLabel.setColour (juce::Label::textColourId, palette::dimText);
    addAndMakeVisible (nameLabel);
    addAndMakeVisible (detailLabel);

    copyButton.setTooltip ("Copy this mix's sends and master level onto another performer's mix");
    copyButton.onClick = [this] { showCopyMenu(); };
    addAndMakeVisible (copyButton);

    listenButton.setClickingTogglesState (false);
    listenButton.setColour (juce::TextButton::buttonOnColourId, palette::accent);
    listenButton.setColour (juce::TextButton::textColourOnId, palette::background);
    listenButton.onClick = [this]
    {
        model.setListenMix (model.getListenMix() == mixId ? std::string() : mixId);
    };
    addAndMakeVisible (listenButton);

    narrowButton.setName ("narrow");
    narrowButton.setClickingTogglesState (false);
    narrowButton.setTooltip ("Narrow strips: name, mute, solo, fader and meter only, so 24 or more fit across the screen "
                             "(every mix page; the pan knob and the kind of source are left out)");
    narrowButton.onClick = [this] { model.setNarrowStrips (! model.getNarrowStrips()); };
    addAndMakeVisible (narrowButton);

    stripViewport.setViewedComponent (&stripHolder, false);
    stripViewport.setScrollBarsShown (false, true);
    stripViewport.setScrollBarThickness (12);
    addAndMakeVisible (stripViewport);

    masterStrip = std::make_unique<MixMasterStrip> (model, mixId);
    addAndMakeVisible (*masterStrip);

    rebuildStrips();
    model.addListener (this);
}

MixView::~MixView()
{
    model.removeListener (this);
}

ChannelStrip* MixView::findStrip (const std::string& sourceId) const
{
    for (const auto& strip : strips)
        if (strip->getSourceId() == sourceId)
            return strip.get();
    return nullptr;
}

void MixView::sessionChanged()
{
    const bool narrow = model.getNarrowStrips();
    if (narrowButton.getToggleState() != narrow)
    {
        narrowButton.setToggleState (narrow, juce::dontSendNotification);
        for (auto& strip : strips)
            strip->setNarrow (narrow);
        layOutStrips();
    }
    refreshHeader();
    if (sourceIdsOf (model.getSession()) != stripSources)
        triggerAsyncUpdate();
}

void MixView::rebuildStrips()
{
    stripSources = sourceIdsOf (model.getSession());
    strips.clear();
    for (const auto& sourceId : stripSources)
    {
        strips.push_back (std::make_unique<ChannelStrip> (model, mixId, sourceId));
        strips.back()->setNarrow (model.getNarrowStrips());
        stripHolder.addAndMakeVisible (*strips.back());
    }
    refreshHeader();
    resized();
}

void MixView::refreshHeader()
{
    const auto& session = model.getSession();
    const auto* mix = findMix (session, mixId);
    if (mix == nullptr)
        return;

    const bool canListen = ! session.monitor.outputs.empty();
    listenButton.setEnabled (canListen);
    listenButton.setToggleState (canListen && model.getListenMix() == mixId, juce::dontSendNotification);
    listenButton.setTooltip (canListen ? "Hear exactly what this performer hears, on your monitor outputs" : listenUnavailable);

    const int number = indexOfMix (session, mixId) + 1;
    nameLabel.setText (juce::String (number) + "  " + juce::String (mix->name), juce::dontSendNotification);
    setName (mix->name);

    juce::StringArray outputs;
    for (int channel : mix->outputs)
        outputs.add (juce::String (channel));
    detailLabel.setText ("outputs " + outputs.joinIntoString ("-") + "   click "
                             + (mix->clickMode == ClickMode::always ? "always" : "count-in only")
                             + "   " + juce::String (static_cast<int> (mix->sends.size())) + " sends",
                         juce::dontSendNotification);
}

void MixView::showCopyMenu()
{
    juce::PopupMenu menu;
    menu.addSectionHeader ("Copy this mix to");
    const auto& mixes = model.getSession().mixes;
    for (std::size_t i = 0; i < mixes.size(); ++i)
        if (mixes[i].id != mixId)
            menu.addItem (static_cast<int> (i) + 1, mixes[i].name);

    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (copyButton),
                        [safeThis = juce::Component::SafePointer<MixView> (this)] (int chosen)
                        {
                            if (safeThis == nullptr || chosen <= 0)
                                return;
                            const auto& all = safeThis->model.getSession().mixes;
                            if (static_cast<std::size_t> (chosen) <= all.size())
                                safeThis->model.copyMix (safeThis->mixId, all[static_cast<std::size_t> (chosen - 1)].id);
                        });
}

void MixView::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
    g.setColour (palette::outline);
    g.fillRect (0, headerHeight - 1, getWidth(), 1);
}

void MixView::resized()
{
    auto area = getLocalBounds().reduced (8, 0);
    auto header = area.removeFromTop (headerHeight).reduced (0, 8);
    listenButton.setBounds (header.removeFromRight (110));
    header.removeFromRight (8);
    copyButton.setBounds (header.removeFromRight (160));
    header.removeFromRight (8);
    narrowButton.setBounds (header.removeFromRight (110));
    nameLabel.setBounds (header.removeFromLeft (juce::jmax (240, header.getWidth() / 3)));
    detailLabel.setBounds (header);

    area.removeFromTop (8);
    area.removeFromBottom (4);
    masterStrip->setBounds (area.removeFromRight (MixMasterStrip::preferredWidth));
    area.removeFromRight (8);
    stripViewport.setBounds (area);
    layOutStrips();
}

void MixView::layOutStrips()
{
    narrowButton.setToggleState (model.getNarrowStrips(), juce::dontSendNotification);
    const auto area = stripViewport.getBounds();

    // Strips widen to fill the view (up to a limit), and scroll when there are too many.
    const int count = juce::jmax (1, static_cast<int> (strips.size()));
    const int stripWidth = model.getNarrowStrips()
                               ? ChannelStrip::narrowWidth
                               : juce::jlimit (ChannelStrip::preferredWidth, ChannelStrip::maximumWidth, area.getWidth() / count);
    const int scrollBar = count * stripWidth > area.getWidth() ? stripViewport.getScrollBarThickness() : 0;
    const int stripHeight = area.getHeight() - scrollBar;
    stripHolder.setSize (static_cast<int> (strips.size()) * stripWidth, stripHeight);
    for (std::size_t i = 0; i < strips.size(); ++i)
        strips[i]->setBounds (static_cast<int> (i) * stripWidth, 0, stripWidth, stripHeight);
}

} // namespace foldback
