#pragma once

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace foldback::test
{

/** A real process for an end-to-end test: stdout and stderr go to files, extra environment
    variables are added, and it dies with the test (PR_SET_PDEATHSIG) or with this object,
    whichever comes first, so a failing test never leaves a server or a Foldback behind. */
class ChildProcess
{
public:
    ChildProcess (const std::vector<std::string>& command,
                  const std::vector<std::pair<std::string, std::string>>& environment,
                  std::string stdoutPath, std::string stderrPath)
        : outPath (std::move (stdoutPath)), errPath (std::move (stderrPath))
    {
        const pid_t parent = getpid();
        pid = fork();
        if (pid < 0)
            throw std::runtime_error ("fork failed");

        if (pid == 0)
        {
            prctl (PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit (127);
            setpgid (0, 0);   // a ^C in the terminal goes to the test, not straight to the child
            redirect (outPath, STDOUT_FILENO);
            redirect (errPath, STDERR_FILENO);
            for (const auto& [name, value] : environment)
                setenv (name.c_str(), value.c_str(), 1);

            std::vector<char*> argv;
            for (const auto& word : command)
                argv.push_back (const_cast<char*> (word.c_str()));
            argv.push_back (nullptr);
            execvp (argv[0], argv.data());
            _exit (127);
        }
    }

    ~ChildProcess()
    {
        if (isRunning())
        {
            ::kill (pid, SIGKILL);
            waitpid (pid, nullptr, 0);
        }
    }

    ChildProcess (const ChildProcess&) = delete;
    ChildProcess& operator= (const ChildProcess&) = delete;

    bool isRunning()
    {
        if (exitStatus.has_value())
            return false;
        int status = 0;
        if (waitpid (pid, &status, WNOHANG) == pid)
        {
            exitStatus = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
            return false;
        }
        return true;
    }

    void signal (int number) { if (isRunning()) ::kill (pid, number); }

    /** The exit status (128 + signal if killed), or nullopt if still running after the wait. */
    std::optional<int> waitForExit (std::chrono::milliseconds timeout)
    {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (isRunning() && std::chrono::steady_clock::now() < end)
            std::this_thread::sleep_for (std::chrono::milliseconds (5));
        return exitStatus;
    }

    std::string readStdout() const { return readFile (outPath); }
    std::string readStderr() const { return readFile (errPath); }

    static std::string readFile (const std::string& path)
    {
        std::ifstream in (path);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    static void redirect (const std::string& path, int descriptor)
    {
        const int file = open (path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (file >= 0)
        {
            dup2 (file, descriptor);
            close (file);
        }
    }

    std::string outPath, errPath;
    pid_t pid = -1;
    std::optional<int> exitStatus;
};

} // namespace foldback::test
