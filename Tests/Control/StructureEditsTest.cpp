// The console's structural edits (InputEdits.h, MixEdits.h, RoutingEdits.h), without a
// window: each goes through the document as one step that undoes and redoes, is audited,
// and a refused one changes nothing and names the field.

#include "Support/ConstantBlocks.h"
#include "Support/TwoPerformerSession.h"

#include "Control/InputEdits.h"
#include "Control/MixEdits.h"
#include "Control/RoutingEdits.h"
#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    struct Rig
    {
        Rig() : player (preparedAt48k (engine)), document (player) { document.reset (makeTwoPerformerSession ("setup"), {}); }

        const Session& session() const { return document.getSession(); }

        Engine engine;
        SessionPlayer player;
        SessionDocument document;
    };

    /** The edit was one step: undo gives `before` back, redo `after`. */
    void checkUndoAndRedo (SessionDocument& document, const Session& before)
    {
        const auto after = document.getSession();
        REQUIRE (document.canUndo());
        document.undo();
        CHECK (document.getSession() == before);
        REQUIRE (document.canRedo());
        document.redo();
        CHECK (document.getSession() == after);
    }

    /** A refused edit: nothing changed, nothing to undo, and the error names `pointer`. */
    void checkRefused (Rig& rig, const std::function<StructureEdit (SessionDocument&)>& edit, const std::string& pointer,
                       const std::string& saying)
    {
        const auto before = rig.session();
        const auto changes = rig.document.getChangeCount();
        const auto auditLines = rig.document.getAuditLog().size();
        const auto result = edit (rig.document);
        CHECK_FALSE (result.ok());
        CHECK (rig.session() == before);
        CHECK (rig.document.getChangeCount() == changes);
        CHECK (rig.document.getAuditLog().size() == auditLines);
        REQUIRE_FALSE (result.errors.empty());
        CHECK (result.errors.front().pointer == pointer);
        CHECK_THAT (result.describe(), Catch::Contains (saying));
    }

    const std::string& lastAudit (const SessionDocument& document) { return document.getAuditLog().back().what; }
}

TEST_CASE ("Adding an input puts it last on its channels with an id from its name, sent to no mix, as one undoable step", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();

    const auto added = addInput (rig.document, "Bass DI", { 4, 5 });
    REQUIRE (added.ok());
    CHECK (added.id == "Bass-DI");
    REQUIRE (rig.session().inputs.size() == 3);
    CHECK (rig.session().inputs.back() == LiveInput { "Bass-DI", "Bass DI", { 4, 5 }, "" });
    for (const auto& mix : rig.session().mixes)
        CHECK (mix.sends.count ("Bass-DI") == 0); // nothing lands in anyone's ears unasked
    CHECK (rig.document.getAuditLog().back().who == "engineer");
    CHECK (lastAudit (rig.document) == "Add input Bass DI");
    checkUndoAndRedo (rig.document, before);
}

TEST_CASE ("The first free input channel skips the inputs' and the talkback mic's channels", "[control][setup]")
{
    Rig rig; // vox on 1, gtr on 2+3, talkback on 8
    CHECK (firstFreeInputChannel (rig.session()) == 4);
    REQUIRE (addInput (rig.document, "Keys", { 4, 5 }).ok());
    REQUIRE (addInput (rig.document, "Perc", { 6, 7 }).ok());
    CHECK (firstFreeInputChannel (rig.session()) == 9);
}

TEST_CASE ("An input named as another input or a track, or with no name, is refused and changes nothing", "[control][setup]")
{
    Rig rig;
    checkRefused (rig, [] (SessionDocument& d) { return addInput (d, "lead VOCAL", { 5 }); }, "/inputs/2/name", "input \"vox\"");
    checkRefused (rig, [] (SessionDocument& d) { return addInput (d, "Drum loop", { 5 }); }, "/inputs/2/name", "track \"drums\"");
    checkRefused (rig, [] (SessionDocument& d) { return addInput (d, "   ", { 5 }); }, "/inputs/2/name", "a name is needed");
    checkRefused (rig, [] (SessionDocument& d) { return renameInput (d, "gtr", "Lead vocal"); }, "/inputs/1/name", "already the name");
}

