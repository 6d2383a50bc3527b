#pragma once

#include "RemoteChange.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace foldback
{

/** Validated changes from network threads waiting for the message thread. Latest value
    wins per client and control, so a flood of fader moves collapses into one value per
    fader however many arrive; the map never holds more than one entry per (client, mix,
    source, control), so memory is bounded by what exists, not by what was sent.

    Network threads push; the message thread takes. Never touched by the audio thread. */
class PendingRemoteChanges
{
public:
    struct Entry
    {
        std::string client;   ///< for the audit list: "singer (web 192.168.1.23)"
        RemoteChange change;
        std::uint64_t order = 0;
    };

    void push (const std::string& client, const RemoteChange& change);

    /** Everything pending, in arrival order of each entry's first push. */
    std::vector<Entry> takeAll();

    /** Messages dropped by rate limits or refused, for the status line. */
    void countRejected() { const std::scoped_lock lock (mutex); ++rejected; }
    std::uint64_t getRejectedCount() const { const std::scoped_lock lock (mutex); return rejected; }

private:
    using Key = std::tuple<std::string, std::string, std::string, int, bool>;
    mutable std::mutex mutex;
    std::map<Key, Entry> pending;
    std::uint64_t nextOrder = 0;
    std::uint64_t rejected = 0;
};

} // namespace foldback
