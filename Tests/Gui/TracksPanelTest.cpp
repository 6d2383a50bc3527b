#include "Support/MessageLoop.h"
#include "ConsoleTestFixture.h"
#include "Gui/NewTrack.h"
#include "Gui/SetupControls.h"
#include "Session/SessionQueries.h"
#include "Gui/TracksPanel.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

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

TEST_CASE ("A track's colour swatch colours the track, as one undoable edit, and shows the colour", "[gui][tracks][colour]")
{
    ConsoleTestFixture console;
    TracksPanel panel (console.model);
    panel.setSize (1300, 600);
    auto* row = panel.findRow ("drums");
    REQUIRE (row != nullptr);
    const auto& colours = setupControls::sourceColours();
    REQUIRE (colours.size() > 2);

    const auto before = console.document.getSession();
    row->getColourButton().applyColourChoice (2);
    const auto* drums = findTrack (console.document.getSession(), "drums");
    REQUIRE (drums != nullptr);
    CHECK (drums->colour == colours[2].hex);
    CHECK (console.document.getUndoDescription().find ("Colour drums") != std::string::npos);
    row = panel.findRow ("drums");
    REQUIRE (row != nullptr);
    CHECK (row->getColourButton().findColour (juce::TextButton::buttonColourId) == setupControls::colourOf (colours[2].hex));

    console.document.undo();
    CHECK (console.document.getSession() == before);
    console.document.redo();
    CHECK (findTrack (console.document.getSession(), "drums")->colour == colours[2].hex);
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

TEST_CASE ("A dropped MP3 at another rate is converted with progress and its row shows its format and waveform", "[gui][tracks]")
{
    ConsoleTestFixture console;
    const auto folder = juce::File::createTempFile ("").getParentDirectory().getChildFile ("foldback-gui-" + juce::Uuid().toString());
    REQUIRE (folder.createDirectory());
    struct Cleanup { juce::File f; ~Cleanup() { f.deleteRecursively(); } } cleanup { folder };

    std::string error;
    REQUIRE (console.document.saveAs (folder.getChildFile ("session.json").getFullPathName().toStdString(), error));

    // Two seconds of a 440 Hz tone, then two of silence: the overview must show both.
    const auto wav = folder.getChildFile ("song.wav").getFullPathName().toStdString();
    const auto mp3 = folder.getChildFile ("song.mp3").getFullPathName().toStdString();
    REQUIRE (std::system (("sox -n -r 44100 -c 2 -b 16 '" + wav + "' synth 2 sine 440 vol 0.5 pad 0 2 && lame --quiet -V 2 '"
                           + wav + "' '" + mp3 + "'").c_str()) == 0);

    TracksPanel panel (console.model);
    panel.setSize (1300, 600);
    std::vector<double> progress;
    panel.importFiles ({ juce::String (mp3) });
    for (int i = 0; i < 200 && panel.getNumPendingImports() > 0; ++i)
        foldback::test::runMessageLoopFor (20);
    REQUIRE (panel.getNumPendingImports() == 0);

    panel.rebuildIfNeeded();
    auto* row = panel.findRow ("song");
    REQUIRE (row != nullptr);
    INFO (row->getStatusText() << " / " << row->getFileText());
    CHECK (row->getStatusText() == "ONLINE, converted to 48000 Hz");
    CHECK (row->getFileText().contains ("MP3, 44100 Hz, stereo, 0:04.0"));

    // The converted copy is beside the session, where the player found it without converting again.
    const auto& statuses = console.player.getTrackStatuses();
    const auto status = std::find_if (statuses.begin(), statuses.end(), [] (const TrackStatus& s) { return s.id == "song"; });
    REQUIRE (status != statuses.end());
    CHECK (status->info.isConverted());
    CHECK_FALSE (status->info.convertedNow);
    CHECK (juce::File (status->info.cachePath).getParentDirectory() == folder.getChildFile (".foldback-cache"));

    for (int i = 0; i < 200 && ! row->getOverview().hasPeaks(); ++i)
        foldback::test::runMessageLoopFor (20);
    REQUIRE (row->getOverview().hasPeaks());
    const auto& peaks = row->getOverview().getPeaks();
    REQUIRE (peaks.size() == TrackOverview::numColumns);
    CHECK (peaks[TrackOverview::numColumns / 4] == Approx (0.5).margin (0.05));   // the tone
    CHECK (peaks[3 * TrackOverview::numColumns / 4] < 0.01f);                       // the silence
}
