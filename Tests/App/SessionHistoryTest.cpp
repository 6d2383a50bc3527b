// Undo and the audit list on a big session: what they keep per edit, and that undo, redo
// and reverting an audit entry still give back exactly what they replaced.

#include "Support/ConstantBlocks.h"
#include "Support/LargeSession.h"

#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Remote/RemoteEditApplier.h"
#include "Session/PerformerLayer.h"
#include "Session/SessionQueries.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

using namespace foldback;
using namespace foldback::test;

namespace
{
    struct LargeDocumentFixture
    {
        explicit LargeDocumentFixture (Session session = makeLargeSession())
        {
            document.reset (session, {});
        }

        /** One remote client's batch, as RemoteControl::service() applies it. */
        void performerMoves (const std::string& client, const std::string& mixId, const std::string& sourceId, double offsetDb)
        {
            RemoteChange change;
            change.control = RemoteChange::Control::gain;
            change.mixId = mixId;
            change.sourceId = sourceId;
            change.value = offsetDb;
            REQUIRE (applyRemoteChanges (document, { { client, change, 0 } }).empty());
        }

        Engine engine;
        SessionPlayer player { preparedAt48k (engine) };
        SessionDocument document { player };
    };

    constexpr std::size_t mebibyte = 1024 * 1024;
}

TEST_CASE ("Undo and audit memory stay bounded over thousands of remote edits on a 256x64 session", "[document]")
{
    LargeDocumentFixture f;
    const auto heapBefore = heapBytesInUse();

    // One performer moves three faders in turn: consecutive edits never share a coalescing
    // key, so every one is an undo step and an audit line of its own.
    const std::string faders[] = { "in1", "in2", "in3" };
    for (int edit = 0; edit < 1800; ++edit)
    {
        f.performerMoves ("m7 (osc 10.0.0.7)", "m7", faders[edit % 3], -10.0 + (edit % 40) * 0.5);
        if (edit % 25 == 24)
        {
            INFO ("after " << edit + 1 << " edits the heap has grown by " << (heapBytesInUse() - heapBefore) / mebibyte << " MiB");
            REQUIRE (f.document.getUndoBytes() <= SessionDocument::maxUndoBytes);
            REQUIRE (f.document.getAuditBytes() <= SessionDocument::maxAuditBytes);
            REQUIRE (heapBytesInUse() < heapBefore + 64 * mebibyte);
        }
    }
    CHECK (f.document.getAuditLog().size() == SessionDocument::maxAuditEntries);

    // Small edits are bounded by the step counts long before the bytes: a few hundred each.
    CHECK (f.document.getUndoBytes() < 1 * mebibyte);
    CHECK (f.document.getAuditBytes() < 2 * mebibyte);

    // And the 500 steps kept still undo exactly, one fader at a time.
    const auto in2Before = effectiveSend (*findMix (f.document.getSession(), "m7"), "in2");
    f.document.undo(); // the last edit moved in3 (edit 1799)
    f.document.undo(); // and before it in2
    CHECK_FALSE (effectiveSend (*findMix (f.document.getSession(), "m7"), "in2") == in2Before);
}

TEST_CASE ("Measurement: heap RSS and time per remote edit on a 256x64 session", "[.][measurement]")
{
    auto rssKb = []
    {
        std::ifstream status ("/proc/self/status");
        for (std::string line; std::getline (status, line);)
            if (line.rfind ("VmRSS:", 0) == 0)
                return std::stol (line.substr (6));
        return 0L;
    };

    LargeDocumentFixture f;
    const auto heapBefore = heapBytesInUse();
    const auto rssBefore = rssKb();
    const std::string faders[] = { "in1", "in2", "in3" };
    constexpr int edits = 300;
    const auto start = std::chrono::steady_clock::now();
    for (int edit = 0; edit < edits; ++edit)
        f.performerMoves ("m7 (osc 10.0.0.7)", "m7", faders[edit % 3], -10.0 + (edit % 40) * 0.5);
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;

    std::cout << "measurement: " << edits << " remote edits on 256x64: heap +" << (heapBytesInUse() - heapBefore) / 1024 << " KiB, RSS "
              << rssBefore / 1024 << " -> " << rssKb() / 1024 << " MB, " << elapsed.count() / edits << " ms per edit\n";
}