TEST_CASE ("An input on a channel past the last a session may name is refused, naming the field", "[control][setup]")
{
    Rig rig;
    checkRefused (rig, [] (SessionDocument& d) { return addInput (d, "Far", { 300 }); }, "/inputs/2/channels/0", "256");
    checkRefused (rig, [] (SessionDocument& d) { return setInputChannels (d, "vox", { 1, 1 }); }, "/inputs/0/channels/1", "twice");
}

TEST_CASE ("Removing an input takes its sends and the performers' offsets on them, and undo brings all of it back", "[control][setup]")
{
    Rig rig;
    REQUIRE (rig.document.edit ("offset", [] (Session& s) { findMix (s, "guitarist")->performer.sends["gtr"].gainOffsetDb = -3.0; }).empty());
    const auto before = rig.session();

    REQUIRE (removeInput (rig.document, "gtr").ok());
    CHECK (findInput (rig.session(), "gtr") == nullptr);
    for (const auto& mix : rig.session().mixes)
    {
        CHECK (mix.sends.count ("gtr") == 0);
        CHECK (mix.performer.sends.count ("gtr") == 0);
    }
    CHECK (lastAudit (rig.document) == "Remove input Guitar");
    checkUndoAndRedo (rig.document, before);
    checkRefused (rig, [] (SessionDocument& d) { return removeInput (d, "gtr"); }, "/inputs", "no input \"gtr\"");
}

TEST_CASE ("Renaming an input changes its name only, trimmed, as one undoable step", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (renameInput (rig.document, "vox", "  Lead vox ").ok());
    CHECK (findInput (rig.session(), "vox")->name == "Lead vox");
    CHECK (findInput (rig.session(), "vox")->id == "vox"); // the sends keep naming it
    auto expected = before;
    expected.inputs[0].name = "Lead vox";
    CHECK (rig.session() == expected);
    checkUndoAndRedo (rig.document, before);
}

TEST_CASE ("Moving an input reorders the inputs, stops at either end, and undoes in one step", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (moveInput (rig.document, "gtr", -1).ok());
    REQUIRE (rig.session().inputs.size() == 2);
    CHECK (rig.session().inputs[0].id == "gtr");
    CHECK (rig.session().inputs[1].id == "vox");
    checkUndoAndRedo (rig.document, before);

    const auto changes = rig.document.getChangeCount();
    CHECK (moveInput (rig.document, "gtr", -1).ok()); // already first: nothing to do
    CHECK (rig.document.getChangeCount() == changes);
    REQUIRE (moveInput (rig.document, "gtr", +5).ok());
    CHECK (rig.session().inputs[1].id == "gtr");
}

TEST_CASE ("An input goes stereo on a pair and mono again, each an undoable step", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setInputChannels (rig.document, "vox", { 5, 6 }).ok());
    CHECK (findInput (rig.session(), "vox")->channels == std::vector<int> { 5, 6 });
    CHECK (lastAudit (rig.document) == "Set input vox on channels 5+6");
    checkUndoAndRedo (rig.document, before);

    const auto stereo = rig.session();
    REQUIRE (setInputChannels (rig.document, "vox", { 5 }).ok());
    CHECK (findInput (rig.session(), "vox")->channels == std::vector<int> { 5 });
    checkUndoAndRedo (rig.document, stereo);
}

TEST_CASE ("A source's colour is set on an input or a track, and a colour that is not #rrggbb is refused", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setSourceColour (rig.document, "vox", "#ff5b4f").ok());
    CHECK (findInput (rig.session(), "vox")->colour == "#ff5b4f");
    checkUndoAndRedo (rig.document, before);

    const auto red = rig.session();
    REQUIRE (setSourceColour (rig.document, "drums", "#3ab7ff").ok());
    CHECK (findTrack (rig.session(), "drums")->colour == "#3ab7ff");
    checkUndoAndRedo (rig.document, red);

    checkRefused (rig, [] (SessionDocument& d) { return setSourceColour (d, "gtr", "red"); }, "/inputs/1/colour", "#rrggbb");
    checkRefused (rig, [] (SessionDocument& d) { return setSourceColour (d, "click", "#ffffff"); }, "/inputs", "no input or track");
}

