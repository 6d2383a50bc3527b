#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/FreePorts.h"
#include "Support/JackDummyServer.h"

#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sys/stat.h>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    Session makeSmallSession()
    {
        Session session;
        session.name = "small";
        session.inputs = { { "vox", "Vocal", { 1 } } };
        auto singer = makeMix ("singer", { 1, 2 });
        singer.sends["vox"] = send (0.0);
        singer.sends["click"] = send (-6.0);
        session.mixes = { singer };
        return session;
    }

    /** One OSC message with one float argument, as a phone's OSC app sends it. */
    void sendOscFloat (int port, const std::string& address, float value)
    {
        auto padded = [] (std::string text)
        {
            text.push_back ('\0');
            while (text.size() % 4 != 0)
                text.push_back ('\0');
            return text;
        };
        std::string packet = padded (address) + padded (",f");
        std::uint32_t bits;
        std::memcpy (&bits, &value, sizeof bits);
        bits = htonl (bits);
        packet.append (reinterpret_cast<const char*> (&bits), sizeof bits);

        const int fd = ::socket (AF_INET, SOCK_DGRAM, 0);
        REQUIRE (fd >= 0);
        sockaddr_in target {};
        target.sin_family = AF_INET;
        target.sin_port = htons (static_cast<std::uint16_t> (port));
        target.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
        const auto sent = ::sendto (fd, packet.data(), packet.size(), 0, reinterpret_cast<const sockaddr*> (&target), sizeof target);
        ::close (fd);
        REQUIRE (sent == static_cast<ssize_t> (packet.size()));
    }

    /** The token in run's "remote: MIX http://...?token=TOKEN" line for a mix. */
    std::string printedToken (const std::string& output, const std::string& mixId)
    {
        std::smatch match;
        const std::regex line ("remote: " + mixId + " http://[^ ]*token=([A-Za-z0-9_-]+)");
        return std::regex_search (output, match, line) ? match[1].str() : std::string();
    }

    std::chrono::milliseconds timeToExit (FoldbackRun& foldback, int signal, std::optional<int>& status)
    {
        const auto started = std::chrono::steady_clock::now();
        foldback.process.signal (signal);
        status = foldback.process.waitForExit (exitTimeout);
        return std::chrono::duration_cast<std::chrono::milliseconds> (std::chrono::steady_clock::now() - started);
    }
}

TEST_CASE ("run falls back to the Virtual device with a warning when JACK is not running, and keeps playing",
           "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "JACK", "--play" });
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));
    CHECK (foldback.process.readStderr().find ("could not open the JACK device") != std::string::npos);
    CHECK (foldback.process.readStderr().find ("using the Virtual device instead") != std::string::npos);
    CHECK (foldback.process.readStdout().find ("on Virtual") != std::string::npos);

    // The Virtual device keeps time: the transport moves on.
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 3; }, startupTimeout));
    CHECK (foldback.statusLines().back().find ("playing") != std::string::npos);
    CHECK (foldback.statusLines().back() != foldback.statusLines().front());

    std::optional<int> status;
    const auto elapsed = timeToExit (foldback, SIGINT, status);
    CHECK (status == 0);
    WARN ("run exited " << elapsed.count() << " ms after SIGINT");
    CHECK (foldback.process.readStdout().find ("foldback: stopped") != std::string::npos);
}

TEST_CASE ("run starts stopped without --play and exits cleanly on SIGTERM", "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "Virtual", "--buffer-size", "128" });
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 2; }, startupTimeout));
    CHECK (foldback.statusLines().back().rfind ("pos 0.00 s stopped", 0) == 0);
    CHECK (foldback.process.readStdout().find ("128 frames") != std::string::npos);

    std::optional<int> status;
    const auto elapsed = timeToExit (foldback, SIGTERM, status);
    CHECK (status == 0);
    WARN ("run exited " << elapsed.count() << " ms after SIGTERM");

    // The device that opened is remembered for next time.
    const auto remembered = ChildProcess::readFile (directory.file ("config/foldback/devices.json"));
    CHECK (remembered.find ("\"Virtual\"") != std::string::npos);
    CHECK (remembered.find ("128") != std::string::npos);
}

TEST_CASE ("run names each input and mix whose channel the device lacks, and plays the rest", "[e2e][run]")
{
    TempDirectory directory;
    auto session = makeSmallSession();
    session.inputs.push_back ({ "far", "Far away", { 65 } });
    auto distant = makeMix ("distant", { 65, 66 });
    distant.sends["vox"] = send (0.0);
    session.mixes.push_back (distant);

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, session), "--headless",
                                       "--device-type", "Virtual", "--play" });
    REQUIRE (waitUntil ([&] { return foldback.statusLines().size() >= 2; }, startupTimeout));
    const auto errors = foldback.process.readStderr();
    CHECK (errors.find ("input 'far' uses input channel 65, but the device has 64 inputs") != std::string::npos);
    CHECK (errors.find ("mix 'distant' uses output channel 65") != std::string::npos);
    CHECK (errors.find ("mix 'singer'") == std::string::npos);
    CHECK (foldback.statusLines().back().find ("singer") != std::string::npos);

    foldback.process.signal (SIGINT);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("run rejects a device type it does not know with status 2", "[e2e][run]")
{
    TempDirectory directory;
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "CoreAudio" });
    CHECK (foldback.process.waitForExit (startupTimeout) == 2);
    CHECK (foldback.process.readStderr().find ("error: --device-type must be JACK, ALSA or Virtual") != std::string::npos);
}

