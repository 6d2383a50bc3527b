#pragma once

// A small, deliberately permissive HTTP and WebSocket client on raw POSIX sockets, for
// testing the web remote from outside: it can speak the protocol properly, and it can
// break it on purpose (unmasked frames, reserved opcodes, lying lengths, binary).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace foldback::test
{

namespace websocketDetail
{
    using Clock = std::chrono::steady_clock;

    /** A TCP connection to 127.0.0.1:port, from `sourceAddress` (another loopback address,
        "127.0.0.2", is another client as far as the server can tell) if given; a small
        `receiveBufferBytes` makes a client that stops reading fill up quickly. */
    inline int connectTo (int port, const char* sourceAddress = nullptr, int receiveBufferBytes = 0)
    {
        const int fd = ::socket (AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        if (receiveBufferBytes > 0) // before connect, so the window the server sees is small from the start
            ::setsockopt (fd, SOL_SOCKET, SO_RCVBUF, &receiveBufferBytes, sizeof (receiveBufferBytes));
        if (sourceAddress != nullptr)
        {
            sockaddr_in source {};
            source.sin_family = AF_INET;
            ::inet_pton (AF_INET, sourceAddress, &source.sin_addr);
            if (::bind (fd, reinterpret_cast<const sockaddr*> (&source), sizeof (source)) != 0)
            {
                ::close (fd);
                return -1;
            }
        }
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons (static_cast<std::uint16_t> (port));
        address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
        if (::connect (fd, reinterpret_cast<const sockaddr*> (&address), sizeof (address)) != 0)
        {
            ::close (fd);
            return -1;
        }
        const int one = 1;
        ::setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof (one));
        return fd;
    }

    inline bool sendAll (int fd, const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const char*> (data);
        while (size > 0)
        {
            const auto sent = ::send (fd, bytes, size, MSG_NOSIGNAL);
            if (sent < 0 && errno == EINTR)
                continue;
            if (sent <= 0)
                return false;
            bytes += sent;
            size -= static_cast<std::size_t> (sent);
        }
        return true;
    }

    /** Appends what arrives within the deadline; false on EOF or error (or nothing by then). */
    inline bool receiveSome (int fd, std::string& buffer, Clock::time_point deadline, bool& closed)
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds> (deadline - Clock::now()).count();
        pollfd waiting { fd, POLLIN, 0 };
        const int ready = ::poll (&waiting, 1, static_cast<int> (std::max<long long> (0, left)));
        if (ready <= 0)
            return false;
        char chunk[65536];
        const auto received = ::recv (fd, chunk, sizeof (chunk), 0);
        if (received <= 0)
        {
            closed = true;
            return false;
        }
        buffer.append (chunk, static_cast<std::size_t> (received));
        return true;
    }

    // SHA-1 (RFC 3174) and base64, only to check the server's Sec-WebSocket-Accept.
    inline std::array<std::uint8_t, 20> sha1 (std::string_view message)
    {
        std::uint32_t h[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
        std::string data (message);
        const std::uint64_t bitLength = static_cast<std::uint64_t> (message.size()) * 8;
        data += static_cast<char> (0x80);
        while (data.size() % 64 != 56)
            data += '\0';
        for (int i = 7; i >= 0; --i)
            data += static_cast<char> ((bitLength >> (i * 8)) & 0xff);

        auto rotate = [] (std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
        for (std::size_t chunk = 0; chunk < data.size(); chunk += 64)
        {
            std::uint32_t w[80];
            for (int i = 0; i < 16; ++i)
            {
                const auto* p = reinterpret_cast<const std::uint8_t*> (data.data() + chunk + static_cast<std::size_t> (i) * 4);
                w[i] = (std::uint32_t (p[0]) << 24) | (std::uint32_t (p[1]) << 16) | (std::uint32_t (p[2]) << 8) | p[3];
            }
            for (int i = 16; i < 80; ++i)
                w[i] = rotate (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);

            std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
            for (int i = 0; i < 80; ++i)
            {
                std::uint32_t f, k;
                if (i < 20)      { f = (b & c) | (~b & d);           k = 0x5A827999; }
                else if (i < 40) { f = b ^ c ^ d;                    k = 0x6ED9EBA1; }
                else if (i < 60) { f = (b & c) | (b & d) | (c & d);  k = 0x8F1BBCDC; }
                else             { f = b ^ c ^ d;                    k = 0xCA62C1D6; }
                const auto next = rotate (a, 5) + f + e + k + w[i];
                e = d;
                d = c;
                c = rotate (b, 30);
                b = a;
                a = next;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
        }

        std::array<std::uint8_t, 20> digest {};
        for (int i = 0; i < 20; ++i)
            digest[static_cast<std::size_t> (i)] = static_cast<std::uint8_t> (h[i / 4] >> (24 - 8 * (i % 4)));
        return digest;
    }

    inline std::string base64 (const std::uint8_t* data, std::size_t size)
    {
        static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        for (std::size_t i = 0; i < size; i += 3)
        {
            const std::uint32_t n = (std::uint32_t (data[i]) << 16) | (i + 1 < size ? std::uint32_t (data[i + 1]) << 8 : 0)
                                    | (i + 2 < size ? std::uint32_t (data[i + 2]) : 0);
            out += alphabet[(n >> 18) & 63];
            out += alphabet[(n >> 12) & 63];
            out += i + 1 < size ? alphabet[(n >> 6) & 63] : '=';
            out += i + 2 < size ? alphabet[n & 63] : '=';
        }
        return out;
    }

    inline std::string headerValue (const std::string& headers, std::string name)
    {
        auto lower = [] (std::string s)
        {
            for (auto& c : s)
                c = static_cast<char> (std::tolower (static_cast<unsigned char> (c)));
            return s;
        };
        const auto lowered = lower (headers);
        const auto at = lowered.find ("\r\n" + lower (name) + ":");
        if (at == std::string::npos)
            return {};
        auto start = at + 3 + name.size();
        while (start < headers.size() && headers[start] == ' ')
            ++start;
        const auto end = headers.find ("\r\n", start);
        return headers.substr (start, end == std::string::npos ? std::string::npos : end - start);
    }
} // namespace websocketDetail

struct HttpResponse
{
    int status = 0;        ///< 0: no response at all
    std::string headers;   ///< status line and headers
    std::string body;
};

/** One HTTP/1.1 request to 127.0.0.1:port, read to the end (the server closes), from
    `sourceAddress` if given. */
inline HttpResponse httpRequest (int port, const std::string& method, const std::string& target,
                                 std::chrono::milliseconds timeout = std::chrono::seconds (5), const char* sourceAddress = nullptr)
{
    using namespace websocketDetail;
    HttpResponse response;
    const int fd = connectTo (port, sourceAddress);
    if (fd < 0)
        return response;

    const std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    std::string received;
    bool closed = false;
    if (sendAll (fd, request.data(), request.size()))
    {
        const auto deadline = Clock::now() + timeout;
        while (! closed && Clock::now() < deadline)
        {
            receiveSome (fd, received, deadline, closed);
            // Enough once the announced body is complete (a HEAD's is not coming: read to the close).
            if (const auto end = received.find ("\r\n\r\n"); end != std::string::npos && method != "HEAD")
            {
                const auto length = headerValue (received.substr (0, end + 2), "Content-Length");
                if (! length.empty() && received.size() >= end + 4 + std::stoul (length))
                    break;
            }
        }
    }
    ::close (fd);

    const auto end = received.find ("\r\n\r\n");
    if (end == std::string::npos || received.compare (0, 5, "HTTP/") != 0)
        return response;
    response.headers = received.substr (0, end + 2);
    response.body = received.substr (end + 4);
    const auto space = received.find (' ');
    if (space != std::string::npos)
        response.status = std::atoi (received.c_str() + space + 1);
    return response;
}

/** One HTTP/1.1 GET to 127.0.0.1:port, read to the end (the server closes). */
inline HttpResponse httpGet (int port, const std::string& target, std::chrono::milliseconds timeout = std::chrono::seconds (5),
                             const char* sourceAddress = nullptr)
{
    return httpRequest (port, "GET", target, timeout, sourceAddress);
}

/** A WebSocket client (RFC 6455) that can also misbehave on request. */
class TestWebSocketClient
{
public:
    struct Frame
    {
        int opcode = 0;
        bool fin = true;
        std::string payload;
    };

    static constexpr int text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA;

    TestWebSocketClient() = default;
    TestWebSocketClient (const TestWebSocketClient&) = delete;
    TestWebSocketClient& operator= (const TestWebSocketClient&) = delete;
    ~TestWebSocketClient() { disconnect(); }

    /** Opens a connection and performs the handshake for `target` ("/ws?token=..."). True
        only for "101 Switching Protocols" with the right Sec-WebSocket-Accept. */
    bool connect (int port, const std::string& target, std::chrono::milliseconds timeout = std::chrono::seconds (5))
    {
        using namespace websocketDetail;
        disconnect();
        fd = connectTo (port, sourceAddress, receiveBufferBytes);
        if (fd < 0)
            return false;

        std::array<std::uint8_t, 16> nonce {};
        for (auto& byte : nonce)
            byte = static_cast<std::uint8_t> (random() & 0xff);
        const auto key = base64 (nonce.data(), nonce.size());

        const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        if (! sendAll (fd, request.data(), request.size()))
            return false;

        const auto deadline = Clock::now() + timeout;
        std::size_t end = std::string::npos;
        while ((end = buffer.find ("\r\n\r\n")) == std::string::npos)
            if (! receiveSome (fd, buffer, deadline, closed))
                return false;

        handshakeResponse = buffer.substr (0, end + 2);
        buffer.erase (0, end + 4); // anything after the headers is already frames
        const auto space = handshakeResponse.find (' ');
        handshakeStatus = space == std::string::npos ? 0 : std::atoi (handshakeResponse.c_str() + space + 1);
        if (handshakeStatus != 101)
            return false;

        const auto digest = sha1 (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
        return headerValue (handshakeResponse, "Sec-WebSocket-Accept") == base64 (digest.data(), digest.size());
    }

    void disconnect()
    {
        if (fd >= 0)
            ::close (fd);
        fd = -1;
        buffer.clear();
        closed = false;
        closeReceived = false;
    }

    /** Sends one frame. `masked` false breaks RFC 6455 (a client must mask); `rsv` sets
        the reserved bits (0..7); `announcedLength` lies about the payload's length. */
    bool sendFrame (int opcode, std::string_view payload, bool masked = true, bool fin = true, int rsv = 0,
                    std::optional<std::uint64_t> announcedLength = std::nullopt)
    {
        const std::uint64_t length = announcedLength.value_or (payload.size());
        std::string frame;
        frame += static_cast<char> ((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f));
        const char maskBit = masked ? static_cast<char> (0x80) : 0;
        if (length < 126)
        {
            frame += static_cast<char> (maskBit | static_cast<char> (length));
        }
        else if (length <= 0xffff)
        {
            frame += static_cast<char> (maskBit | 126);
            frame += static_cast<char> ((length >> 8) & 0xff);
            frame += static_cast<char> (length & 0xff);
        }
        else
        {
            frame += static_cast<char> (maskBit | 127);
            for (int i = 7; i >= 0; --i)
                frame += static_cast<char> ((length >> (i * 8)) & 0xff);
        }

        std::string body (payload);
        if (masked)
        {
            std::array<char, 4> mask {};
            for (auto& byte : mask)
                byte = static_cast<char> (random() & 0xff);
            frame.append (mask.data(), 4);
            for (std::size_t i = 0; i < body.size(); ++i)
                body[i] = static_cast<char> (body[i] ^ mask[i % 4]);
        }
        frame += body;
        return sendRaw (frame.data(), frame.size());
    }

    bool sendText (std::string_view message) { return sendFrame (text, message); }

    bool sendRaw (const void* data, std::size_t size) { return fd >= 0 && websocketDetail::sendAll (fd, data, size); }

    /** The next frame from the server, or nothing by the timeout (or after it closed). */
    std::optional<Frame> readFrame (std::chrono::milliseconds timeout)
    {
        const auto deadline = websocketDetail::Clock::now() + timeout;
        for (;;)
        {
            if (auto frame = takeFrame())
                return frame;
            if (fd < 0 || closed || ! websocketDetail::receiveSome (fd, buffer, deadline, closed))
                return std::nullopt;
        }
    }

    /** True once the server has closed the connection (EOF) or sent a close frame. */
    bool isClosed() const noexcept { return fd < 0 || closed || closeReceived; }

    /** For the next connect(): the address to connect from ("127.0.0.2"), and a receive
        buffer size (a client that stops reading then fills its socket quickly). */
    const char* sourceAddress = nullptr;
    int receiveBufferBytes = 0;

    int getHandshakeStatus() const noexcept { return handshakeStatus; }
    /** What came after the headers of a refused handshake (the server's reason), if anything. */
    const std::string& getReceivedSoFar() const noexcept { return buffer; }
    const std::string& getHandshakeResponse() const noexcept { return handshakeResponse; }

private:
    std::optional<Frame> takeFrame()
    {
        if (buffer.size() < 2)
            return std::nullopt;
        const auto* p = reinterpret_cast<const std::uint8_t*> (buffer.data());
        std::size_t header = 2;
        std::uint64_t length = p[1] & 0x7f;
        if (length == 126)
        {
            if (buffer.size() < 4)
                return std::nullopt;
            length = (std::uint64_t (p[2]) << 8) | p[3];
            header = 4;
        }
        else if (length == 127)
        {
            if (buffer.size() < 10)
                return std::nullopt;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        const bool masked = (p[1] & 0x80) != 0;
        const std::size_t maskAt = header;
        if (masked)
            header += 4;
        if (buffer.size() < header + length)
            return std::nullopt;

        Frame frame;
        frame.fin = (p[0] & 0x80) != 0;
        frame.opcode = p[0] & 0x0f;
        frame.payload = buffer.substr (header, static_cast<std::size_t> (length));
        if (masked)
            for (std::size_t i = 0; i < frame.payload.size(); ++i)
                frame.payload[i] = static_cast<char> (frame.payload[i] ^ buffer[maskAt + i % 4]);
        buffer.erase (0, header + static_cast<std::size_t> (length));
        if (frame.opcode == close)
            closeReceived = true;
        return frame;
    }

    std::uint32_t random()
    {
        static thread_local std::mt19937 generator { std::random_device {}() };
        return generator();
    }

    int fd = -1;
    std::string buffer;
    bool closed = false, closeReceived = false;
    int handshakeStatus = 0;
    std::string handshakeResponse;
};

} // namespace foldback::test
