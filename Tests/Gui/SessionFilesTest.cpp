#include "ConsoleTestFixture.h"
#include "Gui/SessionFiles.h"
#include "Audio/AudioFileIO.h"
#include "Session/SessionFile.h"
#include "Support/MessageLoop.h"

#include <catch2/catch.hpp>

using namespace foldback;
using namespace foldback::test;

namespace
{
    struct TempSettings
    {
        TempSettings() : folder (juce::File::createTempFile ("foldback-gui-test"))
        {
            folder.createDirectory();
            juce::PropertiesFile::Options options;
            options.applicationName = "FoldbackTest";
            settings = std::make_unique<juce::PropertiesFile> (folder.getChildFile ("console.settings"), options);
        }

        ~TempSettings()
        {
            settings.reset();
            folder.deleteRecursively();
        }

        juce::File folder;
        std::unique_ptr<juce::PropertiesFile> settings;
    };
}

TEST_CASE ("Opening a session replaces the document and is remembered, and a broken one changes nothing", "[gui]")
{
    ConsoleTestFixture console;
    TempSettings temp;
    SessionFiles files (console.model, *temp.settings);
    int replaced = 0;
    files.onSessionReplaced = [&replaced] { ++replaced; };

    const auto broken = temp.folder.getChildFile ("broken.json");
    broken.replaceWithText ("{ \"format\": \"foldback-session\", \"version\": 1, \"mixes\": 7 }");
    juce::String error;
    CHECK_FALSE (files.load (broken, error));
    CHECK (error.contains ("broken.json"));
    CHECK (console.document.getSession().name == "console test");
    CHECK (replaced == 0);

    const auto demo = juce::File (FOLDBACK_SOURCE_DIR).getChildFile ("presets/demo.json");
    REQUIRE (files.load (demo, error));
    CHECK (console.document.getSession().name == "Foldback demo");
    CHECK (console.document.getFilePath() == demo.getFullPathName().toStdString());
    CHECK (replaced == 1);
    CHECK (files.getRecentFiles().contains (demo.getFullPathName()));
    CHECK (temp.settings->getValue (SessionFiles::lastSessionKey) == demo.getFullPathName());
}

TEST_CASE ("Saving writes the session, makes the document clean and adds it to the recent list", "[gui]")
{
    ConsoleTestFixture console;
    TempSettings temp;
    SessionFiles files (console.model, *temp.settings);
    const auto target = temp.folder.getChildFile ("song.json");

    console.model.editSend ("singer", "vox", "level", [] (SendSettings& s) { s.gainDb = -1.5; });
    std::string error;
    REQUIRE (console.document.saveAs (target.getFullPathName().toStdString(), error));
    REQUIRE_FALSE (console.document.hasUnsavedChanges());

    console.model.editSend ("singer", "vox", "level", [] (SendSettings& s) { s.gainDb = -2.5; });
    REQUIRE (console.document.hasUnsavedChanges());
    files.save(); // has a path: saves there without asking
    CHECK_FALSE (console.document.hasUnsavedChanges());
    CHECK (target.loadFileAsString().contains ("-2.5"));
    CHECK (files.getRecentFiles().contains (target.getFullPathName()));

    // Nothing unsaved: the next step runs at once, with no prompt.
    bool ran = false;
    files.whenChangesAreSafe ([&ran] { ran = true; });
    CHECK (ran);
}

TEST_CASE ("Saving into another folder keeps every track and click sound pointing at the same files", "[gui][files]")
{
    TempSettings temp;
    const auto songs = temp.folder.getChildFile ("songs");
    REQUIRE (songs.getChildFile ("stems").createDirectory());
    const auto stem = songs.getChildFile ("stems/drums.wav");
    {
        AudioData audio;
        audio.sampleRate = 48000.0;
        audio.channels.assign (2, std::vector<float> (4800, 0.25f));
        writeFloatWav (stem.getFullPathName().toStdString(), audio);
    }

    Session session = makeConsoleTestSession();
    session.tracks.front().file = "stems/drums.wav"; // relative to songs/
    ConsoleTestFixture console (session);
    console.document.reset (session, songs.getChildFile ("song.json").getFullPathName().toStdString());
    REQUIRE (console.player.getTrackStatuses().front().online);

    std::string error;
    SECTION ("a folder above the files: the paths stay relative, from there")
    {
        REQUIRE (console.document.saveAs (temp.folder.getChildFile ("copy.json").getFullPathName().toStdString(), error));
        CHECK (console.document.getSession().tracks.front().file == "songs/stems/drums.wav");
    }
    SECTION ("a folder beside them: the paths become absolute")
    {
        REQUIRE (temp.folder.getChildFile ("elsewhere").createDirectory());
        REQUIRE (console.document.saveAs (temp.folder.getChildFile ("elsewhere/copy.json").getFullPathName().toStdString(), error));
        CHECK (console.document.getSession().tracks.front().file == stem.getFullPathName().toStdString());
    }

    // The track still plays, and the file written says the same as the document.
    CHECK (console.player.getTrackStatuses().front().online);
    CHECK_FALSE (console.document.hasUnsavedChanges());
    const auto written = juce::JSON::parse (juce::File (console.document.getFilePath()).loadFileAsString());
    CHECK (written["tracks"][0]["file"].toString().toStdString() == console.document.getSession().tracks.front().file);
}

TEST_CASE ("Opening a session whose tracks need converting converts them first and keeps the current session until then", "[gui][files][tracks]")
{
    ConsoleTestFixture console;
    TempSettings temp;
    SessionFiles files (console.model, *temp.settings);

    // A CD-rate track: it needs a copy at the console's 48 kHz.
    const auto song = temp.folder.getChildFile ("song.wav");
    {
        AudioData audio;
        audio.sampleRate = 44100.0;
        audio.channels.assign (2, std::vector<float> (44100 * 3, 0.25f));
        writeFloatWav (song.getFullPathName().toStdString(), audio);
    }
    Session session = makeConsoleTestSession();
    session.name = "converted";
    session.tracks.front().file = "song.wav";
    const auto target = temp.folder.getChildFile ("converted.json");
    std::string error;
    REQUIRE (saveSessionFile (session, target.getFullPathName().toStdString(), error));

    files.loadWhenTracksAreReady (target);
    CHECK (console.document.getSession().name != "converted"); // not yet: the old session plays on
    for (int i = 0; i < 200 && files.isPreparingTracks(); ++i)
        foldback::test::runMessageLoopFor (20);
    foldback::test::runMessageLoopFor (20);

    REQUIRE_FALSE (files.isPreparingTracks());
    CHECK (console.document.getSession().name == "converted");
    const auto& status = console.player.getTrackStatuses().front();
    INFO (status.message);
    CHECK (status.online);
    CHECK (status.info.isConverted());
    CHECK_FALSE (status.info.convertedNow); // the job made the copy; applying it only found it
}
