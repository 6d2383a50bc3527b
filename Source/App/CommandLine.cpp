#include "App/CommandLine.h"

#include "App/CommandLineArguments.h"
#include "App/Commands.h"

#include <iostream>
#include <new>
#include <string>
#include <vector>

namespace foldback
{

namespace
{
    void printUsage (std::ostream& out)
    {
        out << "usage:\n"
               "  foldback [SESSION.json]            engineer GUI (that session, else the last, else the demo)\n"
               "  foldback --version                the version\n"
               "  foldback run SESSION.json [--headless] [--play] [--remote] [--autosave] [--no-auto-connect]\n"
               "               [--device-type JACK|ALSA|Virtual] [--input-device NAME] [--output-device NAME]\n"
               "               [--sample-rate HZ] [--buffer-size N] [--sync internal|jack]\n"
               "  foldback render SESSION.json --out DIR [--input ID=FILE.wav ...] [--from SECONDS]\n"
               "               [--seconds N] [--block-size N]\n"
               "  foldback check SESSION.json       validate; print a summary\n"
               "  foldback devices                  device types, devices, channel counts\n"
               "  foldback bench [--sources S] [--tracks T] [--mixes M] [--block-size N] [--seconds N] [--hot] [--json]\n"
               "exit status: 0 success, 2 bad session or arguments, 1 other failures\n";
    }
}

int runCommandLine (int argc, char* argv[])
{
    std::vector<std::string> words (argv + 1, argv + argc);

    try
    {
        const std::string command = words.empty() ? std::string() : words.front();
        const std::vector<std::string> rest (words.empty() ? words.begin() : words.begin() + 1, words.end());

        if (command == "--help" || command == "-h" || command == "help")
        {
            printUsage (std::cout);
            return 0;
        }
        if (command == "--version")
        {
            std::cout << "foldback " << FOLDBACK_VERSION << "\n";
            return 0;
        }
        if (command == "check")   return runCheckCommand (rest);
        if (command == "render")  return runRenderCommand (rest);
        if (command == "bench")   return runBenchCommand (rest);
        if (command == "run")     return runRunCommand (rest);
        if (command == "devices") return runDevicesCommand (rest);

        if (! command.empty() && command.rfind ("-", 0) == 0)
            throw UsageError ("unknown option " + command + " (see foldback --help)");

        return runGuiCommand (words);
    }
    catch (const UsageError& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
    catch (const std::bad_alloc&)
    {
        std::cerr << "error: out of memory\n";
        return 1;
    }
    catch (const std::exception& e)
    {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace foldback
