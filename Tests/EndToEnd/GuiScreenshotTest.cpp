// The real console under Xvfb: `foldback presets/demo.json --screenshot-dir DIR
// --quit-after-screenshots` must open the demo, roll the transport, save a picture of each
// page and its component tree, and exit 0; the tree must match the session.

#include "Session/SessionFile.h"
#include "Session/SessionQueries.h"
#include "Support/ChildProcess.h"
#include "Support/TempDirectory.h"
#include "Support/VirtualDisplay.h"

#include <catch2/catch.hpp>
#include <juce_graphics/juce_graphics.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    void collectIds (const nlohmann::json& node, std::map<std::string, int>& ids, std::map<std::string, bool>& showing)
    {
        const auto id = node.at ("id").get<std::string>();
        if (! id.empty())
        {
            ++ids[id];
            showing[id] = node.at ("showing").get<bool>();
        }
        for (const auto& child : node.at ("children"))
            collectIds (child, ids, showing);
    }

    int countWithPrefix (const std::map<std::string, int>& ids, const std::string& prefix)
    {
        int count = 0;
        for (const auto& [id, n] : ids)
            if (id.rfind (prefix, 0) == 0)
                count += n;
        return count;
    }

    struct ImageStats
    {
        int width = 0, height = 0;
        double meanBrightness = 1.0;  ///< [0, 1]
        int litMeterPixels = 0;       ///< saturated green, as a lit meter segment is
    };

    ImageStats measure (const std::string& path)
    {
        ImageStats stats;
        const auto image = juce::ImageFileFormat::loadFrom (juce::File (path));
        if (! image.isValid())
            return stats;

        stats.width = image.getWidth();
        stats.height = image.getHeight();
        double sum = 0.0;
        for (int y = 0; y < image.getHeight(); y += 2)
            for (int x = 0; x < image.getWidth(); x += 2)
            {
                const auto colour = image.getPixelAt (x, y);
                sum += colour.getPerceivedBrightness();
                if (colour.getGreen() > 180 && colour.getRed() < 90 && colour.getBlue() < 130)
                    ++stats.litMeterPixels;
            }
        stats.meanBrightness = sum / ((image.getWidth() / 2) * (image.getHeight() / 2));
        return stats;
    }
}

TEST_CASE ("The console under Xvfb shows one view per mix and one strip per source, in a dark theme", "[e2e][gui]")
{
    TempDirectory directory;
    VirtualDisplay display (directory);
    REQUIRE_FALSE (display.name.empty());

    const std::string sessionPath = std::string (FOLDBACK_SOURCE_DIR) + "/presets/demo.json";
    const std::string shots = FOLDBACK_GUI_SCREENSHOT_DIR;
    std::filesystem::remove_all (shots);

    ChildProcess foldback ({ FOLDBACK_BINARY, sessionPath, "--screenshot-dir", shots, "--quit-after-screenshots", "--remote" },
                           { { "DISPLAY", display.name }, { "XDG_CONFIG_HOME", directory.file ("config") } },
                           directory.file ("foldback.out"), directory.file ("foldback.err"));
    const auto status = foldback.waitForExit (120s);
    INFO ("stderr: " << foldback.readStderr());
    REQUIRE (status.has_value());
    REQUIRE (*status == 0);

    const auto parsed = loadSessionFile (sessionPath);
    REQUIRE (parsed.ok());
    const auto& session = *parsed.session;
    const auto sources = sourceIdsOf (session);

    std::ifstream treeFile (shots + "/component-tree.json");
    REQUIRE (treeFile.good());
    const auto tree = nlohmann::json::parse (treeFile);
    std::map<std::string, int> ids;
    std::map<std::string, bool> showing;
    collectIds (tree, ids, showing);

    // One view per mix, one strip per source in each, and nothing else called a strip.
    CHECK (countWithPrefix (ids, "mix:") == static_cast<int> (session.mixes.size()));
    CHECK (countWithPrefix (ids, "strip:") == static_cast<int> (session.mixes.size() * sources.size()));
    CHECK (countWithPrefix (ids, "cell:") == static_cast<int> (session.mixes.size() * sources.size()));
    for (const auto& mix : session.mixes)
    {
        CHECK (ids["mix:" + mix.id] == 1);
        CHECK (ids["master:" + mix.id] == 1);
        CHECK (ids["click:" + mix.id] == 1);
        for (const auto& source : sources)
            CHECK (ids["strip:" + mix.id + ":" + source] == 1);
        CHECK (ids["remoteMix:" + mix.id] == 1); // a remote card (link, QR code) per performer
    }
    for (const auto& track : session.tracks)
        CHECK (ids["track:" + track.id] == 1);
    for (const auto& input : session.inputs)
        CHECK (ids["setupInput:" + input.id] == 1); // the setup page lists every input and mix
    for (const auto& mix : session.mixes)
        CHECK (ids["setupMix:" + mix.id] == 1);
    CHECK (showing["mix:" + session.mixes.front().id]); // the runner ends on the first mix
    CHECK (ids["transport"] == 1);
    CHECK (ids["talkback"] == 1);
    CHECK (ids["status"] == 1);

    std::vector<std::string> pictures { "matrix.png", "clickPanel.png", "tracksPanel.png", "devicePanel.png", "remotesPanel.png", "setupPanel.png" };
    for (const auto& mix : session.mixes)
        pictures.push_back ("mix-" + mix.id + ".png");
    for (const auto& picture : pictures)
    {
        INFO (picture);
        const auto stats = measure (shots + "/" + picture);
        CHECK (stats.width >= 1100);
        CHECK (stats.height >= 700);
        CHECK (stats.meanBrightness < 0.25); // a dark control room's theme
    }

    // The transport rolled over the demo's backing tracks: the first mix's meters are lit.
    CHECK (measure (shots + "/mix-" + session.mixes.front().id + ".png").litMeterPixels > 200);
}
