#pragma once

#include "PendingRemoteChanges.h"
#include "RateLimiter.h"
#include "RemoteDirectory.h"
#include "RemoteValidation.h"

#include <juce_osc/juce_osc.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace foldback
{

/** OSC over UDP (docs/remotes.md): a receive thread reads datagrams, rate-limits each
    sender address, parses them with OscPacket (bounds-checked), maps them onto the address
    space, validates them against the directory and pushes what passes to
    PendingRemoteChanges. Every sender whose token was good is remembered for a minute as a
    feedback client; the message thread sends values and meters back to it through
    juce::OSCSender, from the server's own port, so replies reach clients behind NAT too. */
class OscRemoteServer
{
public:
    using Clock = std::chrono::steady_clock;
    using ClockFunction = std::function<Clock::time_point()>;

    /** `clock` times the clients' lifetimes (tests pass one that jumps ahead); it is read
        on the receive thread and the message thread, so it must be thread-safe. */
    OscRemoteServer (const RemoteDirectoryHolder& directory, PendingRemoteChanges& pending, ClockFunction clock = Clock::now);
    ~OscRemoteServer();

    bool start (const std::string& address, int port, std::string& error);
    void stop();
    bool isRunning() const noexcept { return socket != nullptr; }

    struct Client
    {
        std::string ip;
        int port = 0;
        std::string token;
        RemoteIdentity identity;
        std::chrono::steady_clock::time_point lastHeard;
    };

    /** Message thread: the feedback clients heard from in the last minute. */
    std::vector<Client> getClients() const;

    /** Message thread: sends one message to a client from the server's port. */
    bool send (const Client& client, const juce::OSCMessage& message);

    std::uint64_t getRefusedCount() const noexcept { return refused.load(); }
    std::uint64_t getAcceptedCount() const noexcept { return accepted.load(); }

    static constexpr auto clientLifetime = std::chrono::seconds (60);
    static constexpr std::size_t maxClients = 64;

private:
    void receiveLoop();
    void handleDatagram (const char* data, int size, const std::string& ip, int port);

    const RemoteDirectoryHolder& directory;
    PendingRemoteChanges& pending;
    const ClockFunction clock;
    std::unique_ptr<juce::DatagramSocket> socket;
    juce::OSCSender sender;
    std::thread receiver;
    std::atomic<bool> stopping { false };

    mutable std::mutex clientsMutex;
    std::vector<Client> clients;
    std::map<std::string, RateLimiter> limiters; ///< per sender IP; receive thread only
    std::atomic<std::uint64_t> refused { 0 }, accepted { 0 };
};

} // namespace foldback
