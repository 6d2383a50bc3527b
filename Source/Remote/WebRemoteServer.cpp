#include "WebRemoteServer.h"

#include "ConnectionSocket.h"
#include "PerformerPage.h"
#include "RemoteValidation.h"
#include "WebMessage.h"
#include "WebSocketFrames.h"

#include <civetweb.h>
#include <nlohmann/json.hpp>

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace foldback
{

namespace
{
    using Clock = std::chrono::steady_clock;

    // A page's socket buffers at most this much in the kernel (the kernel doubles it): a
    // page that stops reading fills it in seconds of meters, not minutes, so it is found
    // stalled while what it missed is recent, rather than a backlog of megabytes.
    constexpr int pageSendBufferBytes = 32 * 1024;
    // A page that sends nothing for a while is pinged (browsers answer by themselves); one
    // that stays silent is gone (a phone out of Wi-Fi range sends no FIN).
    constexpr auto pingAfterSilence = std::chrono::seconds (20);
    constexpr auto dropAfterSilence = std::chrono::seconds (60);

    std::string tokenOf (const mg_request_info* request)
    {
        if (request == nullptr || request->query_string == nullptr)
            return {};
        char token[80] = {};
        const auto length = mg_get_var (request->query_string, std::strlen (request->query_string), "token", token, sizeof (token));
        return length > 0 ? std::string (token, static_cast<std::size_t> (length)) : std::string();
    }

    std::string addressOf (const mg_request_info* request)
    {
        return request != nullptr ? request->remote_addr : "?";
    }

    /** A complete response; a HEAD gets the same headers and no body. */
    void sendText (mg_connection* connection, bool head, int status, const char* mimeType, std::string_view body)
    {
        const char* reason = status == 200 ? "OK" : status == 403 ? "Forbidden" : status == 404 ? "Not Found"
                           : status == 429 ? "Too Many Requests" : status == 503 ? "Service Unavailable" : "Error";
        mg_printf (connection,
                   "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nCache-Control: no-store\r\n"
                   "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
                   status, reason, mimeType, body.size());
        if (! head)
            mg_write (connection, body.data(), body.size());
    }

    std::string errorJson (const std::string& message)
    {
        return nlohmann::json { { "type", "error" }, { "message", message } }.dump (-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }

    const char* const throttledText = "too many wrong links from this address: wait a minute, then use the link the engineer gave you\n";

    // Dark like the performer page: a wrong link on a dark stage must not glare.
    const char* const forbiddenPage =
        "<!doctype html><html><head><meta charset=utf-8><meta name=viewport content='width=device-width'>"
        "<title>Foldback</title></head><body style='background:#111417;color:#e6e6e6;font:20px sans-serif;padding:24px'>"
        "<h1>Link not valid</h1><p>This link's token is not (or no longer) valid. Ask the engineer for your mix's link.</p>"
        "</body></html>";

    const char* const indexPage =
        "<!doctype html><html><head><meta charset=utf-8><meta name=viewport content='width=device-width'>"
        "<title>Foldback</title></head><body style='background:#111417;color:#e6e6e6;font:20px sans-serif;padding:24px'>"
        "<h1>Foldback</h1><p>Open the link (or scan the QR code) the engineer gave you for your own mix.</p></body></html>";
}

WebRemoteServer::WebRemoteServer (const RemoteDirectoryHolder& directoryToServe, PendingRemoteChanges& pendingChanges)
    : directory (directoryToServe), pending (pendingChanges)
{
}

WebRemoteServer::~WebRemoteServer()
{
    stop();
}

bool WebRemoteServer::start (const std::string& address, int port, std::string& error)
{
    stop();
    mg_init_library (MG_FEATURES_WEBSOCKET);

    const auto listening = address + ":" + std::to_string (port);
    // civetweb gives each connection a worker thread, from accept to close: an open page
    // holds one, and so does a client that opens a connection and sends its request
    // slowly, or never. Many workers, and a short time to send the request, keep a few
    // hundred such clients from starving the page loads (measured: docs/remotes.md).
    const auto threads = std::to_string (maxConnections + 224);
    const char* options[] = { "listening_ports", listening.c_str(),
                              "num_threads", threads.c_str(),
                              "listen_backlog", "512",
                              "connection_queue", "256",
                              "request_timeout_ms", "3000",
                              "enable_keep_alive", "no",
                              "enable_directory_listing", "no",
                              // A state or meters message is a small write after another: without this,
                              // Nagle's algorithm holds it until the page's delayed ACK (~40 ms or more).
                              "tcp_nodelay", "1",
                              nullptr };

    mg_callbacks callbacks {};
    callbacks.log_message = [] (const mg_connection*, const char*) { return 1; }; // keep stderr for the status line
    context = mg_start (&callbacks, this, options);
    if (context == nullptr)
    {
        error = "cannot listen on " + listening + " (is the port in use?)";
        return false;
    }

    mg_set_request_handler (context, "/", &WebRemoteServer::handleHttp, this);
    mg_set_websocket_handler (context, "/ws", &WebRemoteServer::handleWebSocketConnect, &WebRemoteServer::handleWebSocketReady,
                              &WebRemoteServer::handleWebSocketData, nullptr, this);

    {
        const std::scoped_lock lock (connectionsMutex);
        stopping = false;
    }
    sender = std::thread ([this] { sendLoop(); });
    return true;
}

void WebRemoteServer::stop()
{
    if (context == nullptr)
        return;

    {
        // Every page's worker is waiting to read: shutting its socket down wakes it to leave
        // at once, and fails any write in progress, so nothing waits on a page that stopped reading.
        const std::scoped_lock lock (connectionsMutex);
        stopping = true;
        for (const auto& [key, page] : pages)
            ::shutdown (page->socket, SHUT_RDWR);
    }
    senderWake.notify_all();
    if (sender.joinable())
        sender.join();

    mg_stop (context); // joins the workers; a page's worker has already left
    context = nullptr;
}

int WebRemoteServer::getConnectionCount() const
{
    const std::scoped_lock lock (connectionsMutex);
    return static_cast<int> (pages.size());
}

int WebRemoteServer::handleHttp (mg_connection* connection, void* self)
{
    return static_cast<WebRemoteServer*> (self)->serveHttp (connection);
}

int WebRemoteServer::serveHttp (mg_connection* connection)
{
    const auto* request = mg_get_request_info (connection);
    const std::string uri = request != nullptr && request->local_uri != nullptr ? request->local_uri : "";
    const std::string method = request != nullptr && request->request_method != nullptr ? request->request_method : "";
    const bool head = method == "HEAD";

    if (method != "GET" && ! head)
    {
        sendText (connection, false, 404, "text/plain", "not found\n");
        return 404;
    }

    if (uri == "/")
    {
        sendText (connection, head, 200, "text/html; charset=utf-8", indexPage);
        return 200;
    }

    if (uri == "/mix" || uri == "/api/state")
    {
        const auto address = addressOf (request);
        if (throttle.isThrottled (address))
        {
            refused.fetch_add (1);
            sendText (connection, head, 429, "text/plain; charset=utf-8", throttledText);
            return 429;
        }
        const auto current = directory.get();
        const auto* mix = current->findByToken (tokenOf (request));
        if (mix == nullptr)
        {
            refused.fetch_add (1);
            throttle.noteWrongToken (address);
            sendText (connection, head, 403, "text/html; charset=utf-8", forbiddenPage);
            return 403;
        }
        if (uri == "/mix")
            sendText (connection, head, 200, "text/html; charset=utf-8", performerPageHtml());
        else
            sendText (connection, head, 200, "application/json", mix->stateJson);
        return 200;
    }

    sendText (connection, head, 404, "text/plain", "not found\n");
    return 404;
}

int WebRemoteServer::handleWebSocketConnect (const mg_connection* connection, void* self)
{
    // civetweb hands the connect handler a const connection, but the request is read and no
    // reply has gone out: a refusal may still be written as a plain HTTP response.
    return static_cast<WebRemoteServer*> (self)->acceptHandshake (const_cast<mg_connection*> (connection));
}

std::string WebRemoteServer::whyRefused (const std::string& mixId) const
{
    if (stopping)
        return "the server is stopping";
    if (static_cast<int> (pages.size()) >= maxConnections)
        return "at most " + std::to_string (maxConnections) + " pages may be open";
    int onThisMix = 0;
    for (const auto& [key, page] : pages)
        onThisMix += page->mixId == mixId ? 1 : 0;
    if (onThisMix >= maxPagesPerMix)
        return "this mix already has " + std::to_string (maxPagesPerMix) + " pages open: close one first";
    return {};
}

int WebRemoteServer::acceptHandshake (mg_connection* connection)
{
    const auto* request = mg_get_request_info (connection);
    const auto address = addressOf (request);
    if (throttle.isThrottled (address))
    {
        refused.fetch_add (1);
        sendText (connection, false, 429, "text/plain; charset=utf-8", throttledText);
        return 1;
    }

    const auto current = directory.get();
    const auto* mix = current->findByToken (tokenOf (request));
    if (mix == nullptr)
    {
        refused.fetch_add (1);
        throttle.noteWrongToken (address);
        sendText (connection, false, 403, "text/plain; charset=utf-8", "this link's token is not valid\n");
        return 1;
    }

    std::string reason;
    {
        const std::scoped_lock lock (connectionsMutex);
        reason = whyRefused (mix->id);
    }
    if (! reason.empty())
    {
        refused.fetch_add (1);
        sendText (connection, false, 429, "text/plain; charset=utf-8", reason + "\n");
        return 1;
    }
    return 0;
}

void WebRemoteServer::handleWebSocketReady (mg_connection* connection, void* self)
{
    static_cast<WebRemoteServer*> (self)->servePage (connection);
}

int WebRemoteServer::handleWebSocketData (mg_connection*, int, char*, std::size_t, void*)
{
    // Only reached if servePage could not take the connection over: close it.
    return 0;
}

void WebRemoteServer::servePage (mg_connection* connection)
{
    // Worker thread, for the page's whole life. civetweb's own read loop only starts once
    // this returns, and by then the socket is shut down, so it ends at once and civetweb
    // closes the connection.
    const auto* request = mg_get_request_info (connection);
    const int socket = request != nullptr ? findConnectionSocket (*request) : -1;
    if (socket < 0)
        return;

    const auto current = directory.get();
    const auto* mix = current->findByToken (tokenOf (request));
    if (mix == nullptr) // the token was withdrawn during the handshake
    {
        ::shutdown (socket, SHUT_RDWR);
        return;
    }

    const int sendBuffer = pageSendBufferBytes;
    ::setsockopt (socket, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof (sendBuffer));
    auto page = std::make_shared<WebSocketPage> (socket, mix->id, mix->id + " (web " + addressOf (request) + ")");
    {
        const std::scoped_lock lock (connectionsMutex);
        // Checked again: other pages may have opened since the handshake was accepted.
        if (const auto reason = whyRefused (mix->id); ! reason.empty())
        {
            refused.fetch_add (1);
            page->writeCloseNow (websocket::closePolicy, reason);
            ::shutdown (socket, SHUT_RDWR);
            return;
        }
        page->queueState (mix->stateJson);
        pages[connection] = page;
        work = true;
    }
    wakeSender();

    readUntilClosed (*page);

    {
        const std::scoped_lock lock (connectionsMutex);
        pages.erase (connection); // from here on, nothing of ours touches the socket
    }
    ::shutdown (socket, SHUT_RDWR);
}

void WebRemoteServer::readUntilClosed (WebSocketPage& page)
{
    // Worker thread: reads and handles what the page sends, until it must close.
    websocket::FrameReader reader (maxWebMessageBytes);
    auto lastHeard = Clock::now();
    bool pinged = false;

    for (;;)
    {
        {
            const std::scoped_lock lock (connectionsMutex);
            if (stopping || page.dropped)
                return;
        }

        pollfd waiting { page.socket, POLLIN, 0 };
        const int ready = ::poll (&waiting, 1, 1000);
        if (ready < 0 && errno != EINTR)
            return;
        if (ready <= 0)
        {
            const auto silence = Clock::now() - lastHeard;
            if (silence > dropAfterSilence)
                return;
            if (silence > pingAfterSilence && ! pinged)
            {
                const std::scoped_lock lock (connectionsMutex);
                page.queueReply (websocket::opcodePing, {});
                pinged = true;
                work = true;
                wakeSender();
            }
            continue;
        }

        char chunk[4096];
        const auto received = ::recv (page.socket, chunk, sizeof (chunk), 0);
        if (received < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (received <= 0)
            return; // the page closed, or we shut the socket down
        lastHeard = Clock::now();
        pinged = false;
        reader.append (chunk, static_cast<std::size_t> (received));

        websocket::Frame frame;
        for (;;)
        {
            const auto result = reader.next (frame);
            if (result == websocket::FrameReader::Result::needMore)
                break;
            if (result != websocket::FrameReader::Result::frame)
            {
                // RFC 6455: an unmasked or otherwise broken frame fails the connection.
                refused.fetch_add (1);
                const bool tooLarge = result == websocket::FrameReader::Result::tooLarge;
                const std::scoped_lock lock (connectionsMutex);
                page.writeCloseNow (tooLarge ? websocket::closeTooBig : websocket::closeProtocolError,
                                    tooLarge ? "message too large: at most 4096 bytes" : "not a valid client frame (RFC 6455)");
                return;
            }
            if (frame.opcode == websocket::opcodeClose)
            {
                const std::scoped_lock lock (connectionsMutex);
                page.writeCloseNow (websocket::closeNormal, {});
                return;
            }
            receive (page, frame.opcode, frame.fin, frame.payload);
        }
    }
}

void WebRemoteServer::receive (WebSocketPage& page, int opcode, bool fin, const std::string& payload)
{
    // Worker thread.
    if (opcode == websocket::opcodePong)
        return;

    if (opcode == websocket::opcodePing)
    {
        const std::scoped_lock lock (connectionsMutex);
        page.queueReply (websocket::opcodePong, payload);
        work = true;
        wakeSender();
        return;
    }

    if (! page.limiter.allow()) // only this worker touches the page's limiter
    {
        refused.fetch_add (1);
        replyWithError (page, "too many messages: at most 200 a second");
        return;
    }

    if (opcode != websocket::opcodeText || ! fin)
    {
        refused.fetch_add (1);
        replyWithError (page, "only single-frame JSON text messages are accepted");
        return;
    }

    auto parsed = parseWebMessage (payload);
    if (auto* problem = std::get_if<std::string> (&parsed))
    {
        refused.fetch_add (1);
        replyWithError (page, *problem);
        return;
    }

    const auto current = directory.get();
    const auto verdict = validateRemoteChange (*current, RemoteIdentity { false, page.mixId }, std::get<RemoteChange> (parsed));
    if (! verdict.change.has_value())
    {
        refused.fetch_add (1);
        replyWithError (page, verdict.error);
        return;
    }

    pending.push (page.client, *verdict.change);
}

void WebRemoteServer::replyWithError (WebSocketPage& page, const std::string& message)
{
    // Worker thread. At most one error a second per page: a flood gets no flood of replies.
    const auto now = Clock::now();
    const std::scoped_lock lock (connectionsMutex);
    if (now - page.lastErrorSent < std::chrono::seconds (1))
        return;
    page.lastErrorSent = now;
    page.queueReply (websocket::opcodeText, errorJson (message));
    work = true;
    wakeSender();
}

void WebRemoteServer::publishStates()
{
    const auto current = directory.get();
    {
        const std::scoped_lock lock (connectionsMutex);
        for (auto& [key, page] : pages)
            if (const auto* mix = current->findMix (page->mixId))
                page->queueState (mix->stateJson);
        work = true;
    }
    wakeSender();
}

void WebRemoteServer::publishMeters (const std::function<std::string (const std::string&)>& metersFor)
{
    std::vector<std::string> mixIds;
    {
        const std::scoped_lock lock (connectionsMutex);
        for (const auto& [key, page] : pages)
            mixIds.push_back (page->mixId);
    }

    std::map<std::string, std::string> texts;
    for (const auto& id : mixIds)
        if (texts.count (id) == 0)
            texts[id] = metersFor (id);

    {
        const std::scoped_lock lock (connectionsMutex);
        for (auto& [key, page] : pages)
            if (const auto text = texts.find (page->mixId); text != texts.end())
                page->queueMeters (text->second);
        work = true;
    }
    wakeSender();
}

void WebRemoteServer::wakeSender()
{
    senderWake.notify_one();
}

void WebRemoteServer::sendLoop()
{
    // Sender thread. Sends never block, so holding the lock while writing costs the message
    // thread at most a few copies into socket buffers.
    std::unique_lock lock (connectionsMutex);
    for (;;)
    {
        if (stopping)
            return;

        work = false;
        bool anyWaiting = false;
        const auto now = Clock::now();
        for (auto& [key, page] : pages)
        {
            const auto result = page->flush (now);
            if (result == WebSocketPage::Flush::failed)
            {
                // Stalled or broken: shut the socket down, so its worker's read ends, it
                // leaves the map, and civetweb closes the connection. The page is in the
                // map, so its worker has not returned and the descriptor is still its own.
                page->dropped = true;
                ::shutdown (page->socket, SHUT_RDWR);
            }
            anyWaiting = anyWaiting || result == WebSocketPage::Flush::waiting;
        }

        // A full socket is retried often enough to notice it draining, and to time its stall.
        senderWake.wait_for (lock, anyWaiting ? std::chrono::milliseconds (20) : std::chrono::milliseconds (1000),
                             [this] { return stopping || work; });
    }
}

} // namespace foldback