TEST_CASE ("Adding a mix gives it the next free outputs, the click and talkback and no other source, as one undoable step", "[control][setup]")
{
    Rig rig; // singer on 1+2, guitarist on 3+4
    const auto before = rig.session();
    CHECK (firstFreeOutputs (rig.session(), true) == std::vector<int> { 5, 6 });

    const auto added = addMix (rig.document, "Drummer", firstFreeOutputs (rig.session(), true));
    REQUIRE (added.ok());
    CHECK (added.id == "Drummer");
    const auto* mix = findMix (rig.session(), "Drummer");
    REQUIRE (mix != nullptr);
    CHECK (rig.session().mixes.back().id == "Drummer");
    CHECK (mix->outputs == std::vector<int> { 5, 6 });
    REQUIRE (mix->sends.size() == 2);
    CHECK (mix->sends.at ("click").gainDb == -12.0);
    CHECK (mix->sends.at ("talkback").gainDb == 0.0);
    CHECK (mix->limiterCeilingDb == CueMix {}.limiterCeilingDb);
    CHECK (lastAudit (rig.document) == "Add mix Drummer");
    checkUndoAndRedo (rig.document, before);
}

TEST_CASE ("A mix named as another mix, or on an output another mix uses, is refused and changes nothing", "[control][setup]")
{
    Rig rig;
    checkRefused (rig, [] (SessionDocument& d) { return addMix (d, "singer", { 5, 6 }); }, "/mixes/2/name", "mix \"singer\"");
    checkRefused (rig, [] (SessionDocument& d) { return renameMix (d, "guitarist", "Singer"); }, "/mixes/1/name", "already the name");
    checkRefused (rig, [] (SessionDocument& d) { return addMix (d, "Drummer", { 4, 5 }); }, "/mixes/2/outputs/0", "");
    checkRefused (rig, [] (SessionDocument& d) { return setMixOutputs (d, "guitarist", { 2, 3 }); }, "/mixes/1/outputs/0", "");
}

TEST_CASE ("Removing a mix takes it out of the list and undo puts it back where it was", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (removeMix (rig.document, "singer").ok());
    REQUIRE (rig.session().mixes.size() == 1);
    CHECK (rig.session().mixes[0].id == "guitarist");
    CHECK (lastAudit (rig.document) == "Remove mix Singer");
    checkUndoAndRedo (rig.document, before);
    CHECK (rig.document.getSession().mixes[0].id == "guitarist"); // after redo
}

TEST_CASE ("Renaming and moving a mix are undoable steps that keep its id, sends and outputs", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (renameMix (rig.document, "singer", "Lead singer").ok());
    auto expected = before;
    expected.mixes[0].name = "Lead singer";
    CHECK (rig.session() == expected);
    checkUndoAndRedo (rig.document, before);

    const auto renamed = rig.session();
    REQUIRE (moveMix (rig.document, "guitarist", -1).ok());
    CHECK (rig.session().mixes[0] == renamed.mixes[1]);
    CHECK (rig.session().mixes[1] == renamed.mixes[0]);
    checkUndoAndRedo (rig.document, renamed);
}

TEST_CASE ("A mix goes mono on one output and stereo again, each an undoable step", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setMixOutputs (rig.document, "guitarist", { 7 }).ok());
    CHECK (findMix (rig.session(), "guitarist")->outputs == std::vector<int> { 7 });
    CHECK (lastAudit (rig.document) == "Set mix guitarist on output 7");
    checkUndoAndRedo (rig.document, before);

    const auto mono = rig.session();
    REQUIRE (setMixOutputs (rig.document, "guitarist", { 7, 8 }).ok());
    CHECK (findMix (rig.session(), "guitarist")->outputs == std::vector<int> { 7, 8 });
    checkUndoAndRedo (rig.document, mono);
}

