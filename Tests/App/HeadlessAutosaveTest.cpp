#include "Support/ConstantBlocks.h"

#include "App/HeadlessAutosave.h"
#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <sstream>

#include <unistd.h>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    Session makeAutosaveSession()
    {
        Session session;
        session.name = "autosave";
        session.inputs = { { "vox", "Vocal", { 1 } } };
        CueMix singer;
        singer.id = "singer";
        singer.name = "Singer";
        singer.outputs = { 1, 2 };
        singer.sends["vox"] = { -6.0, 0.0, false };
        session.mixes = { singer };
        return session;
    }

    /** A document on a session file in a folder of its own, and the autosave under test. */
    struct AutosaveFixture
    {
        explicit AutosaveFixture (bool folderExists = true)
        {
            folder = std::filesystem::temp_directory_path()
                     / ("foldback-autosave-" + std::to_string (::getpid()) + "-" + std::to_string (++instances));
            std::filesystem::remove_all (folder);
            if (folderExists)
                std::filesystem::create_directories (folder);
            path = (folder / "session.json").string();
            document.reset (makeAutosaveSession(), path);
        }

        ~AutosaveFixture() { std::error_code e; std::filesystem::remove_all (folder, e); }

        void performerMovesVocal (double offsetDb)
        {
            const auto errors = document.edit ("singer's vocal", [offsetDb] (Session& s)
            {
                s.mixes[0].performer.sends["vox"].gainOffsetDb = offsetDb;
            }, EditOrigin { "singer (osc 127.0.0.1)" });
            REQUIRE (errors.empty());
        }

        double savedOffset() const
        {
            const auto loaded = loadSessionFile (path);
            REQUIRE (loaded.ok());
            return loaded.session->mixes[0].performer.sends.at ("vox").gainOffsetDb;
        }

        static inline int instances = 0;
        Engine engine;
        SessionPlayer player { preparedAt48k (engine) };
        SessionDocument document { player };
        std::filesystem::path folder;
        std::string path;
        std::ostringstream out, err;
        HeadlessAutosave autosave { document, 2000ms, 10000ms, out, err };
    };
}

TEST_CASE ("Autosave writes a performer's edit once it is two seconds old, and not before", "[app][autosave]")
{
    AutosaveFixture f;
    const auto t0 = HeadlessAutosave::Clock::now();

    f.performerMovesVocal (4.0);
    f.autosave.service (t0);
    f.autosave.service (t0 + 1999ms);
    CHECK_FALSE (std::filesystem::exists (f.path));

    f.autosave.service (t0 + 2000ms);
    REQUIRE (std::filesystem::exists (f.path));
    CHECK (f.savedOffset() == 4.0);
    CHECK_FALSE (f.document.hasUnsavedChanges());
    CHECK (f.out.str().find ("autosave: saved " + f.path) != std::string::npos);
    CHECK (f.err.str().empty());
}

TEST_CASE ("Autosave waits for a fader drag to end: every new edit restarts the two seconds", "[app][autosave]")
{
    AutosaveFixture f;
    const auto t0 = HeadlessAutosave::Clock::now();

    for (int step = 0; step < 10; ++step) // a drag: an edit every 500 ms for 5 s
    {
        f.performerMovesVocal (step);
        f.autosave.service (t0 + step * 500ms);
        f.autosave.service (t0 + step * 500ms + 400ms);
    }
    CHECK_FALSE (std::filesystem::exists (f.path));

    f.autosave.service (t0 + 9 * 500ms + 2000ms);
    CHECK (f.savedOffset() == 9.0);
    CHECK (f.out.str().find ("saved") == f.out.str().rfind ("saved")); // one save for the whole drag
}

TEST_CASE ("Autosave never writes a session nobody changed", "[app][autosave]")
{
    AutosaveFixture f;
    const auto t0 = HeadlessAutosave::Clock::now();
    f.autosave.service (t0);
    f.autosave.service (t0 + 1h);
    CHECK (f.autosave.flush());
    CHECK_FALSE (std::filesystem::exists (f.path));
    CHECK (f.out.str().empty());
}

TEST_CASE ("A failed autosave warns once, keeps the edits in memory, and succeeds on exit once it can",
           "[app][autosave]")
{
    AutosaveFixture f (false); // the session's folder is gone
    const auto t0 = HeadlessAutosave::Clock::now();

    f.performerMovesVocal (-3.0);
    f.autosave.service (t0);
    f.autosave.service (t0 + 3s);
    f.autosave.service (t0 + 4s);
    f.autosave.service (t0 + 5s);

    const auto warnings = f.err.str();
    CHECK (warnings.find ("autosave failed") != std::string::npos);
    CHECK (warnings.find (f.path) != std::string::npos);
    CHECK (warnings.find ("autosave failed") == warnings.rfind ("autosave failed")); // once, not every 100 ms
    CHECK (f.document.hasUnsavedChanges());
    CHECK (f.document.getSession().mixes[0].performer.sends.at ("vox").gainOffsetDb == -3.0);

    std::filesystem::create_directories (f.folder);
    CHECK (f.autosave.flush());
    CHECK (f.savedOffset() == -3.0);
    CHECK_FALSE (f.document.hasUnsavedChanges());
}

TEST_CASE ("Autosave saves at most ten seconds after the first unsaved change even while edits keep coming",
           "[app][autosave]")
{
    AutosaveFixture f;
    const auto t0 = HeadlessAutosave::Clock::now();

    // One change a second for 40 s, serviced every 100 ms as the run loop does: the two
    // quiet seconds never come, yet a SIGKILL must never lose more than ten seconds of edits.
    int saves = 0;
    std::optional<HeadlessAutosave::Clock::time_point> oldestUnsaved;
    for (int tick = 0; tick <= 400; ++tick)
    {
        const auto now = t0 + tick * 100ms;
        if (tick % 10 == 0)
        {
            f.performerMovesVocal (1 + tick / 10 % 20); // never 0: every one is a change
            if (! oldestUnsaved.has_value())
                oldestUnsaved = now;
        }
        f.autosave.service (now);
        if (oldestUnsaved.has_value() && ! f.document.hasUnsavedChanges())
        {
            ++saves;
            oldestUnsaved.reset();
        }
        REQUIRE ((! oldestUnsaved.has_value() || now - *oldestUnsaved <= 10s));
    }
    CHECK (saves >= 3);
    CHECK (f.savedOffset() >= 1.0);
    CHECK (f.err.str().empty());
}
