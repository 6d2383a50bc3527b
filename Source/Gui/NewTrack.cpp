#include "NewTrack.h"

#include "Session/SessionLimits.h"
#include "Session/SessionQueries.h"

#include <filesystem>

namespace foldback
{

namespace
{
    bool idTaken (const Session& session, const std::string& id)
    {
        return isReservedSourceId (id) || findInput (session, id) != nullptr || findTrack (session, id) != nullptr;
    }

    std::string sanitise (const std::string& stem)
    {
        std::string id;
        for (char c : stem)
        {
            const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            id += allowed ? c : '-';
        }
        if (id.empty())
            id = "track";
        return id.substr (0, sessionLimits::maxIdLength - 4); // room for a "-999" suffix
    }
}

BackingTrack makeNewTrack (const Session& session, const std::string& audioPath, const std::string& sessionFilePath)
{
    namespace fs = std::filesystem;
    const fs::path audio = fs::absolute (fs::path (audioPath)).lexically_normal();

    BackingTrack track;
    track.name = audio.stem().string();

    const auto base = sanitise (track.name);
    track.id = base;
    for (int n = 2; idTaken (session, track.id); ++n)
        track.id = base + "-" + std::to_string (n);

    track.file = audio.string();
    if (! sessionFilePath.empty())
    {
        const auto folder = fs::absolute (fs::path (sessionFilePath)).parent_path().lexically_normal();
        const auto relative = audio.lexically_relative (folder);
        if (! relative.empty() && relative.begin()->string() != "..")
            track.file = relative.generic_string();
    }
    return track;
}

} // namespace foldback
