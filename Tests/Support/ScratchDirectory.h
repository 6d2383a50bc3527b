#pragma once

// A fresh folder for a test's files, removed with everything in it afterwards.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

namespace foldback::test
{

struct ScratchDirectory
{
    std::filesystem::path path;

    ScratchDirectory()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "foldback-scratch-XXXXXX").string();
        REQUIRE (::mkdtemp (pattern.data()) != nullptr);
        path = pattern;
    }

    ~ScratchDirectory()
    {
        std::error_code ignored;
        std::filesystem::remove_all (path, ignored);
    }

    ScratchDirectory (const ScratchDirectory&) = delete;
    ScratchDirectory& operator= (const ScratchDirectory&) = delete;

    std::string file (const std::string& name) const { return (path / name).string(); }

    std::set<std::string> listing() const
    {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator (path))
            names.insert (entry.path().filename().string());
        return names;
    }
};

} // namespace foldback::test
