#pragma once

#include "PendingRemoteChanges.h"
#include "RateLimiter.h"
#include "RemoteDirectory.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct mg_context;
struct mg_connection;

namespace foldback
{

/** The performers' web remote (docs/remotes.md), on civetweb: serves the page built into
    the binary, and one WebSocket per open page, which carries "set" messages in and
    "state" and "meters" messages out.

    Threads: civetweb's workers parse, validate and rate-limit what arrives and push it to
    PendingRemoteChanges (never the Session); one sender thread of ours writes what goes
    out, so a slow phone stalls neither civetweb's workers nor the message thread. The
    message thread calls publishStates() and publishMeters(); they only queue text. */
class WebRemoteServer
{
public:
    WebRemoteServer (const RemoteDirectoryHolder& directory, PendingRemoteChanges& pending);
    ~WebRemoteServer();

    /** Listens on address:port. False, with the reason, if the port cannot be had. */
    bool start (const std::string& address, int port, std::string& error);
    void stop();
    bool isRunning() const noexcept { return context != nullptr; }

    /** Message thread: queues each open page's mix state, if it changed since last sent. */
    void publishStates();

    /** Message thread: queues a meters message per open page; `metersFor` gives the text
        for a mix id. Pages that have not taken the last one yet just get the newer one. */
    void publishMeters (const std::function<std::string (const std::string& mixId)>& metersFor);

    int getConnectionCount() const;

    /** Messages refused (bad token, malformed, too large, over the rate) since start. */
    std::uint64_t getRefusedCount() const noexcept { return refused.load(); }

    static constexpr int maxConnections = 32;

private:
    struct Connection
    {
        mg_connection* connection = nullptr;
        std::string mixId;
        std::string client;        ///< "singer (web 192.168.1.23)"
        RateLimiter limiter;
        std::string lastState;     ///< what the page was last sent (sender side)
        std::string pendingState, pendingMeters;
        std::vector<std::string> pendingReplies; ///< errors and pongs, bounded
        std::chrono::steady_clock::time_point lastErrorSent {};
    };

    static int handleHttp (mg_connection*, void* self);
    static int handleWebSocketConnect (const mg_connection*, void* self);
    static void handleWebSocketReady (mg_connection*, void* self);
    static int handleWebSocketData (mg_connection*, int bits, char* data, std::size_t length, void* self);
    static void handleWebSocketClose (const mg_connection*, void* self);

    int serveHttp (mg_connection*);
    int receive (mg_connection*, int opcode, const char* data, std::size_t length);
    void replyWithError (Connection&, const std::string& message);
    void sendLoop();
    void wakeSender();

    const RemoteDirectoryHolder& directory;
    PendingRemoteChanges& pending;
    mg_context* context = nullptr;

    mutable std::mutex connectionsMutex;     // guards `connections` and every Connection's pending fields
    std::mutex writeMutex;                   // held while writing, and while a connection closes
    std::condition_variable senderWake;
    std::map<const mg_connection*, std::shared_ptr<Connection>> connections;
    std::thread sender;
    bool stopping = false;
    std::atomic<std::uint64_t> refused { 0 };
};

} // namespace foldback
