#include "MixEdits.h"

#include "Control/SourceNames.h"
#include "Session/SessionIds.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace foldback
{

namespace
{
    constexpr double clickInNewMixDb = -12.0; // as Session > New (StarterSession.h)

    std::string mixPointer (int index) { return "/mixes/" + std::to_string (index); }

    StructureEdit noSuchMix (const std::string& id) { return StructureEdit::failed ("/mixes", "no mix \"" + id + "\""); }

    StructureEdit apply (SessionDocument& document, const std::string& description, const std::function<void (Session&)>& change,
                         const std::string& coalesceKey = {})
    {
        return { document.edit (description, change, EditOrigin {}, coalesceKey), {} };
    }
}

std::vector<int> firstFreeOutputs (const Session& session, bool stereo)
{
    std::set<int> used (session.monitor.outputs.begin(), session.monitor.outputs.end());
    for (const auto& mix : session.mixes)
        used.insert (mix.outputs.begin(), mix.outputs.end());

    if (! stereo)
    {
        int channel = 1;
        while (used.count (channel) != 0)
            ++channel;
        return { channel };
    }
    int first = 1;
    while (used.count (first) != 0 || used.count (first + 1) != 0)
        first += 2;
    return { first, first + 1 };
}

StructureEdit addMix (SessionDocument& document, const std::string& name, const std::vector<int>& outputs)
{
    const auto& session = document.getSession();
    const auto where = mixPointer (static_cast<int> (session.mixes.size()));
    if (auto refused = checkMixName (session, name, where + "/name"); ! refused.ok())
        return refused;

    CueMix mix;
    mix.name = trimmedName (name);
    mix.id = makeUniqueId (mix.name, "mix", [&session] (const std::string& id) { return isIdTaken (session, id); });
    mix.outputs = outputs;
    SendSettings click;
    click.gainDb = clickInNewMixDb;
    mix.sends[std::string (clickSourceId)] = click;
    if (hasTalkback (session))
        mix.sends[std::string (talkbackSourceId)] = SendSettings {};

    auto result = apply (document, "Add mix " + mix.name, [&mix] (Session& s) { s.mixes.push_back (mix); });
    if (result.ok())
        result.id = mix.id;
    return result;
}

StructureEdit removeMix (SessionDocument& document, const std::string& mixId)
{
    const auto index = indexOfMix (document.getSession(), mixId);
    if (index < 0)
        return noSuchMix (mixId);
    const auto name = document.getSession().mixes[static_cast<std::size_t> (index)].name;
    return apply (document, "Remove mix " + name, [index] (Session& s) { s.mixes.erase (s.mixes.begin() + index); });
}

StructureEdit renameMix (SessionDocument& document, const std::string& mixId, const std::string& name)
{
    const auto index = indexOfMix (document.getSession(), mixId);
    if (index < 0)
        return noSuchMix (mixId);
    if (auto refused = checkMixName (document.getSession(), name, mixPointer (index) + "/name", mixId); ! refused.ok())
        return refused;
    const auto newName = trimmedName (name);
    return apply (document, "Rename mix " + mixId + " to " + newName,
                  [index, &newName] (Session& s) { s.mixes[static_cast<std::size_t> (index)].name = newName; });
}

StructureEdit moveMix (SessionDocument& document, const std::string& mixId, int steps)
{
    const auto index = indexOfMix (document.getSession(), mixId);
    if (index < 0)
        return noSuchMix (mixId);
    const int target = std::clamp (index + steps, 0, static_cast<int> (document.getSession().mixes.size()) - 1);
    if (target == index)
        return {};
    return apply (document, "Move mix " + mixId + (target < index ? " up" : " down"), [index, target] (Session& s)
                  {
                      auto mix = s.mixes[static_cast<std::size_t> (index)];
                      s.mixes.erase (s.mixes.begin() + index);
                      s.mixes.insert (s.mixes.begin() + target, std::move (mix));
                  });
}

StructureEdit setMixOutputs (SessionDocument& document, const std::string& mixId, const std::vector<int>& outputs)
{
    const auto index = indexOfMix (document.getSession(), mixId);
    if (index < 0)
        return noSuchMix (mixId);
    return apply (document, "Set mix " + mixId + " on output" + (outputs.size() == 2 ? "s " : " ") + StructureEdit::channelText (outputs),
                  [index, &outputs] (Session& s) { s.mixes[static_cast<std::size_t> (index)].outputs = outputs; });
}

StructureEdit setMixCeiling (SessionDocument& document, const std::string& mixId, double ceilingDb)
{
    const auto index = indexOfMix (document.getSession(), mixId);
    if (index < 0)
        return noSuchMix (mixId);
    char text[32];
    std::snprintf (text, sizeof (text), "%.1f", ceilingDb);
    return apply (document, "Set mix " + mixId + " ceiling to " + text + " dBFS",
                  [index, ceilingDb] (Session& s) { s.mixes[static_cast<std::size_t> (index)].limiterCeilingDb = ceilingDb; },
                  "ceiling " + mixId);
}

} // namespace foldback
