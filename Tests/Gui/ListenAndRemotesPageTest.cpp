#include "Remote/RemoteEditApplier.h"
#include "Gui/FoldbackLookAndFeel.h"
#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/DevicePanel.h"
#include "Gui/MixView.h"
#include "Gui/RemotesPanel.h"
#include "Remote/RemoteControl.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    template <typename Type>
    Type* findChildNamed (juce::Component& parent, const juce::String& name)
    {
        for (auto* child : parent.getChildren())
        {
            if (auto* typed = dynamic_cast<Type*> (child); typed != nullptr && child->getName() == name)
                return typed;
            if (auto* found = findChildNamed<Type> (*child, name))
                return found;
        }
        return nullptr;
    }
}

TEST_CASE ("LISTEN is disabled until the session has listen outputs, then plays that mix on them", "[gui][listen]")
{
    ConsoleTestFixture console;
    MixView singer (console.model, "singer");
    MixView guitarist (console.model, "guitarist");
    CHECK_FALSE (singer.getListenButton().isEnabled());

    DevicePanel devices (console.model, nullptr);
    auto* chooser = findChildNamed<juce::ComboBox> (devices, "listenOutputs");
    REQUIRE (chooser != nullptr);
    // Outputs 1-4 feed the two mixes: the first free pair is 5-6.
    CHECK (chooser->getItemText (1) == "Outputs 5-6");
    chooser->setSelectedItemIndex (1, juce::sendNotificationSync);
    CHECK (console.document.getSession().monitor.outputs == std::vector<int> { 5, 6 });
    CHECK (singer.getListenButton().isEnabled());

    singer.getListenButton().triggerClick();
    foldback::test::runMessageLoopFor (20);
    CHECK (console.player.getListenMix() == "singer");
    CHECK (singer.getListenButton().getToggleState());

    auto out = runConstantBlock (console.engine, 0.25f, 2048, 8, 12);
    out = runConstantBlock (console.engine, 0.25f, 2048, 8, 12); // past the 10 ms fade-in
    CHECK (out[4] == out[0]);
    CHECK (out[5] == out[1]);

    guitarist.getListenButton().triggerClick();
    foldback::test::runMessageLoopFor (20);
    CHECK (console.player.getListenMix() == "guitarist");
    CHECK_FALSE (singer.getListenButton().getToggleState());
    runConstantBlock (console.engine, 0.25f, 2048, 8, 12);
    out = runConstantBlock (console.engine, 0.25f, 2048, 8, 12);
    CHECK (out[4] == out[2]);

    guitarist.getListenButton().triggerClick();
    foldback::test::runMessageLoopFor (20);
    CHECK (console.player.getListenMix().empty());
    runConstantBlock (console.engine, 0.25f, 2048, 8, 12);
    out = runConstantBlock (console.engine, 0.25f, 2048, 8, 12);
    CHECK (out[4] == std::vector<float> (2048, 0.0f));
}

TEST_CASE ("The remotes page has a card per mix whose permissions and reset edit the session", "[gui][remote]")
{
    ConsoleTestFixture console;
    RemotesPanel page (console.model, nullptr);
    page.setSize (1300, 900);

    REQUIRE (page.findCard ("singer") != nullptr);
    REQUIRE (page.findCard ("guitarist") != nullptr);
    CHECK (page.findCard ("singer")->getComponentID() == "remoteMix:singer");
    CHECK_FALSE (page.getEnableSwitch().isEnabled()); // no RemoteControl in this window

    auto* pan = dynamic_cast<juce::ToggleButton*> (page.findCard ("singer")->findChildWithID ("allow:singer:pan"));
    REQUIRE (pan != nullptr);
    CHECK (pan->getToggleState());
    pan->triggerClick();
    foldback::test::runMessageLoopFor (20);
    const auto& allow = console.mix ("singer").remote.allow;
    CHECK (std::find (allow.begin(), allow.end(), "pan") == allow.end());
    CHECK (console.document.canUndo());

    console.model.editMix ("singer", "performer", [] (CueMix& m) { m.performer.sends["vox"].gainOffsetDb = 4.0; });
    juce::TextButton* reset = nullptr;
    for (auto* child : page.findCard ("singer")->getChildren())
        if (auto* button = dynamic_cast<juce::TextButton*> (child); button != nullptr && button->getButtonText() == "Reset performer layer")
            reset = button;
    REQUIRE (reset != nullptr);
    CHECK (reset->isEnabled());
    reset->triggerClick();
    foldback::test::runMessageLoopFor (20);
    CHECK (console.mix ("singer").performer == PerformerLayer {});
}

TEST_CASE ("The audit list shows who changed what, newest first, and Revert undoes only that change", "[gui][remote]")
{
    ConsoleTestFixture console;
    RemotesPanel page (console.model, nullptr);
    page.setSize (1300, 900);
    auto& audit = page.getAuditList();

    console.document.edit ("singer: vox level 6.0 dB", [] (Session& s) { s.mixes[0].performer.sends["vox"].gainOffsetDb = 3.0; },
                           EditOrigin { "singer (web 10.0.0.7)" });
    console.model.editSend ("guitarist", "gtr", "Guitarist gtr level", [] (SendSettings& send) { send.gainDb = -5.0; });
    audit.refresh();

    REQUIRE (audit.getNumRows() == 2);
    CHECK (audit.getRowText (0).contains ("engineer"));
    CHECK (audit.getRowText (1).contains ("singer (web 10.0.0.7)"));
    CHECK (audit.getRowText (1).contains ("vox level 6.0 dB"));

    REQUIRE (audit.revertRow (1));
    CHECK (console.mix ("singer").performer.sends.empty());
    CHECK (console.send ("guitarist", "gtr").gainDb == -5.0); // the later edit stays
    CHECK (audit.getRowText (0).contains ("Revert"));
}

