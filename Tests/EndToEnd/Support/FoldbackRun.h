#pragma once

#include "ChildProcess.h"
#include "TempDirectory.h"

#include "Session/Session.h"
#include "Session/SessionJson.h"

#include <filesystem>
#include <regex>

#ifndef FOLDBACK_BINARY
 #error "FOLDBACK_BINARY must name the foldback executable"
#endif

namespace foldback::test
{

/** Writes a session file as Foldback saves it. */
inline std::string writeSessionFile (const TempDirectory& directory, const Session& session, const std::string& name = "session.json")
{
    const auto path = directory.file (name);
    std::ofstream (path) << sessionToJson (session);
    return path;
}

/** The real `foldback run` binary, with its config directory in the test's temp folder
    (it must not touch the user's remembered devices) and JACK_DEFAULT_SERVER set. */
class FoldbackRun
{
public:
    FoldbackRun (const TempDirectory& directory, const std::vector<std::string>& arguments,
                 const std::string& jackServer = "fbtest-no-such-server")
        : logName (directory.file ("foldback-" + std::to_string (++runs()))),
          process (command (arguments),
                   { { "JACK_DEFAULT_SERVER", jackServer }, { "XDG_CONFIG_HOME", directory.file ("config") } },
                   logName + ".out", logName + ".err")
    {
    }

private:
    std::string logName;   // before process: it names process's files

public:
    ChildProcess process;

    /** Waits until stdout holds `text`; false on timeout or if Foldback exits first. */
    bool waitForStdout (const std::string& text, std::chrono::seconds timeout)
    {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end)
        {
            if (process.readStdout().find (text) != std::string::npos)
                return true;
            if (! process.isRunning())
                return false;
            std::this_thread::sleep_for (std::chrono::milliseconds (50));
        }
        return false;
    }

    /** The status lines printed so far. */
    std::vector<std::string> statusLines() const
    {
        std::vector<std::string> lines;
        std::istringstream out (process.readStdout());
        for (std::string line; std::getline (out, line);)
            if (line.rfind ("pos ", 0) == 0)
                lines.push_back (line);
        return lines;
    }

    /** The xrun count of the latest status line, or -1 with none. */
    int latestXruns() const
    {
        const auto lines = statusLines();
        std::smatch match;
        static const std::regex xruns ("\\| xruns ([0-9]+) \\|");
        if (lines.empty() || ! std::regex_search (lines.back(), match, xruns))
            return -1;
        return std::stoi (match[1].str());
    }

private:
    static std::vector<std::string> command (const std::vector<std::string>& arguments)
    {
        std::vector<std::string> words { FOLDBACK_BINARY };
        words.insert (words.end(), arguments.begin(), arguments.end());
        return words;
    }

    static int& runs() { static int count = 0; return count; }
};

} // namespace foldback::test
