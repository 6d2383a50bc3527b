#include "JackConnections.h"

#include <cerrno>

namespace foldback::jackconnections
{

namespace
{
    /** jack_get_ports() and jack_port_get_connections() hand back arrays that the caller
        frees with jack_free(). */
    std::vector<std::string> takeNames (const char** names)
    {
        std::vector<std::string> result;
        if (names == nullptr)
            return result;
        for (auto** name = names; *name != nullptr; ++name)
            result.emplace_back (*name);
        jack_free (names);
        return result;
    }

    std::vector<std::string> physicalPorts (jack_client_t* client, unsigned long direction)
    {
        return takeNames (jack_get_ports (client, nullptr, JACK_DEFAULT_AUDIO_TYPE,
                                          JackPortIsPhysical | direction));
    }

    bool connect (jack_client_t* client, const std::string& source, const std::string& destination)
    {
        const int result = jack_connect (client, source.c_str(), destination.c_str());
        return result == 0 || result == EEXIST;
    }
}

std::vector<std::string> connectToPhysicalPorts (jack_client_t* client,
                                                 const std::vector<jack_port_t*>& inputPorts,
                                                 const std::vector<jack_port_t*>& outputPorts,
                                                 const JackPortLayout* namedIn)
{
    auto named = [] (const std::vector<std::string>* names, std::size_t i)
    { return names != nullptr && i < names->size() && ! (*names)[i].empty(); };
    const auto* sources = namedIn != nullptr ? &namedIn->inputSources : nullptr;
    const auto* destinations = namedIn != nullptr ? &namedIn->outputDestinations : nullptr;

    std::vector<std::string> warnings;
    const auto captures = physicalPorts (client, JackPortIsOutput);
    const auto playbacks = physicalPorts (client, JackPortIsInput);

    for (std::size_t i = 0; i < inputPorts.size(); ++i)
    {
        if (inputPorts[i] == nullptr || named (sources, i))
            continue;
        const std::string ours = jack_port_name (inputPorts[i]);
        if (i >= captures.size())
            warnings.push_back ("JACK: " + ours + " uses input channel " + std::to_string (i + 1) + " but the server has "
                                + std::to_string (captures.size()) + " capture port(s); it stays unconnected");
        else if (! connect (client, captures[i], ours))
            warnings.push_back ("JACK: could not connect " + captures[i] + " to " + ours);
    }

    for (std::size_t i = 0; i < outputPorts.size(); ++i)
    {
        if (outputPorts[i] == nullptr || named (destinations, i))
            continue;
        const std::string ours = jack_port_name (outputPorts[i]);
        if (i >= playbacks.size())
            warnings.push_back ("JACK: " + ours + " uses output channel " + std::to_string (i + 1) + " but the server has "
                                + std::to_string (playbacks.size()) + " playback port(s); it stays unconnected");
        else if (! connect (client, ours, playbacks[i]))
            warnings.push_back ("JACK: could not connect " + ours + " to " + playbacks[i]);
    }

    return warnings;
}

std::vector<Connection> namedConnections (const JackPortLayout& layout,
                                          const std::vector<jack_port_t*>& inputPorts,
                                          const std::vector<jack_port_t*>& outputPorts)
{
    std::vector<Connection> wanted;
    for (std::size_t i = 0; i < inputPorts.size() && i < layout.inputSources.size(); ++i)
        if (inputPorts[i] != nullptr && ! layout.inputSources[i].empty())
            wanted.emplace_back (layout.inputSources[i], jack_port_name (inputPorts[i]));
    for (std::size_t i = 0; i < outputPorts.size() && i < layout.outputDestinations.size(); ++i)
        if (outputPorts[i] != nullptr && ! layout.outputDestinations[i].empty())
            wanted.emplace_back (jack_port_name (outputPorts[i]), layout.outputDestinations[i]);
    return wanted;
}

std::vector<Connection> readConnections (jack_client_t* client,
                                         const std::vector<jack_port_t*>& inputPorts,
                                         const std::vector<jack_port_t*>& outputPorts)
{
    std::vector<Connection> connections;

    for (auto* port : inputPorts)
        if (port != nullptr)
            for (auto& other : takeNames (jack_port_get_all_connections (client, port)))
                connections.emplace_back (std::move (other), jack_port_name (port));

    for (auto* port : outputPorts)
        if (port != nullptr)
            for (auto& other : takeNames (jack_port_get_all_connections (client, port)))
                connections.emplace_back (jack_port_name (port), std::move (other));

    return connections;
}

std::vector<Connection> connectWherePossible (jack_client_t* client, const std::vector<Connection>& wanted)
{
    std::vector<Connection> remaining;

    for (const auto& connection : wanted)
    {
        const bool bothExist = jack_port_by_name (client, connection.first.c_str()) != nullptr
                            && jack_port_by_name (client, connection.second.c_str()) != nullptr;
        if (! bothExist || ! connect (client, connection.first, connection.second))
            remaining.push_back (connection);
    }

    return remaining;
}

} // namespace foldback::jackconnections