TEST_CASE ("A mix's limiter ceiling is set within -60 to 0 dBFS and a ceiling above 0 is refused", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setMixCeiling (rig.document, "singer", -6.0).ok());
    CHECK (findMix (rig.session(), "singer")->limiterCeilingDb == -6.0);
    CHECK (lastAudit (rig.document) == "Set mix singer ceiling to -6.0 dBFS");
    checkUndoAndRedo (rig.document, before);
    checkRefused (rig, [] (SessionDocument& d) { return setMixCeiling (d, "singer", 3.0); }, "/mixes/0/limiterCeilingDb", "");
    checkRefused (rig, [] (SessionDocument& d) { return setMixCeiling (d, "nobody", -3.0); }, "/mixes", "no mix \"nobody\"");
}

TEST_CASE ("The talkback mic moves, goes away with its sends, and comes back sent to every mix, each undoable", "[control][setup]")
{
    Rig rig;
    REQUIRE (rig.document.edit ("talk to both", [] (Session& s) { for (auto& m : s.mixes) m.sends["talkback"] = {}; }).empty());
    const auto before = rig.session();

    REQUIRE (setTalkbackChannel (rig.document, 9).ok());
    CHECK (rig.session().talkback.channels == std::vector<int> { 9 });
    CHECK (findSend (rig.session(), "singer", "talkback") != nullptr); // moving it keeps who hears it
    checkUndoAndRedo (rig.document, before);

    const auto moved = rig.session();
    REQUIRE (setTalkbackChannel (rig.document, 0).ok());
    CHECK (rig.session().talkback.channels.empty());
    for (const auto& mix : rig.session().mixes)
        CHECK (mix.sends.count ("talkback") == 0);
    checkUndoAndRedo (rig.document, moved);

    const auto none = rig.session();
    REQUIRE (setTalkbackChannel (rig.document, 10).ok());
    for (const auto& mix : rig.session().mixes)
        CHECK (mix.sends.count ("talkback") == 1);
    checkUndoAndRedo (rig.document, none);
    checkRefused (rig, [] (SessionDocument& d) { return setTalkbackChannel (d, 999); }, "/talkback/channels/0", "256");
}

TEST_CASE ("The LISTEN outputs are set to a pair, one output or none, and an output a mix uses is refused", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setListenOutputs (rig.document, { 9, 10 }).ok());
    CHECK (rig.session().monitor.outputs == std::vector<int> { 9, 10 });
    checkUndoAndRedo (rig.document, before);
    const auto pair = rig.session();
    REQUIRE (setListenOutputs (rig.document, {}).ok());
    CHECK (rig.session().monitor.outputs.empty());
    checkUndoAndRedo (rig.document, pair);
    checkRefused (rig, [] (SessionDocument& d) { return setListenOutputs (d, { 3, 4 }); }, "/monitor/outputs/0", "");
}

TEST_CASE ("The remotes' address and ports are set as undoable steps, and a bad address or port is refused", "[control][setup]")
{
    Rig rig;
    const auto before = rig.session();
    REQUIRE (setRemoteAddress (rig.document, "192.168.1.20").ok());
    CHECK (rig.session().remote.address == "192.168.1.20");
    checkUndoAndRedo (rig.document, before);

    const auto addressed = rig.session();
    REQUIRE (setRemotePorts (rig.document, 8080, 9000).ok());
    CHECK (rig.session().remote.httpPort == 8080);
    CHECK (rig.session().remote.oscPort == 9000);
    checkUndoAndRedo (rig.document, addressed);

    checkRefused (rig, [] (SessionDocument& d) { return setRemoteAddress (d, "not an address"); }, "/remote/address", "");
    checkRefused (rig, [] (SessionDocument& d) { return setRemotePorts (d, 70000, 9000); }, "/remote/httpPort", "");
}
