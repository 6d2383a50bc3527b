#include "WebRemoteServer.h"

#include "PerformerPage.h"
#include "RemoteValidation.h"
#include "WebMessage.h"

#include <civetweb.h>
#include <nlohmann/json.hpp>

#include <cstring>

namespace foldback
{

namespace
{
    constexpr int opcodeContinuation = 0x0, opcodeText = 0x1, opcodeBinary = 0x2, opcodeClose = 0x8, opcodePing = 0x9, opcodePong = 0xA;
    constexpr std::size_t maxPendingReplies = 4;

    std::string tokenOf (const mg_request_info* request)
    {
        if (request == nullptr || request->query_string == nullptr)
            return {};
        char token[80] = {};
        const auto length = mg_get_var (request->query_string, std::strlen (request->query_string), "token", token, sizeof (token));
        return length > 0 ? std::string (token, static_cast<std::size_t> (length)) : std::string();
    }

    void sendText (mg_connection* connection, int status, const char* mimeType, std::string_view body)
    {
        const char* reason = status == 200 ? "OK" : status == 403 ? "Forbidden" : status == 404 ? "Not Found" : "Error";
        mg_printf (connection,
                   "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nCache-Control: no-store\r\n"
                   "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
                   status, reason, mimeType, body.size());
        mg_write (connection, body.data(), body.size());
    }

    std::string errorJson (const std::string& message)
    {
        return nlohmann::json { { "type", "error" }, { "message", message } }.dump (-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }

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
    // Each open page holds a worker thread; headroom for the HTTP requests beside them.
    const auto threads = std::to_string (maxConnections + 8);
    const char* options[] = { "listening_ports", listening.c_str(),
                              "num_threads", threads.c_str(),
                              "request_timeout_ms", "5000",
                              "websocket_timeout_ms", "30000",
                              "enable_websocket_ping_pong", "yes",
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
                              &WebRemoteServer::handleWebSocketData, &WebRemoteServer::handleWebSocketClose, this);

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
        const std::scoped_lock lock (connectionsMutex);
        stopping = true;
    }
    senderWake.notify_all();
    if (sender.joinable())
        sender.join();

    mg_stop (context); // closes every connection, calling the close handler for each
    context = nullptr;

