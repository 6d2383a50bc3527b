#pragma once

#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

namespace foldback::test
{

/** A fresh directory under the system's temporary folder, removed with everything in it. */
class TempDirectory
{
public:
    TempDirectory()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "foldback-e2e-XXXXXX").string();
        if (mkdtemp (pattern.data()) == nullptr)
            throw std::runtime_error ("cannot make a temporary directory");
        path = pattern;
    }

    ~TempDirectory()
    {
        std::error_code ignored;
        std::filesystem::remove_all (path, ignored);
    }

    TempDirectory (const TempDirectory&) = delete;
    TempDirectory& operator= (const TempDirectory&) = delete;

    std::string file (const std::string& name) const { return (std::filesystem::path (path) / name).string(); }

    /** The names of what the directory holds. */
    std::set<std::string> listing() const
    {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator (path))
            names.insert (entry.path().filename().string());
        return names;
    }

    std::string path;
};

} // namespace foldback::test
