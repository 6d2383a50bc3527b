#include "RemoteLinkStore.h"

#include "Session/AtomicFile.h"
#include "Session/RegularFile.h"
#include "Session/UserFolders.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace foldback
{

namespace
{
    constexpr const char* formatName = "foldback-remote-links";
    constexpr std::size_t maxFileBytes = 4 * 1024 * 1024;

    /** The same session file however it was named on the command line. */
    std::string keyFor (const std::string& sessionPath)
    {
        std::error_code error;
        const auto canonical = std::filesystem::weakly_canonical (std::filesystem::absolute (sessionPath, error), error);
        return error ? sessionPath : canonical.string();
    }

    nlohmann::json readStore (const std::string& path)
    {
        std::string text;
        if (path.empty() || ! readWholeRegularFile (path, maxFileBytes, text).empty())
            return nlohmann::json::array();
        try
        {
            const auto document = nlohmann::json::parse (text);
            if (document.is_object() && document.value ("format", "") == formatName && document.contains ("sessions")
                && document["sessions"].is_array())
                return document["sessions"];
        }
        catch (const nlohmann::json::exception&)
        {
        }
        return nlohmann::json::array(); // damaged or not ours: nothing remembered
    }

    bool isToken (const nlohmann::json& value)
    {
        return value.is_string() && ! value.get<std::string>().empty();
    }
}

RemoteLinkStore::RemoteLinkStore (std::string filePath) : path (std::move (filePath)) {}

std::string RemoteLinkStore::defaultPath()
{
    const auto folder = userConfigFolder();
    return folder.empty() ? std::string() : (std::filesystem::path (folder) / "remote-links.json").string();
}

bool RemoteLinkStore::recall (const std::string& sessionPath, Session& session) const
{
    if (sessionPath.empty())
        return false;

    const auto key = keyFor (sessionPath);
    for (const auto& entry : readStore (path))
    {
        if (! entry.is_object() || entry.value ("session", "") != key)
            continue;

        bool filled = false;
        if (session.remote.engineerToken.empty() && entry.contains ("engineer") && isToken (entry["engineer"]))
        {
            session.remote.engineerToken = entry["engineer"].get<std::string>();
            filled = true;
        }
        if (entry.contains ("mixes") && entry["mixes"].is_object())
            for (auto& mix : session.mixes)
                if (mix.remote.token.empty() && entry["mixes"].contains (mix.id) && isToken (entry["mixes"][mix.id]))
                {
                    mix.remote.token = entry["mixes"][mix.id].get<std::string>();
                    filled = true;
                }
        return filled;
    }
    return false;
}

bool RemoteLinkStore::remember (const std::string& sessionPath, const Session& session, std::string& error) const
{
    if (sessionPath.empty() || path.empty())
        return true;

    const auto key = keyFor (sessionPath);
    nlohmann::json entry = { { "session", key }, { "engineer", session.remote.engineerToken }, { "mixes", nlohmann::json::object() } };
    for (const auto& mix : session.mixes)
        if (! mix.remote.token.empty())
            entry["mixes"][mix.id] = mix.remote.token;
    entry["usedAt"] = std::chrono::duration_cast<std::chrono::seconds> (std::chrono::system_clock::now().time_since_epoch()).count();

    // This session first, then the others, most recently used first, at most maxSessions.
    auto sessions = nlohmann::json::array ({ entry });
    for (const auto& other : readStore (path))
        if (other.is_object() && other.value ("session", "") != key && sessions.size() < maxSessions)
            sessions.push_back (other);

    std::error_code ignored;
    std::filesystem::create_directories (std::filesystem::path (path).parent_path(), ignored);

    AtomicWriteOptions options;
    options.ownerOnly = true;
    options.replaceLinkTarget = false;
    const nlohmann::json document = { { "format", formatName }, { "version", 1 }, { "sessions", sessions } };
    return writeFileAtomically (path, document.dump (2) + "\n", options, error);
}

} // namespace foldback
