// The SETUP page: its controls make the structural edits (tested without a window in
// Tests/Control/StructureEditsTest.cpp) through the document, each undoable, and a
// refused one leaves the page showing the session and says why in the status bar.

#include "ConsoleTestFixture.h"
#include "Support/MessageLoop.h"

#include "Gui/DevicePanel.h"
#include "Gui/MainComponent.h"
#include "Gui/SetupControls.h"
#include "Gui/SetupPanel.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    struct SetupPage : ConsoleTestFixture
    {
        SetupPage()
        {
            panel.setSize (1090, 600);
            panel.setVisible (true);
        }

        void click (juce::Button& button)
        {
            button.triggerClick();
            runMessageLoopFor (30); // triggerClick posts
            panel.rebuildIfNeeded();
        }

        void type (juce::Label& field, const juce::String& text)
        {
            field.setText (text, juce::sendNotificationSync);
            panel.rebuildIfNeeded();
        }

        void choose (juce::ComboBox& box, int id)
        {
            box.setSelectedId (id, juce::sendNotificationSync);
            panel.rebuildIfNeeded();
        }

        void undoThenRedo (const Session& before)
        {
            const auto after = document.getSession();
            document.undo();
            panel.rebuildIfNeeded();
            CHECK (document.getSession() == before);
            document.redo();
            panel.rebuildIfNeeded();
            CHECK (document.getSession() == after);
        }

        SetupPanel panel { model };
    };
}

TEST_CASE ("The setup page lists every input and mix with its name and channels", "[gui][setup]")
{
    SetupPage page;
    auto* vox = page.panel.findInputRow ("vox");
    auto* gtr = page.panel.findInputRow ("gtr");
    REQUIRE (vox != nullptr);
    REQUIRE (gtr != nullptr);
    CHECK (vox->getNameField().getText() == "Lead vocal");
    CHECK (vox->getModeChoice().getText() == "Mono");
    CHECK (vox->getChannelChoice().getSelectedId() == 1);
    CHECK (gtr->getModeChoice().getText() == "Stereo");
    CHECK (gtr->getChannelChoice().getText().startsWith ("2+3"));

    auto* singer = page.panel.findMixRow ("singer");
    REQUIRE (singer != nullptr);
    CHECK (singer->getNameField().getText() == "Singer");
    CHECK (singer->getOutputChoice().getText().startsWith ("1+2"));
    CHECK (singer->getCeilingField().getText() == "-1.0 dB");
    CHECK (page.panel.getTalkbackChoice().getSelectedId() == 9); // input 8
    CHECK (page.panel.getHttpPortField().getText() == "8470");
}

TEST_CASE ("Add input on the setup page adds a mono input on the next free channel that no mix hears, undoable", "[gui][setup]")
{
    SetupPage page;
    const auto before = page.document.getSession();
    page.click (page.panel.getAddInputButton());

    REQUIRE (page.document.getSession().inputs.size() == 3);
    const auto& added = page.document.getSession().inputs.back();
    CHECK (added.name == "Input 3");
    CHECK (added.channels == std::vector<int> { 4 });
    for (const auto& mix : page.document.getSession().mixes)
        CHECK (mix.sends.count (added.id) == 0);
    CHECK (page.panel.findInputRow (added.id) != nullptr);
    page.undoThenRedo (before);
}

