#include "ConsoleTestFixture.h"
#include "Support/LargeSession.h"
#include "Support/MessageLoop.h"

#include "Engine/TempoMap.h"
#include "Gui/MainComponent.h"
#include "Gui/MixMatrix.h"
#include "Gui/MixView.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
juce::MouseEvent mouseAt (juce::Component& component, juce::Point<float> position)
{
    const auto now = juce::Time::getCurrentTime();
    return juce::MouseEvent (juce::Desktop::getInstance().getMainMouseSource(), position, {},
                             juce::MouseInputSource::defaultPressure, 0.0f, 0.0f, 0.0f, 0.0f,
                             &component, &component, now, position, now, 1, false);
}

juce::MouseEvent mouseInside (juce::Component& component)
{
    return mouseAt (component, component.getLocalBounds().getCentre().toFloat());
}

/** Ten clicks of a wheel towards the user, as over a fader mid-take. */
void rollWheel (juce::Component& component, int clicks = 10)
{
    juce::MouseWheelDetails wheel{};
    wheel.deltaY = -0.25f;
    for (int i = 0; i < clicks; ++i)
        component.mouseWheelMove (mouseInside (component), wheel);
}

Session wideSession()
{
    return makeLargeSession (64, 16);
}
} // namespace

TEST_CASE ("The wheel over a fader nobody clicked scrolls the strips and changes no send", "[gui][wheel]")
{
    ConsoleTestFixture console (wideSession());
    MixView view (console.model, "m1");
    view.setSize (1280, 600);

    auto* strip = view.findStrip ("in3");
    REQUIRE (strip != nullptr);
    const auto before = console.document.getSession();
    REQUIRE (view.getStripViewport().getViewPositionX() == 0);

    rollWheel (strip->getFader());
    rollWheel (strip->getPanKnob());

    CHECK (console.send ("m1", "in3").gainDb == -10.0);
    CHECK (console.send ("m1", "in3").pan == 0.0);
    CHECK (console.document.getSession() == before);
    CHECK (view.getStripViewport().getViewPositionX() > 0);
}

TEST_CASE ("The wheel moves a control once it was clicked, until the pointer leaves it", "[gui][wheel]")
{
    ConsoleTestFixture console (wideSession());
    MixMatrix matrix (console.model);
    matrix.setSize (1280, 600);

    auto* cell = matrix.findCell ("m2", "in1");
    REQUIRE (cell != nullptr);
    auto& level = cell->getLevel();

    rollWheel (level);
    CHECK (console.send ("m2", "in1").gainDb == -10.0);

    level.mouseDown (mouseInside (level));
    level.mouseUp (mouseInside (level));
    rollWheel (level, 3);
    const double wheeled = console.send ("m2", "in1").gainDb;
    CHECK (wheeled != -10.0);
    CHECK (level.getValue() == Approx (wheeled));

    level.mouseExit (mouseAt (level, { -20.0f, -20.0f }));
    rollWheel (level);
    CHECK (console.send ("m2", "in1").gainDb == wheeled);
}

TEST_CASE ("The matrix scrolls under the wheel and keeps its mix and source headers in view", "[gui][wheel]")
{
    ConsoleTestFixture console (wideSession());
    MixMatrix matrix (console.model);
    matrix.setSize (1280, 700);

    auto& columns = matrix.getColumnHeaders();
    auto& rows = matrix.getRowHeaders();
    const auto columnsBefore = columns.getBoundsInParent();
    const auto rowsBefore = rows.getBoundsInParent();

    auto* cell = matrix.findCell ("m1", "in2");
    REQUIRE (cell != nullptr);
    rollWheel (cell->getLevel());
    CHECK (console.send ("m1", "in2").gainDb == -10.0);

    const auto scrolled = matrix.getViewport().getViewPosition();
    CHECK (scrolled.y > 0);

    // The headers have not moved with the page: still above and beside the cells.
    CHECK (columns.getBoundsInParent() == columnsBefore);
    CHECK (rows.getBoundsInParent() == rowsBefore);
    CHECK (columns.getBottom() <= matrix.getViewport().getY());

    // The row headers followed the cells: the first visible row's name sits beside its cells.
    auto* content = rows.getChildComponent (0);
    REQUIRE (content != nullptr);
    CHECK (content->getY() == -scrolled.y);

    // Scrolling sideways moves the column headers with the cells.
    matrix.getViewport().setViewPosition (300, scrolled.y);
    CHECK (columns.getChildComponent (0)->getX() == -300);
}

