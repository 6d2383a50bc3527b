#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <cstdint>
#include <random>
#include <stdexcept>

namespace foldback::test
{

/** True if nothing on this machine holds the port (TCP when `stream`, else UDP). */
inline bool portIsFree (int port, bool stream)
{
    const int fd = ::socket (AF_INET, stream ? SOCK_STREAM : SOCK_DGRAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons (static_cast<std::uint16_t> (port));
    address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    const bool free = ::bind (fd, reinterpret_cast<const sockaddr*> (&address), sizeof (address)) == 0;
    ::close (fd);
    return free;
}

/** A port pair (HTTP on `first`, OSC on `first + 1`) that was free a moment ago. */
inline int pickFreePortPair()
{
    std::random_device seed;
    std::mt19937 random (seed());
    std::uniform_int_distribution<int> ports (20000, 59998);
    for (int attempt = 0; attempt < 200; ++attempt)
    {
        const int port = ports (random);
        if (portIsFree (port, true) && portIsFree (port + 1, false))
            return port;
    }
    throw std::runtime_error ("no free port pair between 20000 and 60000");
}

} // namespace foldback::test