TEST_CASE ("An input's row renames it, makes it stereo, moves it, colours it and removes it, each undoable", "[gui][setup]")
{
    SetupPage page;
    auto* vox = page.panel.findInputRow ("vox");
    REQUIRE (vox != nullptr);

    auto before = page.document.getSession();
    page.type (vox->getNameField(), "Vocal");
    CHECK (findInput (page.document.getSession(), "vox")->name == "Vocal");
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (vox->getModeChoice(), 2); // stereo
    CHECK (findInput (page.document.getSession(), "vox")->channels == std::vector<int> { 1, 2 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (vox->getChannelChoice(), 5);
    CHECK (findInput (page.document.getSession(), "vox")->channels == std::vector<int> { 5, 6 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    vox->getColourButton().applyColourChoice (1);
    CHECK (findInput (page.document.getSession(), "vox")->colour == setupControls::sourceColours()[1].hex);
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.click (vox->getDownButton());
    CHECK (page.document.getSession().inputs[1].id == "vox");
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.click (page.panel.findInputRow ("vox")->getRemoveButton());
    CHECK (findInput (page.document.getSession(), "vox") == nullptr);
    CHECK (page.panel.findInputRow ("vox") == nullptr);
    page.undoThenRedo (before);
}

TEST_CASE ("A name another input has, typed on the setup page, changes nothing, shows the old name and says why", "[gui][setup]")
{
    SetupPage page;
    auto* gtr = page.panel.findInputRow ("gtr");
    REQUIRE (gtr != nullptr);
    const auto before = page.document.getSession();
    page.type (gtr->getNameField(), "Lead vocal");
    CHECK (page.document.getSession() == before);
    CHECK_FALSE (page.document.canUndo());
    CHECK (gtr->getNameField().getText() == "Guitar");
    REQUIRE (page.notices.size() == 1);
    CHECK (page.notices[0].contains ("already the name of input \"vox\""));
}

TEST_CASE ("Escape in a name field on the setup page restores the name and changes nothing", "[gui][setup]")
{
    SetupPage page;
    auto& field = page.panel.findMixRow ("singer")->getNameField();
    const auto before = page.document.getSession();
    field.showEditor();
    auto* editor = field.getCurrentTextEditor();
    REQUIRE (editor != nullptr);
    editor->setText ("Somebody else");
    editor->keyPressed (juce::KeyPress (juce::KeyPress::escapeKey));
    CHECK (field.getText() == "Singer");
    CHECK (page.document.getSession() == before);
}

TEST_CASE ("Add mix on the setup page adds a stereo mix on the next free pair that hears the click and talkback only, undoable", "[gui][setup]")
{
    SetupPage page;
    const auto before = page.document.getSession();
    page.click (page.panel.getAddMixButton());
    REQUIRE (page.document.getSession().mixes.size() == 3);
    const auto& added = page.document.getSession().mixes.back();
    CHECK (added.name == "Mix 3");
    CHECK (added.outputs == std::vector<int> { 5, 6 });
    CHECK (added.sends.size() == 2);
    CHECK (page.panel.findMixRow (added.id) != nullptr);
    page.undoThenRedo (before);
}

TEST_CASE ("A mix's row renames it, sets its outputs and ceiling, moves it and removes it, each undoable", "[gui][setup]")
{
    SetupPage page;
    auto* guitarist = page.panel.findMixRow ("guitarist");
    REQUIRE (guitarist != nullptr);

    auto before = page.document.getSession();
    page.type (guitarist->getNameField(), "Guitars");
    CHECK (findMix (page.document.getSession(), "guitarist")->name == "Guitars");
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (guitarist->getModeChoice(), 1); // mono
    CHECK (findMix (page.document.getSession(), "guitarist")->outputs == std::vector<int> { 3 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (guitarist->getOutputChoice(), 9);
    CHECK (findMix (page.document.getSession(), "guitarist")->outputs == std::vector<int> { 9 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.type (guitarist->getCeilingField(), "-4.5 dB");
    CHECK (findMix (page.document.getSession(), "guitarist")->limiterCeilingDb == -4.5);
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.click (guitarist->getUpButton());
    CHECK (page.document.getSession().mixes[0].id == "guitarist");
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.click (page.panel.findMixRow ("guitarist")->getRemoveButton());
    CHECK (findMix (page.document.getSession(), "guitarist") == nullptr);
    page.undoThenRedo (before);
}

TEST_CASE ("An output another mix uses, or a ceiling above 0 dBFS, chosen on the setup page changes nothing and says why", "[gui][setup]")
{
    SetupPage page;
    auto* guitarist = page.panel.findMixRow ("guitarist");
    REQUIRE (guitarist != nullptr);
    const auto before = page.document.getSession();

    page.choose (guitarist->getOutputChoice(), 1); // 1+2 is the singer's
    CHECK (page.document.getSession() == before);
    CHECK (guitarist->getOutputChoice().getSelectedId() == 3); // shows the session again
    page.type (guitarist->getCeilingField(), "2");
    CHECK (page.document.getSession() == before);
    CHECK (guitarist->getCeilingField().getText() == "-1.0 dB");
    CHECK_FALSE (page.document.canUndo());
    REQUIRE (page.notices.size() == 2);
    CHECK (page.notices[0].contains ("/mixes/1/outputs"));
    CHECK (page.notices[1].contains ("/mixes/1/limiterCeilingDb"));
}

TEST_CASE ("The setup page sets the talkback mic, the LISTEN outputs and the remotes' address and ports, each undoable", "[gui][setup]")
{
    SetupPage page;
    auto before = page.document.getSession();
    page.choose (page.panel.getTalkbackChoice(), 1); // none
    CHECK (page.document.getSession().talkback.channels.empty());
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (page.panel.getTalkbackChoice(), 13); // input 12
    CHECK (page.document.getSession().talkback.channels == std::vector<int> { 12 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.choose (page.panel.getListenChoice(), 1000 + 15); // the pair 15+16
    CHECK (page.document.getSession().monitor.outputs == std::vector<int> { 15, 16 });
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.type (page.panel.getRemoteAddressField(), "10.0.0.5");
    CHECK (page.document.getSession().remote.address == "10.0.0.5");
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.type (page.panel.getHttpPortField(), "8000");
    CHECK (page.document.getSession().remote.httpPort == 8000);
    page.undoThenRedo (before);

    before = page.document.getSession();
    page.type (page.panel.getOscPortField(), "8000"); // the web port's
    CHECK (page.document.getSession() == before);
    CHECK (page.panel.getOscPortField().getText() == "9470");
    CHECK (page.notices.joinIntoString (" ").contains ("/remote/oscPort"));
}

TEST_CASE ("The setup page scrolls its lists at 64 inputs and 16 mixes in a 1280 x 720 console", "[gui][setup]")
{
    Session session = makeConsoleTestSession();
    session.inputs.clear();
    session.talkback.channels = { 65 };
    for (int i = 1; i <= 64; ++i)
        session.inputs.push_back ({ "in" + std::to_string (i), "Input " + std::to_string (i), { i } });
    session.mixes.clear();
    for (int m = 1; m <= 16; ++m)
    {
        CueMix mix;
        mix.id = "mix" + std::to_string (m);
        mix.name = "Mix " + std::to_string (m);
        mix.outputs = { 2 * m - 1, 2 * m };
        session.mixes.push_back (mix);
    }
    ConsoleTestFixture fixture (session);
    MainComponent main (fixture.model, nullptr);
    main.setSize (1280, 720);
    main.rebuildIfNeeded();
    auto& panel = main.getSetupPanel();
    panel.rebuildIfNeeded();

    CHECK (panel.getWidth() > 1000);
    auto& inputs = panel.getInputScroller();
    CHECK (inputs.getHeight() >= 250);
    CHECK (inputs.getViewedComponent()->getHeight() == 64 * setupControls::rowHeight);
    CHECK (inputs.canScrollVertically());
    CHECK (panel.getMixScroller().getViewedComponent()->getHeight() == 16 * setupControls::rowHeight);

    // Every row's fields are wide enough to read and to click.
    auto* last = panel.findInputRow ("in64");
    REQUIRE (last != nullptr);
    CHECK (last->getNameField().getWidth() >= 100);
    CHECK (last->getChannelChoice().getWidth() >= 100);
    auto* mix = panel.findMixRow ("mix16");
    REQUIRE (mix != nullptr);
    CHECK (mix->getNameField().getWidth() >= 100);
    CHECK (mix->getOutputChoice().getWidth() >= 90);
    CHECK (mix->getRemoveButton().getRight() <= panel.getMixScroller().getWidth());
}

TEST_CASE ("A mono LISTEN output set on the setup page shows as it is on the devices page", "[gui][setup]")
{
    SetupPage page;
    DevicePanel devices (page.model, nullptr);
    page.choose (page.panel.getListenChoice(), 9 + 1); // output 9, mono
    REQUIRE (page.document.getSession().monitor.outputs == std::vector<int> { 9 });

    juce::ComboBox* listen = nullptr;
    for (auto* child : devices.getChildren())
        if (child->getName() == "listenOutputs")
            listen = dynamic_cast<juce::ComboBox*> (child);
    REQUIRE (listen != nullptr);
    CHECK (listen->getText() == "Output 9");
}
