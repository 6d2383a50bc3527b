#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/NewTrack.h"
#include "Gui/TracksPanel.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

TEST_CASE ("A track that will not open shows offline, with the reason", "[gui]")
{
    ConsoleTestFixture console;
    TracksPanel panel (console.model);
    panel.setSize (1300, 600);

    auto* row = panel.findRow ("drums");
    REQUIRE (row != nullptr);
    CHECK (row->getStatusText().startsWith ("OFFLINE: "));
    CHECK (row->getStatusText().contains ("drums.wav"));
}

TEST_CASE ("A dropped audio file loads with progress and joins the session unsent", "[gui]")
{
    ConsoleTestFixture console;
    TracksPanel panel (console.model);
    const auto file = juce::File (FOLDBACK_SOURCE_DIR).getChildFile ("presets/audio/demo-bass.wav");
    REQUIRE (file.existsAsFile());
    REQUIRE (panel.isInterestedInFileDrag ({ file.getFullPathName() }));
    REQUIRE_FALSE (panel.isInterestedInFileDrag ({ "/tmp/notes.txt" }));

    panel.filesDropped ({ file.getFullPathName() }, 10, 10);
    CHECK (panel.getNumPendingImports() == 1);
    for (int i = 0; i < 100 && panel.getNumPendingImports() > 0; ++i)
        foldback::test::runMessageLoopFor (50);

    CHECK (panel.getNumPendingImports() == 0);
    const auto& tracks = console.document.getSession().tracks;
    REQUIRE (tracks.size() == 2);
    CHECK (tracks[1].id == "demo-bass");
    CHECK (tracks[1].file == file.getFullPathName().toStdString());
    for (const auto& mix : console.document.getSession().mixes)
        CHECK (mix.sends.count ("demo-bass") == 0);

    panel.rebuildIfNeeded();
    auto* row = panel.findRow ("demo-bass");
    REQUIRE (row != nullptr);
    CHECK (row->getStatusText().startsWith ("ONLINE"));
}

TEST_CASE ("A file that is not audio is refused with a notice and changes nothing", "[gui]")
{
    ConsoleTestFixture console;
    TracksPanel panel (console.model);
    const auto notAudio = juce::File::createTempFile (".wav");
    notAudio.replaceWithText ("not a wave file");

    panel.importFiles ({ notAudio.getFullPathName() });
    for (int i = 0; i < 100 && panel.getNumPendingImports() > 0; ++i)
        foldback::test::runMessageLoopFor (50);

    CHECK (console.document.getSession().tracks.size() == 1);
    REQUIRE (console.notices.size() == 1);
    CHECK (console.notices[0].contains (notAudio.getFileName()));
    notAudio.deleteFile();
}

TEST_CASE ("A new track's id is unique and its path relative to the session when beside it", "[gui]")
{
    auto session = makeConsoleTestSession();
    session.tracks.push_back ({ "click-track", "x", "x.wav", 0.0, 0.0 });

    CHECK (makeNewTrack (session, "/music/Drum Loop (take 2).wav", "").id == "Drum-Loop--take-2-");
    CHECK (makeNewTrack (session, "/music/drums.wav", "").id == "drums-2");
    CHECK (makeNewTrack (session, "/music/click.wav", "").id == "click-2");
    CHECK (makeNewTrack (session, "/music/click-track.flac", "").id == "click-track-2");

    CHECK (makeNewTrack (session, "/sessions/song/audio/bass.wav", "/sessions/song/song.json").file == "audio/bass.wav");
    CHECK (makeNewTrack (session, "/elsewhere/bass.wav", "/sessions/song/song.json").file == "/elsewhere/bass.wav");
    CHECK (makeNewTrack (session, "/elsewhere/bass.wav", "/sessions/song/song.json").name == "bass");
}
