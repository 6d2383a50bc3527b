#include "UserFolders.h"

#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <unistd.h>

namespace foldback
{

namespace
{
    std::string folderUnder (const char* variable, const char* fallbackBelowHome)
    {
        std::filesystem::path base;
        if (const char* set = std::getenv (variable); set != nullptr && *set == '/')
            base = set;
        else if (const char* home = std::getenv ("HOME"); home != nullptr && *home == '/')
            base = std::filesystem::path (home) / fallbackBelowHome;
        else if (const auto* account = ::getpwuid (::getuid()); account != nullptr && account->pw_dir != nullptr && account->pw_dir[0] == '/')
            base = std::filesystem::path (account->pw_dir) / fallbackBelowHome;
        else
            return {};
        return (base / "foldback").string();
    }
}

std::string userConfigFolder() { return folderUnder ("XDG_CONFIG_HOME", ".config"); }
std::string userCacheFolder()  { return folderUnder ("XDG_CACHE_HOME", ".cache"); }

} // namespace foldback
