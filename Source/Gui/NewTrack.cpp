#include "NewTrack.h"

#include "Session/SessionIds.h"
#include "Session/SessionQueries.h"

#include <filesystem>

namespace foldback
{

BackingTrack makeNewTrack (const Session& session, const std::string& audioPath, const std::string& sessionFilePath)
{
    namespace fs = std::filesystem;
    const fs::path audio = fs::absolute (fs::path (audioPath)).lexically_normal();

    BackingTrack track;
    track.name = audio.stem().string();

    track.id = makeUniqueId (track.name, "track", [&session] (const std::string& id)
                             { return isReservedSourceId (id) || findInput (session, id) != nullptr || findTrack (session, id) != nullptr; });

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
