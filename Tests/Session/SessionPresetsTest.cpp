#include <catch2/catch.hpp>

#include "Session/SessionFile.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

using namespace foldback;

namespace
{
    const std::filesystem::path presetDirectory = std::filesystem::path (FOLDBACK_SOURCE_DIR) / "presets";

    std::vector<std::string> presetFiles()
    {
        std::vector<std::string> files;

        for (const auto& entry : std::filesystem::directory_iterator (presetDirectory))
            if (entry.path().extension() == ".json")
                files.push_back (entry.path().string());

        std::sort (files.begin(), files.end());
        return files;
    }

    Session loadPreset (const std::string& name)
    {
        const auto result = loadSessionFile ((presetDirectory / name).string());

        for (const auto& error : result.errors)
            FAIL_CHECK (error.toString());

        REQUIRE (result.session.has_value());
        return *result.session;
    }
}

TEST_CASE ("Every preset loads without errors and survives a save and load unchanged", "[session][presets]")
{
    const auto files = presetFiles();
    CHECK (files.size() >= 3);

    for (const auto& file : files)
    {
        INFO (file);
        const auto result = loadSessionFile (file);

        for (const auto& error : result.errors)
            FAIL_CHECK (error.toString());

        REQUIRE (result.session.has_value());
        CHECK (result.session->audio.deviceType == DeviceType::virtualDevice);

        const auto again = parseSessionJson (sessionToJson (*result.session), file);
        REQUIRE (again.session.has_value());
        CHECK (*again.session == *result.session);
    }
}

TEST_CASE ("The demo preset exercises every kind of source and mix", "[session][presets]")
{
    const auto demo = loadPreset ("demo.json");

    CHECK (demo.inputs.size() >= 2);
    CHECK (std::any_of (demo.inputs.begin(), demo.inputs.end(), [] (const auto& input) { return input.channels.size() == 1; }));
    CHECK (std::any_of (demo.inputs.begin(), demo.inputs.end(), [] (const auto& input) { return input.channels.size() == 2; }));

    REQUIRE (demo.tracks.size() == 2);
    CHECK (demo.tracks[0].file == "audio/demo-drums.wav");
    CHECK (demo.tracks[1].file == "audio/demo-bass.wav");

    CHECK (demo.click.tempoMap.size() >= 2);
    CHECK (demo.click.subdivision != Subdivision::none);
    CHECK (demo.click.countInBars == 1);
    CHECK (demo.talkback.channels == std::vector<int> { 8 });

    REQUIRE (demo.mixes.size() == 3);
    CHECK (std::any_of (demo.mixes.begin(), demo.mixes.end(), [] (const auto& mix) { return mix.clickMode == ClickMode::countInOnly; }));
    CHECK (std::any_of (demo.mixes.begin(), demo.mixes.end(), [] (const auto& mix) { return mix.outputs.size() == 1; }));

    std::set<double> ceilings;

    for (const auto& mix : demo.mixes)
        ceilings.insert (mix.limiterCeilingDb);

    CHECK (ceilings.size() == 3);
}

TEST_CASE ("The band presets give each performer a mix of their own", "[session][presets]")
{
    const auto duo = loadPreset ("singer-and-guitarist.json");
    REQUIRE (findMix (duo, "singer") != nullptr);
    REQUIRE (findMix (duo, "guitarist") != nullptr);
    CHECK (findMix (duo, "singer")->sends.at ("vox").gainDb > findMix (duo, "guitarist")->sends.at ("vox").gainDb);
    REQUIRE (duo.tracks.size() == 1);
    CHECK (duo.tracks[0].file == "audio/demo-drums.wav");

    const auto band = loadPreset ("four-piece-band.json");
    CHECK (hasTalkback (band));

    for (const auto* id : { "drummer", "bassist", "guitarist", "singer" })
    {
        INFO (id);
        REQUIRE (findMix (band, id) != nullptr);
        CHECK (findMix (band, id)->sends.count ("talkback") == 1);
    }

    const auto clickIn = [&band] (const char* mix) { return findMix (band, mix)->sends.at ("click").gainDb; };
    CHECK (clickIn ("drummer") > clickIn ("bassist"));
    CHECK (clickIn ("drummer") > clickIn ("guitarist"));
    CHECK (clickIn ("drummer") > clickIn ("singer"));
}

TEST_CASE ("The annotated example in the format documentation is a valid session", "[session][presets]")
{
    std::ifstream file (std::filesystem::path (FOLDBACK_SOURCE_DIR) / "docs" / "session-format.md");
    REQUIRE (file.good());
    const std::string text ((std::istreambuf_iterator<char> (file)), std::istreambuf_iterator<char>());

    const auto start = text.find ("```json\n");
    REQUIRE (start != std::string::npos);
    const auto end = text.find ("```", start + 8);
    REQUIRE (end != std::string::npos);

    const auto result = parseSessionJson (text.substr (start + 8, end - start - 8), "session-format.md");

    for (const auto& error : result.errors)
        FAIL_CHECK (error.toString());

    REQUIRE (result.session.has_value());
    CHECK (result.session->mixes.size() == 2);
    CHECK (result.session->click.tempoMap.size() == 2);
}