    const std::scoped_lock lock (connectionsMutex);
    connections.clear();
}

int WebRemoteServer::getConnectionCount() const
{
    const std::scoped_lock lock (connectionsMutex);
    return static_cast<int> (connections.size());
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

    if (method != "GET" && method != "HEAD")
    {
        sendText (connection, 404, "text/plain", "not found\n");
        return 404;
    }

    if (uri == "/")
    {
        sendText (connection, 200, "text/html; charset=utf-8", indexPage);
        return 200;
    }

    if (uri == "/mix" || uri == "/api/state")
    {
        const auto current = directory.get();
        const auto* mix = current->findByToken (tokenOf (request));
        if (mix == nullptr)
        {
            refused.fetch_add (1);
            sendText (connection, 403, "text/html; charset=utf-8", forbiddenPage);
            return 403;
        }
        if (uri == "/mix")
            sendText (connection, 200, "text/html; charset=utf-8", performerPageHtml());
        else
            sendText (connection, 200, "application/json", mix->stateJson);
        return 200;
    }

    sendText (connection, 404, "text/plain", "not found\n");
    return 404;
}

int WebRemoteServer::handleWebSocketConnect (const mg_connection* connection, void* self)
{
    auto& server = *static_cast<WebRemoteServer*> (self);
    const auto* request = mg_get_request_info (connection);
    const auto current = server.directory.get();
    const auto* mix = current->findByToken (tokenOf (request));

    const std::scoped_lock lock (server.connectionsMutex);
    if (mix == nullptr || static_cast<int> (server.connections.size()) >= maxConnections || server.stopping)
    {
        server.refused.fetch_add (1);
        return 1; // civetweb closes the connection before the handshake
    }

    auto entry = std::make_shared<Connection>();
    entry->mixId = mix->id;
    entry->client = mix->id + " (web " + std::string (request != nullptr ? request->remote_addr : "?") + ")";
    server.connections[connection] = std::move (entry);
    return 0;
}

void WebRemoteServer::handleWebSocketReady (mg_connection* connection, void* self)
{
    auto& server = *static_cast<WebRemoteServer*> (self);
    {
        const std::scoped_lock lock (server.connectionsMutex);
        const auto found = server.connections.find (connection);
        if (found == server.connections.end())
            return;
        found->second->connection = connection;
        if (const auto* mix = server.directory.get()->findMix (found->second->mixId))
            found->second->pendingState = mix->stateJson;
    }
    server.wakeSender();
}

int WebRemoteServer::handleWebSocketData (mg_connection* connection, int bits, char* data, std::size_t length, void* self)
{
    return static_cast<WebRemoteServer*> (self)->receive (connection, bits & 0x0f, data, length);
}

void WebRemoteServer::handleWebSocketClose (const mg_connection* connection, void* self)
{
    auto& server = *static_cast<WebRemoteServer*> (self);
    const std::scoped_lock writing (server.writeMutex); // never while the sender writes to it
    const std::scoped_lock lock (server.connectionsMutex);
    server.connections.erase (connection);
}

int WebRemoteServer::receive (mg_connection* connection, int opcode, const char* data, std::size_t length)
{
    std::shared_ptr<Connection> entry;
    {
        const std::scoped_lock lock (connectionsMutex);
        const auto found = connections.find (connection);
        if (found == connections.end())
            return 0;
        entry = found->second;
    }

    if (opcode == opcodeClose)
        return 0;
    if (opcode == opcodePong)
        return 1;

    const std::scoped_lock lock (connectionsMutex);

    if (opcode == opcodePing)
    {
        // civetweb 1.15 answers pings itself; should a build hand them on, a pong echoes at
        // most 125 bytes (RFC 6455).
        if (entry->pendingReplies.size() < maxPendingReplies && length <= 125)
            entry->pendingReplies.push_back (std::string ("\x0A", 1) + std::string (data, length));
        wakeSender();
        return 1;
    }

    if (! entry->limiter.allow())
    {
        refused.fetch_add (1);
        replyWithError (*entry, "too many messages: at most 200 a second");
        return 1;
    }

    if (opcode == opcodeBinary || opcode == opcodeContinuation || opcode != opcodeText)
    {
        refused.fetch_add (1);
        replyWithError (*entry, "only single-frame JSON text messages are accepted");
        return 1;
    }

    if (length > maxWebMessageBytes)
    {
        refused.fetch_add (1);
        replyWithError (*entry, "message too large: at most 4096 bytes");
        return 1;
    }

    auto parsed = parseWebMessage (std::string_view (data, length));
    if (auto* problem = std::get_if<std::string> (&parsed))
    {
        refused.fetch_add (1);
        replyWithError (*entry, *problem);
        return 1;
    }

    const auto current = directory.get();
    const auto verdict = validateRemoteChange (*current, RemoteIdentity { false, entry->mixId }, std::get<RemoteChange> (parsed));
    if (! verdict.change.has_value())
    {
        refused.fetch_add (1);
        replyWithError (*entry, verdict.error);
        return 1;
    }

    pending.push (entry->client, *verdict.change);
    return 1;
}

void WebRemoteServer::replyWithError (Connection& entry, const std::string& message)
{
    // At most one error a second per page: a flood gets no flood of replies.
    const auto now = std::chrono::steady_clock::now();
    if (now - entry.lastErrorSent < std::chrono::seconds (1) || entry.pendingReplies.size() >= maxPendingReplies)
        return;
    entry.lastErrorSent = now;
    entry.pendingReplies.push_back (std::string ("\x01", 1) + errorJson (message));
    wakeSender();
}

void WebRemoteServer::publishStates()
{
    const auto current = directory.get();
    {
        const std::scoped_lock lock (connectionsMutex);
        for (auto& [key, entry] : connections)
            if (const auto* mix = current->findMix (entry->mixId))
                entry->pendingState = mix->stateJson;
    }
    wakeSender();
}

void WebRemoteServer::publishMeters (const std::function<std::string (const std::string&)>& metersFor)
{
    std::vector<std::string> mixIds;
    {
        const std::scoped_lock lock (connectionsMutex);
        for (const auto& [key, entry] : connections)
            mixIds.push_back (entry->mixId);
    }

    std::map<std::string, std::string> texts;
    for (const auto& id : mixIds)
        if (texts.count (id) == 0)
            texts[id] = metersFor (id);

    {
        const std::scoped_lock lock (connectionsMutex);
        for (auto& [key, entry] : connections)
            if (const auto text = texts.find (entry->mixId); text != texts.end())
                entry->pendingMeters = text->second;
    }
    wakeSender();
}

void WebRemoteServer::wakeSender()
{
    senderWake.notify_one();
}

void WebRemoteServer::sendLoop()
{
    struct Outgoing
    {
        std::shared_ptr<Connection> entry;
        int opcode;
        std::string text;
    };

    for (;;)
    {
        std::vector<Outgoing> batch;
        {
            std::unique_lock lock (connectionsMutex);
            senderWake.wait_for (lock, std::chrono::milliseconds (100), [this]
            {
                if (stopping)
                    return true;
                for (const auto& [key, entry] : connections)
                    if (entry->connection != nullptr && (! entry->pendingState.empty() || ! entry->pendingMeters.empty() || ! entry->pendingReplies.empty()))
                        return true;
                return false;
            });
            if (stopping)
                return;

            for (auto& [key, entry] : connections)
            {
                if (entry->connection == nullptr)
                    continue; // not ready yet: the handshake is still going
                for (auto& reply : entry->pendingReplies)
                    batch.push_back ({ entry, reply[0] == '\x0A' ? opcodePong : opcodeText, reply.substr (1) });
                entry->pendingReplies.clear();
                if (! entry->pendingState.empty() && entry->pendingState != entry->lastState)
                {
                    entry->lastState = entry->pendingState;
                    batch.push_back ({ entry, opcodeText, entry->pendingState });
                }
                entry->pendingState.clear();
                if (! entry->pendingMeters.empty())
                    batch.push_back ({ entry, opcodeText, std::move (entry->pendingMeters) });
                entry->pendingMeters.clear();
            }
        }

        const std::scoped_lock writing (writeMutex);
        for (auto& item : batch)
        {
            {
                // Closed since the batch was taken? Its close handler waited for writeMutex, so either
                // it is still in the map (and open), or gone.
                const std::scoped_lock lock (connectionsMutex);
                const auto found = connections.find (item.entry->connection);
                if (found == connections.end() || found->second != item.entry)
                    continue;
            }
            mg_websocket_write (item.entry->connection, item.opcode, item.text.data(), item.text.size());
        }
    }
}

} // namespace foldback
