#include "ConnectionSocket.h"

#include <civetweb.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace foldback
{

namespace
{
    /** The address as civetweb writes it in remote_addr, and the port. */
    bool describe (const sockaddr_storage& address, std::string& text, int& port)
    {
        char buffer[INET6_ADDRSTRLEN] = {};
        if (address.ss_family == AF_INET)
        {
            const auto& v4 = reinterpret_cast<const sockaddr_in&> (address);
            port = ntohs (v4.sin_port);
            text = inet_ntop (AF_INET, &v4.sin_addr, buffer, sizeof (buffer)) != nullptr ? buffer : "";
            return true;
        }
        if (address.ss_family == AF_INET6)
        {
            const auto& v6 = reinterpret_cast<const sockaddr_in6&> (address);
            port = ntohs (v6.sin6_port);
            text = inet_ntop (AF_INET6, &v6.sin6_addr, buffer, sizeof (buffer)) != nullptr ? buffer : "";
            return true;
        }
        return false;
    }

    bool matches (int fd, const mg_request_info& request)
    {
        sockaddr_storage local {}, peer {};
        socklen_t localSize = sizeof (local), peerSize = sizeof (peer);
        if (::getsockname (fd, reinterpret_cast<sockaddr*> (&local), &localSize) != 0
            || ::getpeername (fd, reinterpret_cast<sockaddr*> (&peer), &peerSize) != 0)
            return false; // not a socket, or not a connected one (a listener)

        std::string localText, peerText;
        int localPort = 0, peerPort = 0;
        return describe (local, localText, localPort) && describe (peer, peerText, peerPort)
               && localPort == request.server_port && peerPort == request.remote_port && peerText == request.remote_addr;
    }
}

int findConnectionSocket (const mg_request_info& request)
{
    DIR* descriptors = ::opendir ("/proc/self/fd");
    if (descriptors == nullptr)
        return -1;

    int found = -1;
    while (const auto* entry = ::readdir (descriptors))
    {
        char* end = nullptr;
        const long fd = std::strtol (entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == ::dirfd (descriptors))
            continue;
        if (matches (static_cast<int> (fd), request))
        {
            found = static_cast<int> (fd);
            break;
        }
    }
    ::closedir (descriptors);
    return found;
}

} // namespace foldback
