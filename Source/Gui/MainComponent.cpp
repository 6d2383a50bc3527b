#include "MainComponent.h"

namespace foldback
{

namespace
{
    constexpr int topBarHeight = 84;
    constexpr int talkbackWidth = 380;
    constexpr int navigationWidth = 190;
    constexpr int navigationButtonHeight = 52;
    constexpr int mixButtonHeight = 46;
    constexpr int soloHeight = 60;
    constexpr int statusHeight = 32;

    std::function<void()> noAction;
}

MainComponent::MainComponent (ConsoleModel& modelToShow, LiveAudio* audio)
    : model (modelToShow), transport (modelToShow), talkback (modelToShow), solo (modelToShow), status (modelToShow)
{
    setComponentID ("console");
    setLookAndFeel (&lookAndFeel);
    setOpaque (true);
    setWantsKeyboardFocus (true);

    matrix = std::make_unique<MixMatrix> (model);
    click = std::make_unique<ClickPanel> (model);
    tracks = std::make_unique<TracksPanel> (model);
    devices = std::make_unique<DevicePanel> (model, audio);
    remotes = std::make_unique<RemotesPanel> (model, model.remoteControl);
    setup = std::make_unique<SetupPanel> (model);

    addAndMakeVisible (transport);
    addAndMakeVisible (talkback);
    addAndMakeVisible (solo);

    mixButtonScroller.setViewedComponent (&mixButtonHolder, false);
    mixButtonScroller.setScrollBarsShown (true, false);
    mixButtonScroller.setScrollBarThickness (10);
    mixButtonScroller.setComponentID ("mixButtons");
    addAndMakeVisible (mixButtonScroller);
    addAndMakeVisible (status);

    model.onNotice = [this] (const juce::String& text) { status.showNotice (text); };

    rebuildPages();
    setShowsTooltips (true);
    model.addListener (this);
    setSize (1500, 940);
}

MainComponent::~MainComponent()
{
    model.removeListener (this);
    model.onNotice = nullptr;
    setLookAndFeel (nullptr);
}

MixView* MainComponent::findMixView (const std::string& mixId) const
{
    for (const auto& view : mixViews)
        if (view->getMixId() == mixId)
            return view.get();
    return nullptr;
}

void MainComponent::sessionChanged()
{
    std::vector<std::string> ids;
    for (const auto& mix : model.getSession().mixes)
        ids.push_back (mix.id);
    if (ids != builtMixes)
    {
        triggerAsyncUpdate();
        return;
    }
    for (std::size_t i = 0; i < mixViews.size(); ++i)
        pages[i].button->setButtonText (juce::String (i + 1) + "  " + juce::String (model.getSession().mixes[i].name));
    resized(); // a page that grew (a track added, a tempo change) scrolls further
}

void MainComponent::rebuildPages()
{
    for (auto& page : pages)
        removeChildComponent (&page.frame());
    pages.clear();
    mixViews.clear();
    builtMixes.clear();

    const auto& mixes = model.getSession().mixes;
    for (std::size_t i = 0; i < mixes.size(); ++i)
    {
        builtMixes.push_back (mixes[i].id);
        mixViews.push_back (std::make_unique<MixView> (model, mixes[i].id));
        pages.push_back ({ juce::String (i + 1) + "  " + juce::String (mixes[i].name), mixViews.back().get(), nullptr });
    }
    pages.push_back ({ "Matrix", matrix.get(), nullptr });
    pages.push_back ({ "Click", click.get(), nullptr });
    pages.back().contentHeight = [this] { return click->getPreferredHeight(); };
    pages.push_back ({ "Tracks", tracks.get(), nullptr });
    // Enough for every row and a few imports in progress (TracksPanel lays them out top down).
    pages.back().contentHeight = [this] { return 200 + static_cast<int> (model.getSession().tracks.size()) * TrackRow::preferredHeight; };
    pages.push_back ({ "Devices", devices.get(), nullptr });
    pages.push_back ({ "Remotes", remotes.get(), nullptr });
    pages.push_back ({ "Setup", setup.get(), nullptr });

    for (std::size_t i = 0; i < pages.size(); ++i)
    {
        auto& page = pages[i];
        page.button = std::make_unique<juce::TextButton> (page.title);
        page.button->setComponentID ("page:" + page.title);
        page.button->setColour (juce::TextButton::buttonOnColourId, palette::accent);
        page.button->setConnectedEdges (juce::Button::ConnectedOnRight);
        page.button->onClick = [this, index = static_cast<int> (i)] { showPage (index); };
        page.button->setWantsKeyboardFocus (false);
        if (i < mixViews.size())
            mixButtonHolder.addAndMakeVisible (*page.button);
        else
            addAndMakeVisible (*page.button);
        if (page.contentHeight != nullptr)
        {
            page.scroller = std::make_unique<juce::Viewport>();
            page.scroller->setViewedComponent (page.component, false);
            page.scroller->setScrollBarsShown (true, false);
            page.scroller->setScrollBarThickness (12);
        }
        addChildComponent (page.frame());
    }

    // Stay on the page that was showing (by its title), else the first.
    int keep = 0;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (pages[i].title == currentPageTitle)
            keep = static_cast<int> (i);
    resized();
    showPage (keep);
}

void MainComponent::showPage (int index)
{
    if (index < 0 || index >= static_cast<int> (pages.size()))
        return;
    currentPage = index;
    currentPageTitle = pages[static_cast<std::size_t> (index)].title;
    for (std::size_t i = 0; i < pages.size(); ++i)
    {
        const bool shown = static_cast<int> (i) == index;
        pages[i].frame().setVisible (shown);
        pages[i].button->setToggleState (shown, juce::dontSendNotification);
        pages[i].button->setColour (juce::TextButton::textColourOffId, shown ? juce::Colours::black : palette::text);
    }
}

void MainComponent::setShowsTooltips (bool shouldShow)
{
    if (shouldShow && tooltips == nullptr)
        tooltips = std::make_unique<juce::TooltipWindow> (this, 600);
    else if (! shouldShow)
        tooltips.reset();
}

void MainComponent::filesDropped (const juce::StringArray& files, int x, int y)
{
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (pages[i].component == tracks.get())
            showPage (static_cast<int> (i));
    tracks->filesDropped (files, x, y);
}

bool MainComponent::keyPressed (const juce::KeyPress& key)
{
    const auto mods = key.getModifiers();
    const int code = key.getKeyCode();
    auto& document = model.getDocument();

    if (mods.isCommandDown())
    {
        if (code == 'Z' || code == 'z')
        {
            if (mods.isShiftDown())
                document.redo();
            else
                document.undo();
            return true;
        }
        const bool shift = mods.isShiftDown();
        auto& action = (code == 'S' || code == 's') ? (shift ? onSaveAs : onSave)
                     : (code == 'O' || code == 'o') ? onOpen
                     : (code == 'N' || code == 'n') ? onNew : noAction;
        if (action == nullptr)
            return false;
        action();
        return true;
    }
    if (mods.isAnyModifierKeyDown() && ! mods.isShiftDown())
        return false;

    if (code == juce::KeyPress::spaceKey)
    {
        transport.togglePlayStop();
        return true;
    }
    if (code == 'T' || code == 't')
    {
        if (! talkKeyDown) // ignore auto-repeat while held
        {
            talkKeyDown = true;
            talkback.press();
        }
        return true;
    }
    if (code >= '1' && code <= '9')
    {
        const auto mix = static_cast<std::size_t> (code - '1');
        if (mix < mixViews.size())
            showPage (static_cast<int> (mix));
        return true;
    }
    return false;
}

bool MainComponent::keyStateChanged (bool)
{
    if (talkKeyDown && ! juce::KeyPress::isKeyCurrentlyDown ('t') && ! juce::KeyPress::isKeyCurrentlyDown ('T'))
    {
        talkKeyDown = false;
        talkback.release();
        return true;
    }
    return false;
}

void MainComponent::paint (juce::Graphics& g)
{
    g.fillAll (palette::background);
    g.setColour (palette::panel);
    g.fillRect (0, topBarHeight, navigationWidth, getHeight() - topBarHeight - statusHeight);
}

void MainComponent::resized()
{
    auto area = getLocalBounds();
    auto top = area.removeFromTop (topBarHeight);
    talkback.setBounds (top.removeFromRight (talkbackWidth));
    transport.setBounds (top);
    status.setBounds (area.removeFromBottom (statusHeight));

    // The side bar: solo at the top, the other pages' buttons at the bottom, always whole;
    // the performers' buttons take the room between and scroll when there are too many.
    auto navigation = area.removeFromLeft (navigationWidth).reduced (8, 10);
    solo.setBounds (navigation.removeFromTop (soloHeight).withTrimmedBottom (8));
    const auto numMixes = mixViews.size();
    for (std::size_t i = pages.size(); i-- > numMixes;)
        pages[i].button->setBounds (navigation.removeFromBottom (navigationButtonHeight).reduced (0, 3));
    navigation.removeFromBottom (12); // a gap between the performers and the rest

    mixButtonScroller.setBounds (navigation);
    const int holderHeight = static_cast<int> (numMixes) * mixButtonHeight;
    const int holderWidth = navigation.getWidth() - (holderHeight > navigation.getHeight() ? mixButtonScroller.getScrollBarThickness() + 2 : 0);
    mixButtonHolder.setSize (holderWidth, holderHeight);
    for (std::size_t i = 0; i < numMixes; ++i)
        pages[i].button->setBounds (0, static_cast<int> (i) * mixButtonHeight, holderWidth, mixButtonHeight - 6);

    const auto pageArea = area.reduced (4, 6);
    for (auto& page : pages)
    {
        page.frame().setBounds (pageArea);
        if (page.scroller != nullptr)
        {
            const int needed = page.contentHeight();
            const int width = pageArea.getWidth() - (needed > pageArea.getHeight() ? page.scroller->getScrollBarThickness() : 0);
            page.component->setSize (width, juce::jmax (pageArea.getHeight(), needed));
        }
    }
}

} // namespace foldback
