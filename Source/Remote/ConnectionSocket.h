#pragma once

struct mg_request_info;

namespace foldback
{

/** The socket descriptor civetweb holds for a connection. civetweb exposes none, but a
    TCP connection is the only socket in the process whose local port is the server's and
    whose peer is the client's address and port, which mg_request_info gives.

    Call it only while the connection is known to be open, from one of its own handlers on
    the worker thread that serves it: then civetweb cannot have closed the descriptor, so
    it cannot be a reused number now naming something else. -1 if none matches. */
int findConnectionSocket (const mg_request_info& request);

} // namespace foldback
