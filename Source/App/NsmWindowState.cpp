#include "NsmWindowState.h"

#include "Session/AtomicFile.h"
#include "Session/RegularFile.h"

#include <nlohmann/json.hpp>

namespace foldback::nsmWindowState
{

std::string pathFor (const std::string& sessionPath)
{
    constexpr std::string_view extension = ".json";
    const bool hasExtension = sessionPath.size() >= extension.size()
                              && sessionPath.compare (sessionPath.size() - extension.size(), extension.size(), extension) == 0;
    return (hasExtension ? sessionPath.substr (0, sessionPath.size() - extension.size()) : sessionPath) + ".window.json";
}

bool readShown (const std::string& sessionPath)
{
    std::string text;
    if (! readWholeRegularFile (pathFor (sessionPath), 4096, text).empty())
        return true;
    const auto state = nlohmann::json::parse (text, nullptr, false);
    if (! state.is_object() || ! state.contains ("shown") || ! state["shown"].is_boolean())
        return true;
    return state["shown"].get<bool>();
}

bool writeShown (const std::string& sessionPath, bool shown, std::string& error)
{
    const nlohmann::json state { { "shown", shown } };
    return writeFileAtomically (pathFor (sessionPath), state.dump() + "\n", {}, error);
}

} // namespace foldback::nsmWindowState
