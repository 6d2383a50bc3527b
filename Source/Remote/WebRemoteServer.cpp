#include "WebRemoteServer.h"

#include "PerformerPage.h"

#include <civetweb.h>

#include <sys/socket.h>

#include <cstring>

namespace foldback
{

namespace
{
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

std::string WebRemoteServer::tokenOf (const mg_request_info* request)
{
    if (request == nullptr || request->query_string == nullptr)
        return {};
    char token[80] = {};
    const auto length = mg_get_var (request->query_string, std::strlen (request->query_string), "token", token, sizeof (token));
    return length > 0 ? std::string (token, static_cast<std::size_t> (length)) : std::string();
}

std::string WebRemoteServer::addressOf (const mg_request_info* request)
{
    return request != nullptr ? request->remote_addr : "?";
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
    // civetweb 1.15 offers no per-address limit, nor the address before the request is read.
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

} // namespace foldback