TEST_CASE ("Undo and audit stay within their byte bounds when every edit changes the mix list of a 256x64 session", "[document]")
{
    LargeDocumentFixture f;
    const auto heapBefore = heapBytesInUse();

    // Each edit adds or removes a mix: the whole mix list is what changed, megabytes a step.
    for (int edit = 0; edit < 24; ++edit)
    {
        REQUIRE (f.document.edit ("toggle a mix", [edit] (Session& s)
        {
            if (edit % 2 == 0)
                s.mixes.pop_back();
            else
            {
                auto mix = s.mixes.back();
                mix.id = "m64";
                mix.outputs = { 127, 128 };
                mix.remote.token = "mix-token-1064";
                s.mixes.push_back (mix);
            }
        }).empty());
        CHECK (f.document.getUndoBytes() <= SessionDocument::maxUndoBytes);
        CHECK (f.document.getAuditBytes() <= SessionDocument::maxAuditBytes);
    }
    CHECK (heapBytesInUse() < heapBefore + SessionDocument::maxUndoBytes + SessionDocument::maxAuditBytes + 32 * mebibyte);

    // What is left of the history still undoes exactly.
    const auto latest = f.document.getSession();
    int undone = 0;
    for (; f.document.canUndo(); ++undone)
        f.document.undo();
    CHECK (undone >= 2);
    CHECK (f.document.getSession().mixes.size() == (undone % 2 == 0 ? 64u : 63u));
    while (f.document.canRedo())
        f.document.redo();
    CHECK (f.document.getSession() == latest);
}

TEST_CASE ("Undo and redo of every kind of edit give back exactly the sessions they replaced", "[document]")
{
    LargeDocumentFixture f (makeLargeSession (4, 3));
    std::vector<Session> states { f.document.getSession() };
    auto edit = [&] (const std::function<void (Session&)>& change)
    {
        REQUIRE (f.document.edit ("edit", change).empty());
        states.push_back (f.document.getSession());
    };

    edit ([] (Session& s) { s.name = "renamed"; });
    edit ([] (Session& s) { s.inputs[1].name = "Bass DI"; });
    edit ([] (Session& s) { s.inputs.push_back ({ "in5", "Input 5", { 5 } }); s.mixes[2].sends["in5"] = { -3.0, 0.5, false }; });
    edit ([] (Session& s) { s.mixes[0].performer.sends["in2"] = { 4.0, 0.0, true }; s.mixes[0].performer.masterOffsetDb = -2.0; });
    edit ([] (Session& s) { s.mixes[1].name = "Drums"; s.mixes[1].masterDb = -4.0; s.mixes[1].clickMode = ClickMode::countInOnly; });
    edit ([] (Session& s) { s.mixes[0].sends.erase ("in2"); }); // takes the performer's offset with it
    edit ([] (Session& s) { s.click.tempoMap.push_back ({ 9, 90.0, 3, 4 }); s.transport.loopEnabled = true; s.transport.loopEndSeconds = 8.0; });
    edit ([] (Session& s) { std::swap (s.mixes[0], s.mixes[2]); });
    edit ([] (Session& s) { s.mixes.erase (s.mixes.begin() + 1); s.mixes[0].sends["in1"].gainDb = 2.0; });

    for (auto state = states.rbegin() + 1; state != states.rend(); ++state)
    {
        f.document.undo();
        CHECK (f.document.getSession() == *state);
    }
    CHECK_FALSE (f.document.canUndo());
    for (std::size_t i = 1; i < states.size(); ++i)
    {
        f.document.redo();
        CHECK (f.document.getSession() == states[i]);
    }
}

TEST_CASE ("Reverting an audit entry on a 256x64 session puts back only that fader, with later edits kept", "[document]")
{
    LargeDocumentFixture f;
    f.performerMoves ("m7 (osc 10.0.0.7)", "m7", "in1", 3.0);  // entry 0
    f.performerMoves ("m7 (osc 10.0.0.7)", "m7", "in2", -4.0); // entry 1
    REQUIRE (f.document.edit ("in1 -2", [] (Session& s) { findMix (s, "m7")->sends["in1"].gainDb = -2.0; }).empty()); // entry 2
    REQUIRE (f.document.getAuditLog().size() == 3);

    auto expected = f.document.getSession();
    findMix (expected, "m7")->performer.sends.erase ("in1");
    REQUIRE (f.document.revertAuditEntry (0).empty());
    CHECK (f.document.getSession() == expected);

    // A mix that is gone cannot be reverted: said so, and nothing changes.
    REQUIRE (f.document.edit ("remove m7", [] (Session& s) { s.mixes.erase (s.mixes.begin() + 6); }).empty());
    const auto beforeRefusal = f.document.getSession();
    CHECK_FALSE (f.document.revertAuditEntry (1).empty());
    CHECK (f.document.getSession() == beforeRefusal);
}
