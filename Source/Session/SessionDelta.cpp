#include "SessionDelta.h"

#include "SessionQueries.h"

#include <algorithm>
#include <map>
#include <type_traits>

namespace foldback
{

namespace
{
    // mixSettingsOf copies a mix's own fields one by one (copying the whole mix would copy
    // its sends too, on every edit): a field added to CueMix must be added there as well.
    static_assert (sizeof (CueMix) == 272, "CueMix has changed: update mixSettingsOf and putMixSettings");

    /** A mix without its sends and performer layer: what a mixSettings part holds. */
    CueMix mixSettingsOf (const CueMix& mix)
    {
        CueMix settings;
        settings.id = mix.id;
        settings.name = mix.name;
        settings.outputs = mix.outputs;
        settings.masterDb = mix.masterDb;
        settings.limiterCeilingDb = mix.limiterCeilingDb;
        settings.clickMode = mix.clickMode;
        settings.remote = mix.remote;
        return settings;
    }

    void putMixSettings (CueMix& mix, const CueMix& settings)
    {
        mix.name = settings.name;
        mix.outputs = settings.outputs;
        mix.masterDb = settings.masterDb;
        mix.limiterCeilingDb = settings.limiterCeilingDb;
        mix.clickMode = settings.clickMode;
        mix.remote = settings.remote;
    }

    bool sameMixSettings (const CueMix& a, const CueMix& b)
    {
        return a.name == b.name && a.outputs == b.outputs && a.masterDb == b.masterDb && a.limiterCeilingDb == b.limiterCeilingDb
               && a.clickMode == b.clickMode && a.remote == b.remote;
    }

    bool sameMixIds (const std::vector<CueMix>& a, const std::vector<CueMix>& b)
    {
        return a.size() == b.size() && std::equal (a.begin(), a.end(), b.begin(), [] (const CueMix& x, const CueMix& y) { return x.id == y.id; });
    }

    //==============================================================================
    // Heap bytes, from the containers' sizes: an estimate, but one that grows with what is held.

    constexpr std::size_t mapNodeOverhead = 32; // libstdc++'s red-black tree node header

    std::size_t heapBytes (const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }
    std::size_t heapBytes (double) { return 0; }
    std::size_t heapBytes (int) { return 0; }
    template <typename E>
        requires std::is_enum_v<E>
    std::size_t heapBytes (const E&) { return 0; }   // the schema's enums own no heap

    std::size_t heapBytes (const SendSettings&) { return 0; }
    std::size_t heapBytes (const PerformerSendOffset&) { return 0; }
    std::size_t heapBytes (const TempoChange&) { return 0; }
    std::size_t heapBytes (const TransportSettings&) { return 0; }
    std::size_t heapBytes (const LiveInput& input);
    std::size_t heapBytes (const BackingTrack& track);
    std::size_t heapBytes (const CueMix& mix);

    template <typename T>
    std::size_t heapBytes (const std::vector<T>& items)
    {
        std::size_t total = items.capacity() * sizeof (T);
        for (const auto& item : items)
            total += heapBytes (item);
        return total;
    }

    template <typename V>
    std::size_t heapBytes (const std::map<std::string, V>& items)
    {
        std::size_t total = items.size() * (mapNodeOverhead + sizeof (std::pair<const std::string, V>));
        for (const auto& [key, value] : items)
            total += heapBytes (key) + heapBytes (value);
        return total;
    }

