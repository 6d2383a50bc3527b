#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace foldback::websocket
{

/** RFC 6455 framing, server side. We frame and parse ourselves rather than through
    civetweb: civetweb 1.15 hands its data handler only a frame's first byte (FIN, RSV,
    opcode) and unmasks silently, so through it a server cannot see, let alone refuse, an
    unmasked client frame, which the RFC says it must (section 5.1). */

constexpr int opcodeContinuation = 0x0, opcodeText = 0x1, opcodeBinary = 0x2, opcodeClose = 0x8, opcodePing = 0x9, opcodePong = 0xA;
constexpr int closeNormal = 1000, closeProtocolError = 1002, closePolicy = 1008, closeTooBig = 1009;

/** A server frame: FIN set, never masked. */
std::string encodeFrame (int opcode, std::string_view payload);

/** A close frame with its status code and a short reason (cut to fit 125 bytes). */
std::string encodeClose (int code, std::string_view reason);

struct Frame
{
    int opcode = 0;
    bool fin = true;
    std::string payload; ///< unmasked
};

/** Cuts a client's bytes into frames as they arrive. Holds at most one frame's worth
    (a frame over the limit is refused from its header, never buffered). */
class FrameReader
{
public:
    enum class Result
    {
        needMore,      ///< no complete frame yet
        frame,         ///< `frame` holds the next one
        protocolError, ///< unmasked, reserved bits or opcode, a bad control frame: close (1002)
        tooLarge       ///< payload over the limit: close (1009)
    };

    explicit FrameReader (std::size_t maxPayloadBytes) noexcept : maxPayload (maxPayloadBytes) {}

    void append (const char* data, std::size_t size) { buffer.append (data, size); }

    /** The next complete frame, if there is one. After an error the connection must close. */
    Result next (Frame& frame);

private:
    std::string buffer;
    std::size_t maxPayload;
};

} // namespace foldback::websocket
