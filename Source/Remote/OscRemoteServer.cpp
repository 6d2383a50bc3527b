#include "OscRemoteServer.h"

#include "OscAddress.h"
#include "OscPacket.h"

#include <algorithm>

namespace foldback
{

OscRemoteServer::OscRemoteServer (const RemoteDirectoryHolder& directoryToServe, PendingRemoteChanges& pendingChanges, ClockFunction clockToUse)
    : directory (directoryToServe), pending (pendingChanges), clock (std::move (clockToUse))
{
}

OscRemoteServer::~OscRemoteServer()
{
    stop();
}

bool OscRemoteServer::start (const std::string& address, int port, std::string& error)
{
    stop();
    auto newSocket = std::make_unique<juce::DatagramSocket> (false);
    if (! newSocket->bindToPort (port, juce::String (address)))
    {
        error = "cannot listen for OSC on " + address + ":" + std::to_string (port) + " (is the port in use?)";
        return false;
    }

    socket = std::move (newSocket);
    // Replies leave from the port clients send to. connectToSocket needs a default target,
    // which is never used: every reply names its client with sendToIPAddress.
    sender.connectToSocket (*socket, "127.0.0.1", port);
    stopping = false;
    receiver = std::thread ([this] { receiveLoop(); });
    return true;
}

void OscRemoteServer::stop()
{
    if (socket == nullptr)
        return;
    stopping = true;
    if (receiver.joinable())
        receiver.join();
    sender.disconnect();
    socket->shutdown();
    socket.reset();
    const std::scoped_lock lock (clientsMutex);
    clients.clear();
}

void OscRemoteServer::receiveLoop()
{
    char buffer[maxOscPacketBytes + 1];
    while (! stopping)
    {
        if (socket->waitUntilReady (true, 100) != 1)
            continue;

        juce::String ip;
        int port = 0;
        const int size = socket->read (buffer, static_cast<int> (sizeof (buffer)), false, ip, port);
        if (size > 0)
            handleDatagram (buffer, size, ip.toStdString(), port);
    }
}

void OscRemoteServer::handleDatagram (const char* data, int size, const std::string& ip, int port)
{
    // Rate first: a flood costs a map lookup per datagram, nothing more.
    auto limiter = limiters.find (ip);
    if (limiter == limiters.end())
    {
        if (limiters.size() >= 1024)
            limiters.clear(); // a spray of spoofed addresses: forget them all rather than grow
        limiter = limiters.emplace (ip, RateLimiter {}).first;
    }
    if (! limiter->second.allow())
    {
        refused.fetch_add (1);
        return;
    }

    std::vector<OscMessage> messages;
    std::string error;
    if (static_cast<std::size_t> (size) > maxOscPacketBytes || ! parseOscPacket (data, static_cast<std::size_t> (size), messages, error))
    {
        refused.fetch_add (1);
        return;
    }

    const auto current = directory.get();
    for (const auto& message : messages)
    {
        OscRequest request;
        if (! readOscRequest (message, request, error))
        {
            refused.fetch_add (1);
            continue;
        }

        const auto identity = identifyRemote (*current, request.token);
        if (! identity.has_value() || (request.change.engineerLevel && ! identity->engineer))
        {
            refused.fetch_add (1);
            continue;
        }

        const auto verdict = validateRemoteChange (*current, *identity, request.change);
        if (! verdict.change.has_value())
        {
            refused.fetch_add (1);
            continue;
        }

        accepted.fetch_add (1);
        const auto who = identity->engineer ? std::string ("engineer") : identity->mixId;
        pending.push (who + " (osc " + ip + ")", *verdict.change);

        const std::scoped_lock lock (clientsMutex);
        const auto now = clock();
        auto known = std::find_if (clients.begin(), clients.end(), [&] (const Client& c) { return c.ip == ip && c.port == port && c.token == request.token; });
        if (known != clients.end())
        {
            known->lastHeard = now;
            continue;
        }
        std::erase_if (clients, [now] (const Client& c) { return now - c.lastHeard > clientLifetime; });
        if (clients.size() < maxClients)
            clients.push_back ({ ip, port, request.token, *identity, now });
    }
}

std::vector<OscRemoteServer::Client> OscRemoteServer::getClients() const
{
    const std::scoped_lock lock (clientsMutex);
    const auto now = clock();
    std::vector<Client> fresh;
    for (const auto& client : clients)
        if (now - client.lastHeard <= clientLifetime)
            fresh.push_back (client);
    return fresh;
}

bool OscRemoteServer::send (const Client& client, const juce::OSCMessage& message)
{
    return socket != nullptr && sender.sendToIPAddress (client.ip, client.port, message);
}

} // namespace foldback
