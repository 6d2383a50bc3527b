#pragma once

#include "EndToEnd/Support/TempDirectory.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace foldback::test
{

/** presets/singer-and-guitarist.json with its tracks replaced by `trackFiles` (ids t0,
    t1, ...; sent to no mix) and, when given, a custom click sound, written to `directory`
    as session.json. Returns its path. */
inline std::string writeSessionWithTracks (const TempDirectory& directory, const std::vector<std::string>& trackFiles,
                                           const std::string& customClick = {})
{
    std::ifstream preset (std::string (FOLDBACK_SOURCE_DIR) + "/presets/singer-and-guitarist.json");
    auto session = nlohmann::json::parse (preset);
    session["tracks"] = nlohmann::json::array();
    for (std::size_t i = 0; i < trackFiles.size(); ++i)
        session["tracks"].push_back ({ { "id", "t" + std::to_string (i) }, { "name", "Track " + std::to_string (i) },
                                       { "file", trackFiles[i] }, { "offsetSeconds", 0.0 }, { "gainDb", 0.0 } });
    for (auto& mix : session["mixes"])
        mix["sends"].erase ("backing");
    if (! customClick.empty())
    {
        session["click"]["sound"] = "custom";
        session["click"]["customFile"] = customClick;
    }
    const auto path = directory.file ("session.json");
    std::ofstream (path) << session.dump (2);
    return path;
}

} // namespace foldback::test
