#include "WebSocketPage.h"

#include "WebSocketFrames.h"

#include <sys/socket.h>

#include <cerrno>

namespace foldback
{

void WebSocketPage::queueReply (int opcode, const std::string& payload)
{
    if (pendingReplies.size() < maxPendingReplies)
        pendingReplies.push_back (websocket::encodeFrame (opcode, payload));
}

bool WebSocketPage::hasWork() const noexcept
{
    return written < outgoing.size() || ! pendingReplies.empty() || ! pendingMeters.empty()
           || (! pendingState.empty() && pendingState != lastState);
}

WebSocketPage::Flush WebSocketPage::flush (Clock::time_point now)
{
    if (dropped)
        return Flush::done;

    for (;;)
    {
        if (written == outgoing.size())
        {
            // The last batch is out: what is pending now becomes the next.
            outgoing.clear();
            written = 0;
            for (auto& reply : pendingReplies)
                outgoing += reply;
            pendingReplies.clear();
            if (! pendingState.empty() && pendingState != lastState)
            {
                outgoing += websocket::encodeFrame (websocket::opcodeText, pendingState);
                lastState = pendingState;
            }
            pendingState.clear();
            if (! pendingMeters.empty())
                outgoing += websocket::encodeFrame (websocket::opcodeText, pendingMeters);
            pendingMeters.clear();
            if (outgoing.empty())
                return Flush::done;
            lastProgress = now;
        }

        const auto sent = ::send (socket, outgoing.data() + written, outgoing.size() - written, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent > 0)
        {
            written += static_cast<std::size_t> (sent);
            lastProgress = now;
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return Flush::failed;
        return now - lastProgress > stallLimit ? Flush::failed : Flush::waiting;
    }
}

void WebSocketPage::writeCloseNow (int code, const std::string& reason)
{
    if (written != outgoing.size())
        return; // a frame is half-written: a close frame now would corrupt it
    const auto frame = websocket::encodeClose (code, reason);
    ::send (socket, frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

} // namespace foldback
