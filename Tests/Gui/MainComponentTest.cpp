#include "ConsoleTestFixture.h"
#include "Gui/ComponentTree.h"
#include "Gui/MainComponent.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    int countIds (const juce::var& node, const juce::String& prefix)
    {
        int count = node["id"].toString().startsWith (prefix) ? 1 : 0;
        if (auto* children = node["children"].getArray())
            for (const auto& child : *children)
                count += countIds (child, prefix);
        return count;
    }
}

TEST_CASE ("The console has one view per mix, then the matrix, click, tracks, devices, remotes and setup", "[gui]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);

    REQUIRE (main.getNumPages() == 8);
    CHECK (main.getPageTitle (0) == "1  Singer");
    CHECK (main.getPageTitle (1) == "2  Guitarist");
    CHECK (main.getPage (2).getComponentID() == "matrix");
    CHECK (main.getPage (3).getComponentID() == "clickPanel");
    CHECK (main.getPage (6).getComponentID() == "remotesPanel");
    CHECK (main.getPage (7).getComponentID() == "setupPanel");
    CHECK (main.findMixView ("guitarist") != nullptr);

    const auto tree = describeComponentTree (main);
    CHECK (countIds (tree, "mix:") == 2);
    CHECK (countIds (tree, "strip:singer:") == 5);
    CHECK (countIds (tree, "strip:guitarist:") == 5);
    CHECK (countIds (tree, "cell:") == 10);
}

TEST_CASE ("Keys: digits pick a mix, space rolls, T talks while held, Ctrl+Z and Ctrl+Shift+Z undo and redo, Ctrl+S, Ctrl+Shift+S and Ctrl+N", "[gui]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);

    CHECK (main.keyPressed (juce::KeyPress ('2')));
    CHECK (main.getCurrentPage() == 1);
    CHECK (main.keyPressed (juce::KeyPress ('1')));
    CHECK (main.getCurrentPage() == 0);
    main.keyPressed (juce::KeyPress ('9')); // no ninth mix: stays
    CHECK (main.getCurrentPage() == 0);

    CHECK (main.keyPressed (juce::KeyPress (juce::KeyPress::spaceKey)));
    console.processBlock();
    CHECK (console.engine.getTransport().readRollingForDisplay());
    main.keyPressed (juce::KeyPress (juce::KeyPress::spaceKey));
    console.processBlock();
    CHECK_FALSE (console.engine.getTransport().readRollingForDisplay());

    CHECK (main.keyPressed (juce::KeyPress ('t')));
    CHECK (main.getTalkbackPanel().isTalking());
    main.keyStateChanged (false); // the T key is not down any more
    CHECK_FALSE (main.getTalkbackPanel().isTalking());

    auto* strip = main.findMixView ("singer")->findStrip ("vox");
    strip->getFader().setValue (-20.0, juce::sendNotificationSync);
    CHECK (main.keyPressed (juce::KeyPress ('z', juce::ModifierKeys::commandModifier, 0)));
    CHECK (console.send ("singer", "vox").gainDb == Approx (3.0));
    CHECK (main.keyPressed (juce::KeyPress ('z', juce::ModifierKeys::commandModifier | juce::ModifierKeys::shiftModifier, 0)));
    CHECK (console.send ("singer", "vox").gainDb == Approx (-20.0));

    bool saved = false;
    main.onSave = [&saved] { saved = true; };
    CHECK (main.keyPressed (juce::KeyPress ('s', juce::ModifierKeys::commandModifier, 0)));
    CHECK (saved);

    bool savedAs = false, started = false;
    main.onSaveAs = [&savedAs] { savedAs = true; };
    main.onNew = [&started] { started = true; };
    CHECK (main.keyPressed (juce::KeyPress ('s', juce::ModifierKeys::commandModifier | juce::ModifierKeys::shiftModifier, 0)));
    CHECK (savedAs);
    CHECK (main.keyPressed (juce::KeyPress ('n', juce::ModifierKeys::commandModifier, 0)));
    CHECK (started);
}

TEST_CASE ("The console keeps one view per mix as mixes come and go", "[gui]")
{
    ConsoleTestFixture console;
    MainComponent main (console.model, nullptr);

    console.model.edit ("Remove mix", [] (Session& s) { s.mixes.pop_back(); });
    main.rebuildIfNeeded();
    CHECK (main.getNumPages() == 7);
    CHECK (main.findMixView ("guitarist") == nullptr);
    CHECK (countIds (describeComponentTree (main), "mix:") == 1);
}
