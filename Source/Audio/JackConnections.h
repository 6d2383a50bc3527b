#pragma once

#include "JackPortLayout.h"

#include <jack/jack.h>

#include <string>
#include <utility>
#include <vector>

namespace foldback::jackconnections
{

/** A connection as JACK names it: from an output port to an input port, full names. */
using Connection = std::pair<std::string, std::string>;

/** Connects input channel N from the Nth physical capture port and output channel N to
    the Nth physical playback port ("system:capture_N", "system:playback_N" on most
    servers). Returns a warning per port that has no physical partner, naming the port and
    the channel. Channels `namedIn` names a port for are left to namedConnections().
    Message thread; the client must be active. */
std::vector<std::string> connectToPhysicalPorts (jack_client_t* client,
                                                 const std::vector<jack_port_t*>& inputPorts,
                                                 const std::vector<jack_port_t*>& outputPorts,
                                                 const JackPortLayout* namedIn = nullptr);

/** The connections a layout names (inputSources, outputDestinations) for the given ports:
    channel N's named port to or from ours. A channel with a name is left out of the index
    rule (pass `named` to connectToPhysicalPorts' callers to skip it). Message thread. */
std::vector<Connection> namedConnections (const JackPortLayout& layout,
                                          const std::vector<jack_port_t*>& inputPorts,
                                          const std::vector<jack_port_t*>& outputPorts);

/** Every connection of the given ports right now. Message thread. */
std::vector<Connection> readConnections (jack_client_t* client,
                                         const std::vector<jack_port_t*>& inputPorts,
                                         const std::vector<jack_port_t*>& outputPorts);

/** Makes the connections whose ports both exist; returns the others, to retry later
    (another client may not have registered its ports yet). Message thread. */
std::vector<Connection> connectWherePossible (jack_client_t* client, const std::vector<Connection>& wanted);

} // namespace foldback::jackconnections
