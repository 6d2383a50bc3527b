// RFC 6455 framing as the web remote does it (WebSocketFrames.h): what a server must
// refuse from a client, bytes that arrive in pieces, and the three length encodings.

#include "Remote/WebSocketFrames.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace foldback::websocket;
using Result = FrameReader::Result;

namespace
{
    /** A client frame: `masked` false and `firstByte` let a test break the rules. */
    std::string clientFrame (int firstByte, const std::string& payload, bool masked = true, std::uint64_t announced = UINT64_MAX)
    {
        const auto length = announced == UINT64_MAX ? static_cast<std::uint64_t> (payload.size()) : announced;
        std::string frame (1, static_cast<char> (firstByte));
        const char maskBit = masked ? static_cast<char> (0x80) : 0;
        if (length < 126)
        {
            frame += static_cast<char> (maskBit | static_cast<char> (length));
        }
        else if (length <= 0xffff)
        {
            frame += static_cast<char> (maskBit | 126);
            frame += static_cast<char> (length >> 8);
            frame += static_cast<char> (length & 0xff);
        }
        else
        {
            frame += static_cast<char> (maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
                frame += static_cast<char> ((length >> shift) & 0xff);
        }
        const char mask[4] = { 0x12, 0x34, 0x56, 0x78 };
        if (masked)
            frame.append (mask, 4);
        for (std::size_t i = 0; i < payload.size(); ++i)
            frame += masked ? static_cast<char> (payload[i] ^ mask[i % 4]) : payload[i];
        return frame;
    }

    Result readOne (const std::string& bytes, Frame& frame, std::size_t limit = 4096)
    {
        FrameReader reader (limit);
        reader.append (bytes.data(), bytes.size());
        return reader.next (frame);
    }
}

TEST_CASE ("WebSocket frames: a masked text frame is unmasked, also when it arrives a byte at a time", "[remote][web][frames]")
{
    const std::string text = R"({"type":"set","control":"master","value":-3})";
    const auto bytes = clientFrame (0x81, text);

    Frame frame;
    REQUIRE (readOne (bytes, frame) == Result::frame);
    CHECK (frame.opcode == opcodeText);
    CHECK (frame.fin);
    CHECK (frame.payload == text);

    FrameReader reader (4096);
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i)
    {
        reader.append (bytes.data() + i, 1);
        CHECK (reader.next (frame) == Result::needMore);
    }
    reader.append (bytes.data() + bytes.size() - 1, 1);
    REQUIRE (reader.next (frame) == Result::frame);
    CHECK (frame.payload == text);
    CHECK (reader.next (frame) == Result::needMore);
}

TEST_CASE ("WebSocket frames: what a server must refuse from a client", "[remote][web][frames]")
{
    Frame frame;
    CHECK (readOne (clientFrame (0x81, "hi", false), frame) == Result::protocolError);           // unmasked (5.1)
    CHECK (readOne (clientFrame (0x81 | 0x40, "hi"), frame) == Result::protocolError);           // RSV1 with no extension
    CHECK (readOne (clientFrame (0x81 | 0x10, "hi"), frame) == Result::protocolError);           // RSV3
    for (int opcode : { 0x3, 0x7, 0xB, 0xF })
        CHECK (readOne (clientFrame (0x80 | opcode, "hi"), frame) == Result::protocolError);     // reserved opcodes
    CHECK (readOne (clientFrame (0x09, "ping"), frame) == Result::protocolError);                // a fragmented control frame
    CHECK (readOne (clientFrame (0x89, std::string (126, 'p')), frame) == Result::protocolError); // a control frame over 125 bytes

    // Too large is known from the header alone: nothing of it need arrive, or be held.
    CHECK (readOne (clientFrame (0x81, "", true, 4097).substr (0, 4), frame) == Result::tooLarge);
    CHECK (readOne (clientFrame (0x81, "", true, std::uint64_t { 1 } << 62).substr (0, 10), frame) == Result::tooLarge);
    CHECK (readOne (clientFrame (0x81, std::string (4096, 'x')), frame) == Result::frame);

    // What is allowed: a ping, a close, binary and continuation frames (the server decides).
    CHECK (readOne (clientFrame (0x89, "ping"), frame) == Result::frame);
    CHECK (frame.opcode == opcodePing);
    CHECK (readOne (clientFrame (0x01, "part"), frame) == Result::frame);
    CHECK_FALSE (frame.fin);
}

TEST_CASE ("WebSocket frames: the server's frames use the shortest length encoding", "[remote][web][frames]")
{
    for (const std::size_t size : { std::size_t { 0 }, std::size_t { 125 }, std::size_t { 126 }, std::size_t { 65535 }, std::size_t { 65536 } })
    {
        INFO (size);
        const auto frame = encodeFrame (opcodeText, std::string (size, 'm'));
        const std::size_t header = size < 126 ? 2 : size <= 0xffff ? 4 : 10;
        REQUIRE (frame.size() == header + size);
        CHECK (static_cast<std::uint8_t> (frame[0]) == 0x81);
        CHECK ((static_cast<std::uint8_t> (frame[1]) & 0x80) == 0); // a server never masks
    }

    const auto close = encodeClose (closePolicy, std::string (200, 'r'));
    CHECK (static_cast<std::uint8_t> (close[0]) == 0x88);
    CHECK (static_cast<std::uint8_t> (close[1]) == 125); // the reason is cut to fit a control frame
    CHECK (static_cast<std::uint8_t> (close[2]) == 0x03);
    CHECK (static_cast<std::uint8_t> (close[3]) == 0xF0); // 1008
}
