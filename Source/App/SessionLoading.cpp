#include "SessionLoading.h"

#include "App/CommandLineArguments.h"
#include "Session/SessionFile.h"

#include <filesystem>

namespace foldback
{

LoadedSession loadSessionForCommand (const std::string& path)
{
    auto parsed = loadSessionFile (path);

    if (! parsed.session.has_value())
    {
        std::string message;
        for (const auto& error : parsed.errors)
            message += (message.empty() ? "" : "\nerror: ") + error.toString();
        if (message.empty())
            message = path + ": could not be loaded";
        throw UsageError (message);
    }

    LoadedSession loaded;
    loaded.session = std::move (*parsed.session);
    loaded.path = path;
    loaded.directory = std::filesystem::absolute (std::filesystem::path (path)).parent_path().string();
    return loaded;
}

} // namespace foldback
