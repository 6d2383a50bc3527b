#pragma once

#include "Support/ChildProcess.h"
#include "Support/TempDirectory.h"

#include <chrono>
#include <string>
#include <thread>

namespace foldback::test
{

/** A private X server for a test: Xvfb (FOLDBACK_XVFB) picks a free display and prints its
    number; `name` is ":N", or empty if the server did not start within 20 s. */
class VirtualDisplay
{
public:
    VirtualDisplay (const TempDirectory& directory, const std::string& screen = "1600x1000x24")
        : server ({ FOLDBACK_XVFB, "-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp" }, {},
                  directory.file ("xvfb.out"), directory.file ("xvfb.err"))
    {
        using namespace std::chrono_literals;
        const auto end = std::chrono::steady_clock::now() + 20s;
        while (std::chrono::steady_clock::now() < end && server.isRunning())
        {
            const auto text = server.readStdout();
            if (const auto newline = text.find ('\n'); newline != std::string::npos)
            {
                name.push_back (':');             // not name = ":": GCC 12 warns falsely (-Wrestrict) on that here
                name.append (text, 0, newline);
                return;
            }
            std::this_thread::sleep_for (20ms);
        }
    }

    std::string name;

private:
    ChildProcess server;
};

} // namespace foldback::test