    std::size_t heapBytes (const LiveInput& input) { return heapBytes (input.id) + heapBytes (input.name) + heapBytes (input.channels); }
    std::size_t heapBytes (const BackingTrack& track) { return heapBytes (track.id) + heapBytes (track.name) + heapBytes (track.file); }
    std::size_t heapBytes (const AudioSettings& a) { return heapBytes (a.deviceType) + heapBytes (a.inputDevice) + heapBytes (a.outputDevice); }
    std::size_t heapBytes (const ClickSettings& c) { return heapBytes (c.tempoMap) + heapBytes (c.sound) + heapBytes (c.customFile) + heapBytes (c.subdivision); }
    std::size_t heapBytes (const TalkbackSettings& t) { return heapBytes (t.channels); }
    std::size_t heapBytes (const MonitorSettings& m) { return heapBytes (m.outputs); }
    std::size_t heapBytes (const RemoteSettings& r) { return heapBytes (r.address) + heapBytes (r.engineerToken); }
    std::size_t heapBytes (const MixRemoteAccess& r) { return heapBytes (r.token) + heapBytes (r.allow); }

    std::size_t heapBytes (const CueMix& mix)
    {
        return heapBytes (mix.id) + heapBytes (mix.name) + heapBytes (mix.outputs) + heapBytes (mix.clickMode) + heapBytes (mix.sends)
               + heapBytes (mix.performer.sends) + heapBytes (mix.remote);
    }

