#pragma once

#include "RateLimiter.h"

#include <chrono>
#include <string>
#include <vector>

namespace foldback
{

/** One open performer page: who it is, and what waits to go out to it. Written with
    non-blocking sends, so a page that stops reading holds up nobody but itself; what
    waits is bounded (the latest state, the latest meters, a few replies, and the one
    batch being written), since newer state and meters replace older.

    Guarded by WebRemoteServer's connectionsMutex, but for `limiter`, the worker thread's
    own. The socket is used only while the page is in the server's map: its worker thread
    removes it, under that mutex, before civetweb may close the descriptor. */
class WebSocketPage
{
public:
    using Clock = std::chrono::steady_clock;

    /** A page whose waiting bytes have made no progress for this long is dropped. */
    static constexpr auto stallLimit = std::chrono::seconds (10);
    /** Errors and pongs waiting at most; more are dropped (a flood gets no flood back). */
    static constexpr std::size_t maxPendingReplies = 4;

    WebSocketPage (int socketToWrite, std::string mixIdToServe, std::string clientName)
        : socket (socketToWrite), mixId (std::move (mixIdToServe)), client (std::move (clientName)) {}

    enum class Flush
    {
        done,     ///< nothing left to write
        waiting,  ///< the socket is full: try again soon
        failed    ///< a socket error, or stalled past stallLimit: drop the page
    };

    /** Sender thread: writes what the socket takes now, never blocking. */
    Flush flush (Clock::time_point now);

    /** Any thread, under the mutex: queue what the page should get. */
    void queueState (const std::string& state) { pendingState = state; }
    void queueMeters (const std::string& meters) { pendingMeters = meters; }
    void queueReply (int opcode, const std::string& payload);

    /** The close frame, written now if nothing else is half-written (best effort: the
        connection closes either way). Worker thread, under the mutex. */
    void writeCloseNow (int code, const std::string& reason);

    bool hasWork() const noexcept;

    const int socket;
    const std::string mixId;
    const std::string client;      ///< "singer (web 192.168.1.23)"
    RateLimiter limiter;           ///< what the page may send (worker thread only)
    Clock::time_point lastErrorSent {};
    bool dropped = false;          ///< shut down by the sender; its worker is leaving

private:
    std::string lastState;         ///< what the page was last sent
    std::string pendingState, pendingMeters;
    std::vector<std::string> pendingReplies; ///< framed already
    std::string outgoing;          ///< framed bytes being written
    std::size_t written = 0;
    Clock::time_point lastProgress {};
};

} // namespace foldback
