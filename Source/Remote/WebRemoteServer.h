#pragma once

#include "PendingRemoteChanges.h"
#include "RemoteDirectory.h"
#include "WebSocketPage.h"
#include "WrongTokenThrottle.h"

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
struct mg_request_info;

namespace foldback
{

/** The performers' web remote (docs/remotes.md), on civetweb: serves the page built into
    the binary, and one WebSocket per open page, which carries "set" messages in and
    "state" and "meters" messages out.

    Threads: civetweb does the HTTP and the WebSocket handshake on its workers (in
    WebRemoteServer.cpp); then the
    page's worker reads and parses its frames itself (WebRemotePages.cpp, WebSocketFrames.h),
    validates and rate-limits them and pushes them to PendingRemoteChanges (never the
    Session). One sender thread of ours writes what goes out, with non-blocking sends (WebSocketPage),
    so a page that stops reading stalls only itself, and is dropped once stalled. The
    message thread calls publishStates() and publishMeters(); they only queue text. */
class WebRemoteServer
{
public:
    WebRemoteServer (const RemoteDirectoryHolder& directory, PendingRemoteChanges& pending);
    ~WebRemoteServer();

    /** Message thread: listens on address:port. False, with the reason, if the port cannot be had. */
    bool start (const std::string& address, int port, std::string& error);
    /** Message thread (or a retiring one): closes every page and the port; prompt even if
        pages have stopped reading. */
    void stop();
    bool isRunning() const noexcept { return context != nullptr; }

    /** Message thread: queues each open page's mix state, if it changed since last sent. */
    void publishStates();

    /** Message thread: queues a meters message per open page; `metersFor` gives the text
        for a mix id. Pages that have not taken the last one yet just get the newer one. */
    void publishMeters (const std::function<std::string (const std::string& mixId)>& metersFor);

    /** Any thread: pages open now. */
    int getConnectionCount() const;

    /** Messages refused (bad token, malformed, too large, over the rate) since start. */
    std::uint64_t getRefusedCount() const noexcept { return refused.load(); }

    static constexpr int maxConnections = 32;
    /** Pages open at once on one mix's token: a performer's phone and tablet, and a spare. */
    static constexpr int maxPagesPerMix = 4;

private:
    static std::string tokenOf (const mg_request_info*);
    static std::string addressOf (const mg_request_info*);

    static int handleHttp (mg_connection*, void* self);
    static int handleWebSocketConnect (const mg_connection*, void* self);
    static void handleWebSocketReady (mg_connection*, void* self);
    static int handleWebSocketData (mg_connection*, int bits, char* data, std::size_t length, void* self);

    // civetweb's worker threads.
    int serveHttp (mg_connection*);
    int acceptHandshake (mg_connection*);
    void servePage (mg_connection*);      ///< the page's whole life, from the ready handler
    void readUntilClosed (WebSocketPage&);
    void receive (WebSocketPage&, int opcode, bool fin, const std::string& payload);
    void replyWithError (WebSocketPage&, const std::string& message);

    /** Under connectionsMutex: why a page for this mix may not open now, or empty. */
    std::string whyRefused (const std::string& mixId) const;

    void sendLoop();   ///< the sender thread
    void wakeSender(); ///< any thread

    const RemoteDirectoryHolder& directory;
    PendingRemoteChanges& pending;
    mg_context* context = nullptr;
    WrongTokenThrottle throttle;

    mutable std::mutex connectionsMutex;     // guards `pages`, every page's fields, `stopping` and `work`
    std::condition_variable senderWake;
    std::map<const mg_connection*, std::shared_ptr<WebSocketPage>> pages;
    std::thread sender;
    bool stopping = false, work = false;
    std::atomic<std::uint64_t> refused { 0 };
};

} // namespace foldback
