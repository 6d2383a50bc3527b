#include "InputEdits.h"

#include "Control/SourceNames.h"
#include "Session/SessionIds.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <set>

namespace foldback
{

namespace
{
    int indexOfInput (const Session& session, const std::string& id)
    {
        for (std::size_t i = 0; i < session.inputs.size(); ++i)
            if (session.inputs[i].id == id)
                return static_cast<int> (i);
        return -1;
    }

    std::string inputPointer (int index) { return "/inputs/" + std::to_string (index); }

    StructureEdit noSuchInput (const std::string& id) { return StructureEdit::failed ("/inputs", "no input \"" + id + "\""); }

    StructureEdit apply (SessionDocument& document, const std::string& description, const std::function<void (Session&)>& change)
    {
        return { document.edit (description, change), {} };
    }
}

int firstFreeInputChannel (const Session& session)
{
    std::set<int> used (session.talkback.channels.begin(), session.talkback.channels.end());
    for (const auto& input : session.inputs)
        used.insert (input.channels.begin(), input.channels.end());
    int channel = 1;
    while (used.count (channel) != 0)
        ++channel;
    return channel;
}

StructureEdit addInput (SessionDocument& document, const std::string& name, const std::vector<int>& channels)
{
    const auto& session = document.getSession();
    const auto where = inputPointer (static_cast<int> (session.inputs.size()));
    if (auto refused = checkInputName (session, name, where + "/name"); ! refused.ok())
        return refused;

    LiveInput input;
    input.name = trimmedName (name);
    input.id = makeUniqueId (input.name, "input", [&session] (const std::string& id) { return isIdTaken (session, id); });
    input.channels = channels;
    auto result = apply (document, "Add input " + input.name, [&input] (Session& s) { s.inputs.push_back (input); });
    if (result.ok())
        result.id = input.id;
    return result;
}

StructureEdit removeInput (SessionDocument& document, const std::string& inputId)
{
    const auto index = indexOfInput (document.getSession(), inputId);
    if (index < 0)
        return noSuchInput (inputId);
    const auto name = document.getSession().inputs[static_cast<std::size_t> (index)].name;
    return apply (document, "Remove input " + name, [index, &inputId] (Session& s)
                  {
                      s.inputs.erase (s.inputs.begin() + index);
                      for (auto& mix : s.mixes)
                          mix.sends.erase (inputId); // the document prunes the performers' offsets with them
                  });
}

StructureEdit renameInput (SessionDocument& document, const std::string& inputId, const std::string& name)
{
    const auto index = indexOfInput (document.getSession(), inputId);
    if (index < 0)
        return noSuchInput (inputId);
    if (auto refused = checkInputName (document.getSession(), name, inputPointer (index) + "/name", inputId); ! refused.ok())
        return refused;
    const auto newName = trimmedName (name);
    return apply (document, "Rename input " + inputId + " to " + newName,
                  [index, &newName] (Session& s) { s.inputs[static_cast<std::size_t> (index)].name = newName; });
}

StructureEdit moveInput (SessionDocument& document, const std::string& inputId, int steps)
{
    const auto index = indexOfInput (document.getSession(), inputId);
    if (index < 0)
        return noSuchInput (inputId);
    const int last = static_cast<int> (document.getSession().inputs.size()) - 1;
    const int target = std::clamp (index + steps, 0, last);
    if (target == index)
        return {};
    return apply (document, "Move input " + inputId + (target < index ? " up" : " down"), [index, target] (Session& s)
                  {
                      auto input = s.inputs[static_cast<std::size_t> (index)];
                      s.inputs.erase (s.inputs.begin() + index);
                      s.inputs.insert (s.inputs.begin() + target, std::move (input));
                  });
}

StructureEdit setInputChannels (SessionDocument& document, const std::string& inputId, const std::vector<int>& channels)
{
    const auto index = indexOfInput (document.getSession(), inputId);
    if (index < 0)
        return noSuchInput (inputId);
    const auto text = StructureEdit::channelText (channels);
    return apply (document, "Set input " + inputId + " on " + (channels.size() == 2 ? "channels " : "channel ") + text,
                  [index, &channels] (Session& s) { s.inputs[static_cast<std::size_t> (index)].channels = channels; });
}

StructureEdit setSourceColour (SessionDocument& document, const std::string& sourceId, const std::string& colour)
{
    const auto& session = document.getSession();
    const auto description = "Colour " + sourceId + " " + (colour.empty() ? std::string ("default") : colour);
    if (const auto index = indexOfInput (session, sourceId); index >= 0)
        return apply (document, description, [index, &colour] (Session& s) { s.inputs[static_cast<std::size_t> (index)].colour = colour; });
    for (std::size_t i = 0; i < session.tracks.size(); ++i)
        if (session.tracks[i].id == sourceId)
            return apply (document, description, [i, &colour] (Session& s) { s.tracks[i].colour = colour; });
    return StructureEdit::failed ("/inputs", "no input or track \"" + sourceId + "\"");
}

} // namespace foldback