TEST_CASE ("foldback devices lists JACK with the server's ports, ALSA and the Virtual device", "[e2e][devices]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256, 48000, 6);
    server.start();

    FoldbackRun foldback (directory, { "devices" }, server.name());
    REQUIRE (foldback.process.waitForExit (startupTimeout) == 0);
    const auto out = foldback.process.readStdout();
    CHECK (out.find ("JACK\n  " + server.name() + ": 6 in, 6 out (48000 Hz, 256 frames") != std::string::npos);
    CHECK (out.find ("ALSA\n") != std::string::npos);
    CHECK (out.find ("Virtual\n  Virtual: 64 in, 64 out") != std::string::npos);
}

TEST_CASE ("run --autosave keeps a performer's remote edit and the remote links across a restart", "[e2e][run][autosave]")
{
    TempDirectory directory;
    auto session = makeSmallSession(); // remotes off, no tokens yet: --remote makes them
    const int httpPort = pickFreePortPair();
    session.remote.address = "127.0.0.1";
    session.remote.httpPort = httpPort;
    session.remote.oscPort = httpPort + 1;
    const auto path = writeSessionFile (directory, session);

    std::string token;
    {
        FoldbackRun foldback (directory, { "run", path, "--headless", "--device-type", "Virtual", "--remote", "--autosave" });
        REQUIRE (foldback.waitForStdout ("engineer token", startupTimeout));
        CHECK (foldback.process.readStdout().find ("autosave: " + path) != std::string::npos);
        token = printedToken (foldback.process.readStdout(), "singer");
        REQUIRE_FALSE (token.empty());

        // The singer pulls their own vocal down 20 dB from their phone's OSC app.
        sendOscFloat (session.remote.oscPort, "/foldback/" + token + "/send/vox/gain", -20.0f);
        REQUIRE (foldback.waitForStdout ("autosave: saved", startupTimeout));

        std::optional<int> status;
        timeToExit (foldback, SIGTERM, status);
        CHECK (status == 0);
    }

    const auto saved = loadSessionFile (path);
    REQUIRE (saved.ok());
    CHECK (saved.session->remote.enabled);
    CHECK (saved.session->mixes[0].remote.token == token);
    CHECK (saved.session->mixes[0].performer.sends.at ("vox").gainOffsetDb == -20.0);
    CHECK (saved.session->mixes[0].sends.at ("vox").gainDb == 0.0); // the engineer's own value is untouched

    // Restarted, the rig serves the same link: the performer's bookmark or QR code still works.
    FoldbackRun again (directory, { "run", path, "--headless", "--device-type", "Virtual", "--remote", "--autosave" });
    REQUIRE (again.waitForStdout ("engineer token", startupTimeout));
    CHECK (printedToken (again.process.readStdout(), "singer") == token);
    std::optional<int> status;
    timeToExit (again, SIGTERM, status);
    CHECK (status == 0);
    CHECK (again.process.readStdout().find ("autosave: saved") == std::string::npos); // nothing changed, nothing written
}

TEST_CASE ("run does not hang on a FIFO where its remembered-devices file should be, and SIGINT stops it",
           "[e2e][run][files]")
{
    TempDirectory directory;
    std::filesystem::create_directories (directory.file ("config/foldback"));
    REQUIRE (::mkfifo (directory.file ("config/foldback/devices.json").c_str(), 0600) == 0);

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, makeSmallSession()), "--headless",
                                       "--device-type", "Virtual", "--play" });
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));

    std::optional<int> status;
    timeToExit (foldback, SIGINT, status);
    CHECK (status == 0);
}

TEST_CASE ("run --autosave exits 1 and says so when the last save of the session fails", "[e2e][run][autosave]")
{
    TempDirectory directory;
    const auto folder = directory.file ("rig");
    std::filesystem::create_directories (folder);
    auto session = makeSmallSession(); // no tokens yet: --remote makes them, an unsaved change
    const int httpPort = pickFreePortPair();
    session.remote.address = "127.0.0.1";
    session.remote.httpPort = httpPort;
    session.remote.oscPort = httpPort + 1;
    const auto path = folder + "/session.json";
    std::ofstream (path) << sessionToJson (session);

    FoldbackRun foldback (directory, { "run", path, "--headless", "--device-type", "Virtual", "--remote", "--autosave" });
    REQUIRE (foldback.waitForStdout ("engineer token", startupTimeout));
    // The session's folder goes away (a USB stick pulled): no save can succeed any more.
    std::filesystem::remove_all (folder);
    const auto token = printedToken (foldback.process.readStdout(), "singer");
    REQUIRE_FALSE (token.empty());
    sendOscFloat (session.remote.oscPort, "/foldback/" + token + "/send/vox/gain", -20.0f);
    const auto deadline = std::chrono::steady_clock::now() + startupTimeout;
    while (foldback.process.readStderr().find ("autosave failed") == std::string::npos && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for (50ms);
    REQUIRE (foldback.process.readStderr().find ("autosave failed") != std::string::npos);

    std::optional<int> status;
    timeToExit (foldback, SIGTERM, status);
    CHECK (status == 1); // a supervisor (systemd) must see that the edits were lost
    CHECK (foldback.process.readStderr().find ("error: the session could not be saved on exit") != std::string::npos);
}
