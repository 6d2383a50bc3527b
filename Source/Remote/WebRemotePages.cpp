#include "WebRemoteServer.h"

#include "ConnectionSocket.h"
#include "RemoteValidation.h"
#include "WebMessage.h"
#include "WebSocketFrames.h"

#include <civetweb.h>
#include <nlohmann/json.hpp>

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>

// WebRemoteServer's WebSocket pages once the handshake is done: each page's worker reads
// its frames, the sender writes what is queued for every page.

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

    std::string errorJson (const std::string& message)
    {
        return nlohmann::json { { "type", "error" }, { "message", message } }.dump (-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
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