TEST_CASE ("Turning remote control on serves each performer a link and a scannable QR code", "[gui][remote]")
{
    auto session = makeConsoleTestSession();
    session.remote.address = "127.0.0.1";
    session.remote.httpPort = 28000 + static_cast<int> (juce::Random::getSystemRandom().nextInt (10000));
    session.remote.oscPort = session.remote.httpPort + 1;
    ConsoleTestFixture console (session);
    RemoteControl remotes (console.document, console.engine);
    console.model.remoteControl = &remotes;
    RemotesPanel page (console.model, &remotes);
    page.setSize (1300, 900);

    page.getEnableSwitch().triggerClick();
    foldback::test::runMessageLoopFor (50);
    INFO (remotes.getProblem());
    REQUIRE (remotes.isRunning());
    REQUIRE (console.document.getSession().remote.enabled);

    const auto& token = console.mix ("singer").remote.token;
    CHECK (token.size() == 22);
    CHECK (console.mix ("guitarist").remote.token != token);
    auto* card = page.findCard ("singer");
    REQUIRE (card != nullptr);
    CHECK (card->getLinkText() == juce::String ("http://127.0.0.1:" + std::to_string (session.remote.httpPort) + "/mix?token=" + token));
    CHECK (card->getQrCode().getModuleCount() >= 21);

    page.getEnableSwitch().triggerClick();
    foldback::test::runMessageLoopFor (50);
    CHECK_FALSE (remotes.isRunning());
    console.model.remoteControl = nullptr;
}

TEST_CASE ("A strip shows what the performer hears with the engineer's own level as a second marker", "[gui][remote][heard]")
{
    ConsoleTestFixture console;
    MixView view (console.model, "singer");
    auto* strip = view.findStrip ("vox");
    REQUIRE (strip != nullptr);
    CHECK (strip->getPerformerText().isEmpty());
    CHECK_FALSE (strip->getFader().getProperties().contains (FoldbackLookAndFeel::secondMarkerProperty));

    console.document.edit ("singer: vox level", [] (Session& s) { s.mixes[0].performer.sends["vox"] = { 4.0, 0.0, true }; },
                           EditOrigin { "singer (web 10.0.0.7)" });
    CHECK (strip->getPerformerText() == "YOU +3.0  P +4.0");
    CHECK (strip->getGainText() == "P MUTE");
    CHECK (strip->getFader().getValue() == 7.0); // what reaches the performer: +3 and +4
    CHECK (static_cast<double> (strip->getFader().getProperties()[FoldbackLookAndFeel::secondMarkerProperty]) == 3.0);

    // Moving the fader sets what they hear; their offset stays theirs.
    strip->getFader().setValue (-10.0, juce::sendNotificationSync);
    CHECK (console.send ("singer", "vox").gainDb == Approx (-14.0));
    CHECK (console.mix ("singer").performer.sends.at ("vox").gainOffsetDb == 4.0);
    CHECK (console.document.getAuditLog().back().what.find ("heard -10.0 dB, muted") != std::string::npos);
}

TEST_CASE ("A performer's drag is audited at the value it ended at, as the performer hears it", "[gui][remote][heard]")
{
    ConsoleTestFixture console;
    auto change = [] (double db)
    {
        PendingRemoteChanges::Entry entry;
        entry.client = "singer (web 10.0.0.7)";
        entry.change.control = RemoteChange::Control::gain;
        entry.change.mixId = "singer";
        entry.change.sourceId = "vox";
        entry.change.value = db;
        return entry;
    };
    applyRemoteChanges (console.document, { change (-9.0) });
    applyRemoteChanges (console.document, { change (-20.0) });
    applyRemoteChanges (console.document, { change (-35.0) });

    const auto& line = console.document.getAuditLog().back();
    CHECK (line.who == "singer (web 10.0.0.7)");
    CHECK (line.what == "singer: vox heard at -35.0 dB (engineer 3.0 dB)");
    CHECK (console.document.getUndoDescription() == line.what);
}

TEST_CASE ("The devices page sets the transport's sync and JACK tempo role with the device, as one undoable edit", "[gui][transport]")
{
    ConsoleTestFixture console;
    DevicePanel devices (console.model, nullptr);
    auto* sync = findChildNamed<juce::ComboBox> (devices, "sync");
    auto* timebase = findChildNamed<juce::ComboBox> (devices, "timebase");
    REQUIRE (sync != nullptr);
    REQUIRE (timebase != nullptr);
    CHECK (sync->getText() == "internal");
    CHECK (timebase->getText() == "off");

    // Chosen, nothing happens until Apply: they go with the device they need.
    sync->setText ("jack", juce::sendNotificationSync);
    timebase->setText ("lead", juce::sendNotificationSync);
    CHECK (console.document.getSession().transport.sync == TransportSync::internal);

    bool reopened = false;
    devices.onApply = [&reopened] { reopened = true; return std::vector<std::string> {}; };
    auto* apply = findChildNamed<juce::TextButton> (devices, "Apply");
    REQUIRE (apply != nullptr);
    apply->triggerClick();
    foldback::test::runMessageLoopFor (20);
    CHECK (reopened);
    CHECK (console.document.getSession().transport.sync == TransportSync::jack);
    CHECK (console.document.getSession().transport.timebase == TransportTimebase::lead);

    console.document.undo();
    CHECK (console.document.getSession().transport.sync == TransportSync::internal);
    CHECK (console.document.getSession().transport.timebase == TransportTimebase::off);
    CHECK (sync->getText() == "internal"); // the page follows the session
}
