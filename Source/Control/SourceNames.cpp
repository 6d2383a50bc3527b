#include "SourceNames.h"

#include "Session/SessionQueries.h"

#include <algorithm>
#include <cctype>

namespace foldback
{

namespace
{
    std::string folded (const std::string& text)
    {
        auto lower = trimmedName (text);
        std::transform (lower.begin(), lower.end(), lower.begin(), [] (unsigned char c) { return static_cast<char> (std::tolower (c)); });
        return lower;
    }

    StructureEdit checkName (const std::string& name, const std::string& pointer, const std::string& owner)
    {
        if (trimmedName (name).empty())
            return StructureEdit::failed (pointer, "a name is needed");
        if (! owner.empty())
        {
            std::string message = "\"";
            message.append (trimmedName (name)).append ("\" is already the name of ").append (owner);
            return StructureEdit::failed (pointer, message);
        }
        return {};
    }
}

std::string trimmedName (const std::string& text)
{
    const auto first = text.find_first_not_of (" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr (first, text.find_last_not_of (" \t\r\n") - first + 1);
}

StructureEdit checkInputName (const Session& session, const std::string& name, const std::string& pointer, const std::string& exceptId)
{
    std::string owner;
    for (const auto& input : session.inputs)
        if (input.id != exceptId && folded (input.name) == folded (name))
            owner = "input \"" + input.id + "\"";
    for (const auto& track : session.tracks)
        if (track.id != exceptId && folded (track.name) == folded (name))
            owner = "track \"" + track.id + "\"";
    return checkName (name, pointer, owner);
}

StructureEdit checkMixName (const Session& session, const std::string& name, const std::string& pointer, const std::string& exceptId)
{
    std::string owner;
    for (const auto& mix : session.mixes)
        if (mix.id != exceptId && folded (mix.name) == folded (name))
            owner = "mix \"" + mix.id + "\"";
    return checkName (name, pointer, owner);
}

bool isIdTaken (const Session& session, const std::string& id)
{
    return isReservedSourceId (id) || findInput (session, id) != nullptr || findTrack (session, id) != nullptr
           || findMix (session, id) != nullptr;
}

} // namespace foldback
