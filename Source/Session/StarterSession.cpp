#include "StarterSession.h"

#include "SessionIds.h"
#include "SessionQueries.h"

#include <algorithm>

namespace foldback
{

namespace
{
    constexpr double clickInStarterMixDb = -12.0;

    std::string trimmed (const std::string& text)
    {
        const auto first = text.find_first_not_of (" \t\r\n");
        if (first == std::string::npos)
            return {};
        return text.substr (first, text.find_last_not_of (" \t\r\n") - first + 1);
    }
}

std::vector<std::string> parsePerformerNames (const std::string& text)
{
    std::vector<std::string> names;
    std::string current;
    for (const char c : text + "\n")
    {
        if (c == ',' || c == '\n')
        {
            if (auto name = trimmed (current); ! name.empty() && names.size() < maxStarterPerformers)
                names.push_back (std::move (name));
            current.clear();
        }
        else
        {
            current += c;
        }
    }
    return names;
}

Session makeStarterSession (const std::vector<std::string>& performerNames, const AudioSettings& device)
{
    auto names = performerNames;
    if (names.empty())
        names.push_back ("Performer 1");
    if (names.size() > maxStarterPerformers)
        names.resize (maxStarterPerformers);

    Session session;
    session.audio = device;

    const auto isTaken = [&session] (const std::string& id)
    {
        return isReservedSourceId (id) || findInput (session, id) != nullptr || findMix (session, id) != nullptr;
    };

    for (std::size_t k = 0; k < names.size(); ++k)
    {
        const int number = static_cast<int> (k) + 1;

        CueMix mix;
        mix.name = names[k];
        mix.id = makeUniqueId (names[k], "mix" + std::to_string (number), isTaken);
        mix.outputs = { 2 * number - 1, 2 * number };
        session.mixes.push_back (mix);

        LiveInput mic;
        mic.name = names[k] + " mic";
        mic.id = makeUniqueId (mix.id + "-mic", "mic" + std::to_string (number), isTaken);
        mic.channels = { number };
        session.inputs.push_back (mic);

        auto& sends = session.mixes.back().sends;
        sends[mic.id] = SendSettings {};
        SendSettings click;
        click.gainDb = clickInStarterMixDb;
        sends["click"] = click;
        sends["talkback"] = SendSettings {}; // the engineer is heard by everyone
    }

    session.talkback.channels = { static_cast<int> (names.size()) + 1 };
    return session;
}

} // namespace foldback
