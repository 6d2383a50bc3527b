#pragma once

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace foldback::test
{

    /** One OSC message with string and int32 arguments: all NSM speaks. */
    struct Message
    {
        std::string address;
        std::vector<std::string> strings;
        std::vector<std::int32_t> numbers;
    };

    inline void appendPadded (std::vector<char>& out, const std::string& text)
    {
        out.insert (out.end(), text.begin(), text.end());
        do
            out.push_back (0);
        while (out.size() % 4 != 0);
    }

    inline std::vector<char> encode (const std::string& address, const std::vector<std::string>& strings)
    {
        std::vector<char> out;
        appendPadded (out, address);
        std::string tags = ",";
        tags.append (strings.size(), 's');   // not "," + std::string: GCC 12 warns falsely (-Wrestrict) on that
        appendPadded (out, tags);
        for (const auto& s : strings)
            appendPadded (out, s);
        return out;
    }

    inline std::optional<Message> decode (const char* data, std::size_t size)
    {
        std::size_t at = 0;
        auto readString = [&] () -> std::optional<std::string>
        {
            const auto end = std::find (data + at, data + size, '\0');
            if (end == data + size)
                return std::nullopt;
            std::string text (data + at, end);
            at = (static_cast<std::size_t> (end - data) + 4) & ~std::size_t { 3 };
            return text;
        };
        Message message;
        const auto address = readString();
        const auto tags = readString();
        if (! address || ! tags || tags->empty() || (*tags)[0] != ',')
            return std::nullopt;
        message.address = *address;
        for (const char tag : tags->substr (1))
        {
            if (tag == 's')
            {
                const auto text = readString();
                if (! text)
                    return std::nullopt;
                message.strings.push_back (*text);
            }
            else if (tag == 'i' && at + 4 <= size)
            {
                const auto* b = reinterpret_cast<const unsigned char*> (data + at);
                message.numbers.push_back (static_cast<std::int32_t> ((std::uint32_t (b[0]) << 24) | (std::uint32_t (b[1]) << 16)
                                                                      | (std::uint32_t (b[2]) << 8) | std::uint32_t (b[3])));
                at += 4;
            }
            else
                return std::nullopt;
        }
        return message;
    }

    /** A New Session Manager server at the protocol level, for tests: one UDP socket on loopback. */
    struct NsmServer
    {
        NsmServer()
        {
            fd = socket (AF_INET, SOCK_DGRAM, 0);
            REQUIRE (fd >= 0);
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
            REQUIRE (bind (fd, reinterpret_cast<sockaddr*> (&address), sizeof (address)) == 0);
            socklen_t length = sizeof (address);
            getsockname (fd, reinterpret_cast<sockaddr*> (&address), &length);
            port = ntohs (address.sin_port);
            timeval timeout { 0, 100000 };
            setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof (timeout));
        }
        ~NsmServer() { close (fd); }

        std::string url() const { return "osc.udp://127.0.0.1:" + std::to_string (port) + "/"; }

        /** The next message from the client (remembering where it came from), or nothing in `timeout`. */
        std::optional<Message> receive (std::chrono::milliseconds timeout)
        {
            const auto end = std::chrono::steady_clock::now() + timeout;
            char buffer[2048];
            while (std::chrono::steady_clock::now() < end)
            {
                socklen_t length = sizeof (client);
                const auto n = recvfrom (fd, buffer, sizeof (buffer), 0, reinterpret_cast<sockaddr*> (&client), &length);
                if (n > 0)
                    return decode (buffer, static_cast<std::size_t> (n));
            }
            return std::nullopt;
        }

        /** Waits for a message at `address`, skipping others. */
        std::optional<Message> receiveAt (const std::string& address, std::chrono::milliseconds timeout)
        {
            const auto end = std::chrono::steady_clock::now() + timeout;
            while (std::chrono::steady_clock::now() < end)
                if (auto message = receive (std::chrono::milliseconds (100)); message && message->address == address)
                    return message;
            return std::nullopt;
        }

        void send (const std::string& address, const std::vector<std::string>& strings)
        {
            const auto packet = encode (address, strings);
            sendto (fd, packet.data(), packet.size(), 0, reinterpret_cast<const sockaddr*> (&client), sizeof (client));
        }

        int fd = -1;
        int port = 0;
        sockaddr_in client {};
    };

} // namespace foldback::test
