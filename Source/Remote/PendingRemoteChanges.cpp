#include "PendingRemoteChanges.h"

#include <algorithm>

namespace foldback
{

void PendingRemoteChanges::push (const std::string& client, const RemoteChange& change)
{
    const std::scoped_lock lock (mutex);
    const Key key { client, change.mixId, change.sourceId, static_cast<int> (change.control), change.engineerLevel };
    const auto [entry, inserted] = pending.try_emplace (key, Entry { client, change, nextOrder });
    if (inserted)
        ++nextOrder;
    else
        entry->second.change = change;
}

std::vector<PendingRemoteChanges::Entry> PendingRemoteChanges::takeAll()
{
    std::map<Key, Entry> taken;
    {
        const std::scoped_lock lock (mutex);
        taken.swap (pending);
    }

    std::vector<Entry> entries;
    entries.reserve (taken.size());
    for (auto& [key, entry] : taken)
        entries.push_back (std::move (entry));
    std::sort (entries.begin(), entries.end(), [] (const Entry& a, const Entry& b) { return a.order < b.order; });
    return entries;
}

} // namespace foldback