TEST_CASE ("Space plays and stops from inside the GO TO BAR field without typing into it", "[gui][keys]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);
    auto& field = main.getTransportBar().getGoToBarField();

    field.showEditor();
    auto* editor = field.getCurrentTextEditor();
    REQUIRE (editor != nullptr);
    const auto typed = editor->getText();

    // The focus reaches the editor: the console's rules listen to it first.
    main.getFieldKeys().globalFocusChanged (editor);
    CHECK (main.getFieldKeys().keyPressed (juce::KeyPress (juce::KeyPress::spaceKey), editor));
    console.processBlock();
    const auto& transport = console.engine.getTransport();
    CHECK ((transport.readRollingForDisplay() || transport.readCountingInForDisplay()));
    CHECK (editor->getText() == typed);

    CHECK (main.getFieldKeys().keyPressed (juce::KeyPress (juce::KeyPress::spaceKey), editor));
    console.processBlock();
    CHECK_FALSE (transport.readRollingForDisplay());
    CHECK_FALSE (transport.readCountingInForDisplay());
    field.hideEditor (true);
}

TEST_CASE ("Return leaves a field keeping the value and Escape leaves it restoring the old one", "[gui][keys]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);
    auto& field = main.getTransportBar().getGoToBarField();
    const auto& map = console.player.getTempoMap();

    field.showEditor();
    auto* editor = field.getCurrentTextEditor();
    REQUIRE (editor != nullptr);
    editor->setText ("5", false);                                                                      // (no focus without a window: a change message would commit at once)
    CHECK_FALSE (main.getFieldKeys().keyPressed (juce::KeyPress (juce::KeyPress::returnKey), editor)); // the field's own
    editor->keyPressed (juce::KeyPress (juce::KeyPress::returnKey));
    runMessageLoopFor (50); // the editor tells its label asynchronously
    CHECK_FALSE (field.isBeingEdited());
    CHECK (field.getText() == "5");
    console.processBlock();
    CHECK (console.engine.getTransport().readPositionForDisplay() == map.sampleOfBar (5));

    field.showEditor();
    editor = field.getCurrentTextEditor();
    REQUIRE (editor != nullptr);
    editor->setText ("9", false);
    editor->keyPressed (juce::KeyPress (juce::KeyPress::escapeKey));
    runMessageLoopFor (50);
    CHECK_FALSE (field.isBeingEdited());
    CHECK (field.getText() == "5");
}

TEST_CASE ("In a name field space types a space and does not roll the transport", "[gui][keys]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);

    juce::Label name;
    name.setEditable (true);
    ConsoleFieldKeys::markAsTextField (name);
    main.addAndMakeVisible (name);
    name.setBounds (0, 0, 200, 30);
    name.showEditor();
    auto* editor = name.getCurrentTextEditor();
    REQUIRE (editor != nullptr);

    main.getFieldKeys().globalFocusChanged (editor);
    CHECK_FALSE (main.getFieldKeys().keyPressed (juce::KeyPress (juce::KeyPress::spaceKey), editor));
    console.processBlock();
    CHECK_FALSE (console.engine.getTransport().readCountingInForDisplay());
    CHECK_FALSE (console.engine.getTransport().readRollingForDisplay());
    name.hideEditor (true);
    main.removeChildComponent (&name);
}