    std::size_t heapBytes (std::monostate) { return 0; }
}

//==============================================================================
SessionDelta SessionDelta::between (const Session& before, const Session& after)
{
    SessionDelta delta;
    auto section = [&delta] (Kind kind, const auto& a, const auto& b)
    {
        if (! (a == b))
            delta.add ({ kind, {}, {}, a, b });
    };

    section (Kind::name, before.name, after.name);
    section (Kind::audio, before.audio, after.audio);
    section (Kind::inputs, before.inputs, after.inputs);
    section (Kind::tracks, before.tracks, after.tracks);
    section (Kind::click, before.click, after.click);
    section (Kind::talkback, before.talkback, after.talkback);
    section (Kind::transport, before.transport, after.transport);
    section (Kind::monitor, before.monitor, after.monitor);
    section (Kind::remote, before.remote, after.remote);

    if (! sameMixIds (before.mixes, after.mixes))
    {
        delta.add ({ Kind::mixes, {}, {}, before.mixes, after.mixes });
        return delta;
    }

    // Two maps keyed by source id, walked together: a part for every key whose value differs.
    auto eachDifference = [] (const auto& a, const auto& b, auto&& differs)
    {
        auto x = a.begin();
        auto y = b.begin();
        while (x != a.end() || y != b.end())
        {
            if (y == b.end() || (x != a.end() && x->first < y->first))
                differs (x->first, Value { x->second }, Value {}), ++x;
            else if (x == a.end() || y->first < x->first)
                differs (y->first, Value {}, Value { y->second }), ++y;
            else
            {
                if (! (x->second == y->second))
                    differs (x->first, Value { x->second }, Value { y->second });
                ++x, ++y;
            }
        }
    };

    for (std::size_t i = 0; i < before.mixes.size(); ++i)
    {
        const auto& a = before.mixes[i];
        const auto& b = after.mixes[i];
        if (a == b)
            continue;

        if (! sameMixSettings (a, b))
            delta.add ({ Kind::mixSettings, a.id, {}, mixSettingsOf (a), mixSettingsOf (b) });
        eachDifference (a.sends, b.sends, [&] (const std::string& sourceId, Value was, Value is)
                        { delta.add ({ Kind::send, a.id, sourceId, std::move (was), std::move (is) }); });
        if (a.performer.masterOffsetDb != b.performer.masterOffsetDb)
            delta.add ({ Kind::performerMaster, a.id, {}, a.performer.masterOffsetDb, b.performer.masterOffsetDb });
        eachDifference (a.performer.sends, b.performer.sends, [&] (const std::string& sourceId, Value was, Value is)
                        { delta.add ({ Kind::performerSend, a.id, sourceId, std::move (was), std::move (is) }); });
    }
    return delta;
}

void SessionDelta::applyForward (Session& session) const
{
    for (const auto& part : parts)
        put (session, part, part.after);
}

void SessionDelta::applyBackward (Session& session) const
{
    for (auto part = parts.rbegin(); part != parts.rend(); ++part)
        put (session, *part, part->before);
}

void SessionDelta::append (const SessionDelta& later)
{
    // Parts with different keys touch different values, so a later part with the key of an
    // earlier one can simply take over its "after". Not across a change of the mix list:
    // there a mix's part and the whole list overlap, so the parts are kept in order.
    auto touchesMixList = [] (const SessionDelta& d)
    {
        return std::any_of (d.parts.begin(), d.parts.end(), [] (const Part& p) { return p.kind == Kind::mixes; });
    };
    const bool inOrder = touchesMixList (*this) || touchesMixList (later);

    for (const auto& next : later.parts)
    {
        auto same = inOrder ? parts.end()
                            : std::find_if (parts.begin(), parts.end(), [&next] (const Part& p)
                                            { return p.kind == next.kind && p.mixId == next.mixId && p.sourceId == next.sourceId; });
        if (same == parts.end())
        {
            add (next);
            continue;
        }
        bytes -= bytesOf (*same);
        same->after = next.after;
        bytes += bytesOf (*same);
    }
}

std::pair<Session, Session> SessionDelta::sketches() const
{
    Session after;
    after.mixes.clear();
    for (const auto& part : parts)
    {
        if (isMixPart (part.kind) && findMix (after, part.mixId) == nullptr)
        {
            CueMix mix;
            mix.id = part.mixId;
            after.mixes.push_back (mix);
        }
        put (after, part, part.after);
    }

    Session before = after;
    applyBackward (before);
    return { std::move (before), std::move (after) };
}

void SessionDelta::put (Session& session, const Part& part, const Value& value)
{
    switch (part.kind)
    {
        case Kind::name:      session.name = std::get<std::string> (value); return;
        case Kind::audio:     session.audio = std::get<AudioSettings> (value); return;
        case Kind::inputs:    session.inputs = std::get<std::vector<LiveInput>> (value); return;
        case Kind::tracks:    session.tracks = std::get<std::vector<BackingTrack>> (value); return;
        case Kind::click:     session.click = std::get<ClickSettings> (value); return;
        case Kind::talkback:  session.talkback = std::get<TalkbackSettings> (value); return;
        case Kind::transport: session.transport = std::get<TransportSettings> (value); return;
        case Kind::mixes:     session.mixes = std::get<std::vector<CueMix>> (value); return;
        case Kind::monitor:   session.monitor = std::get<MonitorSettings> (value); return;
        case Kind::remote:    session.remote = std::get<RemoteSettings> (value); return;
        default: break;
    }

    auto* mix = findMix (session, part.mixId);
    if (mix == nullptr)
        return; // only on a session this delta was not taken from

    switch (part.kind)
    {
        case Kind::mixSettings:
            putMixSettings (*mix, std::get<CueMix> (value));
            return;
        case Kind::send:
            if (std::holds_alternative<std::monostate> (value))
                mix->sends.erase (part.sourceId);
            else
                mix->sends[part.sourceId] = std::get<SendSettings> (value);
            return;
        case Kind::performerSend:
            if (std::holds_alternative<std::monostate> (value))
                mix->performer.sends.erase (part.sourceId);
            else
                mix->performer.sends[part.sourceId] = std::get<PerformerSendOffset> (value);
            return;
        case Kind::performerMaster:
            mix->performer.masterOffsetDb = std::get<double> (value);
            return;
        default:
            return;
    }
}

std::size_t SessionDelta::bytesOf (const Part& part)
{
    auto valueBytes = [] (const Value& value) { return std::visit ([] (const auto& v) { return heapBytes (v); }, value); };
    return sizeof (Part) + heapBytes (part.mixId) + heapBytes (part.sourceId) + valueBytes (part.before) + valueBytes (part.after);
}

void SessionDelta::add (Part part)
{
    bytes += bytesOf (part);
    parts.push_back (std::move (part));
}

} // namespace foldback
