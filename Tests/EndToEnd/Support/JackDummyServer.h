#pragma once

#include "ChildProcess.h"

#include <jack/jack.h>

#include <atomic>
#include <filesystem>
#include <memory>

namespace foldback::test
{

/** A private `jackd -d dummy` server for one test: its own name (so tests never meet a
    user's server or each other's), clocked in real time, stopped when this object goes. */
class JackDummyServer
{
public:
    /** `directory` holds the server's log. */
    JackDummyServer (std::string directory, int periodFrames, int sampleRate = 48000, int numPorts = 8)
        : logDirectory (std::move (directory)), period (periodFrames), rate (sampleRate), ports (numPorts)
    {
        static std::atomic<int> counter { 0 };
        serverName = "fbtest" + std::to_string (getpid()) + "_" + std::to_string (counter++);
        jack_set_error_function ([] (const char*) {});
        jack_set_info_function ([] (const char*) {});
    }

    ~JackDummyServer() { stop(); }

    const std::string& name() const noexcept { return serverName; }
    int periodFrames() const noexcept { return period; }

    /** The rate the next start() runs at: a server that comes back at another rate. */
    void setSampleRate (int sampleRate) noexcept { rate = sampleRate; }

    /** Starts the server and waits (generously: loaded machines) until a client can join. */
    void start()
    {
        const auto waitMicros = static_cast<long long> (period) * 1000000 / rate;
        const auto logName = logDirectory + "/jackd-" + std::to_string (++starts);
        process = std::make_unique<ChildProcess> (
            std::vector<std::string> { "jackd", "-n", serverName, "-d", "dummy", "-r", std::to_string (rate),
                                       "-p", std::to_string (period), "-C", std::to_string (ports),
                                       "-P", std::to_string (ports), "-w", std::to_string (waitMicros) },
            std::vector<std::pair<std::string, std::string>> {},
            logName + ".log", logName + ".err");

        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds (30);
        while (std::chrono::steady_clock::now() < end)
        {
            if (! process->isRunning())
                throw std::runtime_error ("jackd exited at start: " + process->readStderr());
            if (isReachable())
                return;
            std::this_thread::sleep_for (std::chrono::milliseconds (50));
        }
        throw std::runtime_error ("jackd did not come up within 30 s");
    }

    /** Kills the server the hard way (no goodbye to its clients) and waits for it. */
    void kill (int signal = SIGKILL)
    {
        if (process == nullptr)
            return;
        process->signal (signal);
        process->waitForExit (std::chrono::seconds (10));
        process.reset();
        removeLeftovers();
    }

    void stop()
    {
        if (process == nullptr)
            return;
        process->signal (SIGTERM);
        if (! process->waitForExit (std::chrono::seconds (10)).has_value())
            process->signal (SIGKILL);
        process.reset();
        removeLeftovers();
    }

    bool isReachable() const
    {
        jack_status_t status {};
        auto* client = jack_client_open ("fbtest-probe", static_cast<jack_options_t> (JackNoStartServer | JackServerName),
                                         &status, serverName.c_str());
        if (client == nullptr)
            return false;
        jack_client_close (client);
        return true;
    }

private:
    /** A killed server leaves its shared memory and semaphores in /dev/shm; the names hold
        the server's name, which no other server shares. */
    void removeLeftovers() const
    {
        std::error_code ignored;
        for (const auto& entry : std::filesystem::directory_iterator ("/dev/shm", ignored))
            if (entry.path().filename().string().find ("_" + serverName + "_") != std::string::npos)
                std::filesystem::remove (entry.path(), ignored);
    }

    std::string logDirectory;
    int period, rate, ports;
    int starts = 0;
    std::string serverName;
    std::unique_ptr<ChildProcess> process;
};

} // namespace foldback::test
