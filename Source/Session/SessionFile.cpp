#include "SessionFile.h"

#include "SessionValidation.h"
#include "Utf8.h"

#include "AtomicFile.h"
#include "RegularFile.h"

namespace foldback
{

namespace
{
    /** Reads the whole session file, or returns why not. */
    std::string readWholeFile (const std::string& path, std::string& text)
    {
        auto problem = readWholeRegularFile (path, maxSessionFileBytes, text);
        if (problem == "is a folder, not a file")
            return "is a directory, not a session file";
        if (problem.rfind ("is larger than", 0) == 0)
            return problem + "; not a session file";
        return problem;
    }

    bool holdsRemoteTokens (const Session& session)
    {
        if (! session.remote.engineerToken.empty())
            return true;
        for (const auto& mix : session.mixes)
            if (! mix.remote.token.empty())
                return true;
        return false;
    }
}

SessionParseResult loadSessionFile (const std::string& path)
{
    SessionParseResult result;
    std::string text;

    if (const auto problem = readWholeFile (path, text); ! problem.empty())
    {
        result.errors.push_back ({ path, {}, problem });
        return result;
    }

    if (const auto badByte = findInvalidUtf8 (text))
    {
        result.errors.push_back ({ path, {}, "is not UTF-8 text (invalid byte at offset " + std::to_string (*badByte) + ")" });
        return result;
    }

    return parseSessionJson (text, path);
}

bool saveSessionFile (const Session& session, const std::string& path, std::string& errorMessage)
{
    if (const auto errors = validateSession (session, path); ! errors.empty())
    {
        errorMessage = errors.front().toString() + " (not saved)";
        return false;
    }

    // A remote token is a password to a performer's mix: a file holding one is the owner's alone.
    AtomicWriteOptions options;
    options.ownerOnly = holdsRemoteTokens (session);
    return writeFileAtomically (path, sessionToJson (session), options, errorMessage);
}

} // namespace foldback
