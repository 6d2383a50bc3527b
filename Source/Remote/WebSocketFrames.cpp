#include "WebSocketFrames.h"

namespace foldback::websocket
{

std::string encodeFrame (int opcode, std::string_view payload)
{
    std::string frame;
    frame.reserve (payload.size() + 10);
    frame += static_cast<char> (0x80 | (opcode & 0x0f));
    const auto length = static_cast<std::uint64_t> (payload.size());
    if (length < 126)
    {
        frame += static_cast<char> (length);
    }
    else if (length <= 0xffff)
    {
        frame += static_cast<char> (126);
        frame += static_cast<char> ((length >> 8) & 0xff);
        frame += static_cast<char> (length & 0xff);
    }
    else
    {
        frame += static_cast<char> (127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame += static_cast<char> ((length >> shift) & 0xff);
    }
    frame.append (payload.data(), payload.size());
    return frame;
}

std::string encodeClose (int code, std::string_view reason)
{
    std::string payload;
    payload += static_cast<char> ((code >> 8) & 0xff);
    payload += static_cast<char> (code & 0xff);
    payload.append (reason.substr (0, 123));
    return encodeFrame (opcodeClose, payload);
}

FrameReader::Result FrameReader::next (Frame& frame)
{
    if (buffer.size() < 2)
        return Result::needMore;

    const auto byte = [this] (std::size_t i) { return static_cast<std::uint8_t> (buffer[i]); };
    const bool fin = (byte (0) & 0x80) != 0;
    const int opcode = byte (0) & 0x0f;
    const bool known = opcode == opcodeContinuation || opcode == opcodeText || opcode == opcodeBinary
                       || opcode == opcodeClose || opcode == opcodePing || opcode == opcodePong;
    const bool masked = (byte (1) & 0x80) != 0;
    const bool control = (opcode & 0x08) != 0;
    std::uint64_t length = byte (1) & 0x7f;

    // No extension is negotiated, so any reserved bit is an error; a client must mask (5.1);
    // control frames are never fragmented and carry at most 125 bytes (5.5).
    if ((byte (0) & 0x70) != 0 || ! known || ! masked || (control && (! fin || length > 125)))
        return Result::protocolError;

    std::size_t header = 2;
    if (length == 126)
    {
        if (buffer.size() < 4)
            return Result::needMore;
        length = (std::uint64_t (byte (2)) << 8) | byte (3);
        header = 4;
    }
    else if (length == 127)
    {
        if (buffer.size() < 10)
            return Result::needMore;
        length = 0;
        for (std::size_t i = 2; i < 10; ++i)
            length = (length << 8) | byte (i);
        header = 10;
    }
    if (length > maxPayload)
        return Result::tooLarge;

    const auto size = static_cast<std::size_t> (length);
    if (buffer.size() < header + 4 + size)
        return Result::needMore;

    frame.opcode = opcode;
    frame.fin = fin;
    frame.payload.assign (buffer, header + 4, size);
    for (std::size_t i = 0; i < size; ++i)
        frame.payload[i] = static_cast<char> (frame.payload[i] ^ buffer[header + i % 4]);
    buffer.erase (0, header + 4 + size);
    return Result::frame;
}

} // namespace foldback::websocket
