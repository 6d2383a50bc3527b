#include "SessionMigration.h"

#include "JsonPointer.h"
#include "Session.h"
#include "SessionErrorText.h"

#include <array>
#include <cmath>

namespace foldback
{

namespace
{
    using json = nlohmann::json;

    struct MigrationContext
    {
        const std::string& fileName;
        std::vector<SessionError>& errors;

        void fail (std::string pointer, std::string message)
        {
            errors.push_back ({ fileName, std::move (pointer), std::move (message) });
        }
    };

    /** Version 0 wrote a mix's sends as an array of objects naming their source, and its
        limiter ceiling as "limiter": { "ceilingDb": ... }. Version 1 keys sends by source
        id and has "limiterCeilingDb" on the mix. */
    void migrateSendsFromVersion0 (json& mix, const std::string& where, MigrationContext& context)
    {
        auto found = mix.find ("sends");

        if (found == mix.end())
            return;

        if (! found->is_array())
        {
            context.fail (where + "/sends", "must be an array in a version 0 session, got " + errorText::describe (*found));
            return;
        }

        auto sends = json::object();

        for (std::size_t i = 0; i < found->size(); ++i)
        {
            auto send = (*found)[i];
            const auto sendPointer = appendToPointer (where + "/sends", i);

            if (! send.is_object())
            {
                context.fail (sendPointer, "must be an object, got " + errorText::describe (send));
                continue;
            }

            const auto source = send.find ("source");

            if (source == send.end())
            {
                context.fail (sendPointer + "/source", "required key 'source' is missing");
                continue;
            }

            if (! source->is_string())
            {
                context.fail (sendPointer + "/source", "must be a string, got " + errorText::describe (*source));
                continue;
            }

            const auto sourceId = source->get<std::string>();
            send.erase ("source");

            if (sends.contains (sourceId))
            {
                context.fail (sendPointer + "/source", "duplicate send from source " + errorText::inQuotes (sourceId));
                continue;
            }

            sends[sourceId] = std::move (send);
        }

        *found = std::move (sends);
    }

    void migrateLimiterFromVersion0 (json& mix, const std::string& where, MigrationContext& context)
    {
        auto limiter = mix.find ("limiter");

        if (limiter == mix.end())
            return;

        const auto limiterPointer = where + "/limiter";

        if (! limiter->is_object())
        {
            context.fail (limiterPointer, "must be an object, got " + errorText::describe (*limiter));
            return;
        }

        if (mix.contains ("limiterCeilingDb"))
        {
            context.fail (where + "/limiterCeilingDb", "a version 0 session sets the ceiling in \"limiter\", not here");
            return;
        }

        for (const auto& item : limiter->items())
        {
            if (item.key() != "ceilingDb")
            {
                context.fail (appendToPointer (limiterPointer, item.key()), "unknown key " + errorText::inQuotes (item.key())
                                                                                  + errorText::didYouMean (item.key(), { "ceilingDb" }));
                return;
            }
        }

        if (limiter->contains ("ceilingDb"))
        {
            auto ceiling = (*limiter)["ceilingDb"];
            mix.erase ("limiter");
            mix["limiterCeilingDb"] = std::move (ceiling);
        }
        else
        {
            mix.erase ("limiter");
        }
    }

    void migrateVersion0To1 (json& document, MigrationContext& context)
    {
        auto mixes = document.find ("mixes");

        // Anything but an array of objects is left alone for the reader to report.
        if (mixes == document.end() || ! mixes->is_array())
            return;

        for (std::size_t i = 0; i < mixes->size(); ++i)
        {
            auto& mix = (*mixes)[i];

            if (! mix.is_object())
                continue;

            const auto where = appendToPointer ("/mixes", i);
            migrateSendsFromVersion0 (mix, where, context);
            migrateLimiterFromVersion0 (mix, where, context);
        }
    }

    /** Version 1 had "solo" on each send: solo in place, within that mix, so its performer
        heard only the soloed sends (and talkback, which solo never muted). Version 2 has no
        solo in a mix: solo is the engineer's, on the LISTEN outputs. So that a performer
        hears after migration exactly what they heard before, a mix with a soloed send has
        every send that was not soloed muted (talkback apart); every "solo" key goes. */
    void migrateSoloFromVersion1 (json& mix, const std::string& where, MigrationContext& context)
    {
        auto sends = mix.find ("sends");

        // Anything but an object of objects is left alone for the reader to report.
        if (sends == mix.end() || ! sends->is_object())
            return;

        bool anySolo = false;
        bool valid = true;

        for (const auto& [sourceId, send] : sends->items())
        {
            if (! send.is_object() || ! send.contains ("solo"))
                continue;

            const auto& solo = send["solo"];
            if (! solo.is_boolean())
            {
                context.fail (appendToPointer (appendToPointer (where + "/sends", sourceId), "solo"),
                              "must be true or false, got " + errorText::describe (solo));
                valid = false;
                continue;
            }
            anySolo = anySolo || solo.get<bool>();
        }

        if (! valid)
            return;

        for (auto& [sourceId, send] : sends->items())
        {
            if (! send.is_object())
                continue;

            const bool soloed = send.contains ("solo") && send["solo"].get<bool>();
            if (anySolo && ! soloed && sourceId != "talkback")
                send["mute"] = true;
            send.erase ("solo");
        }
    }

    void migrateVersion1To2 (json& document, MigrationContext& context)
    {
        auto mixes = document.find ("mixes");

        if (mixes == document.end() || ! mixes->is_array())
            return;

        for (std::size_t i = 0; i < mixes->size(); ++i)
            if (auto& mix = (*mixes)[i]; mix.is_object())
                migrateSoloFromVersion1 (mix, appendToPointer ("/mixes", i), context);
    }

    using MigrationStep = void (*) (json&, MigrationContext&);

    /** steps[n] turns version (oldest + n) into version (oldest + n + 1). */
    constexpr std::array<MigrationStep, 2> steps { migrateVersion0To1, migrateVersion1To2 };

    static_assert (steps.size() == Session::currentVersion - oldestSupportedSessionVersion,
                   "every version needs a migration step to the next");

    std::string supportedVersions()
    {
        return "this Foldback reads versions " + std::to_string (oldestSupportedSessionVersion)
             + " to " + std::to_string (Session::currentVersion);
    }
}

std::vector<SessionError> migrateSessionDocument (json& document, const std::string& fileName)
{
    std::vector<SessionError> errors;
    MigrationContext context { fileName, errors };

    if (! document.is_object())
    {
        context.fail ({}, "the top level must be a JSON object, got " + errorText::describe (document));
        return errors;
    }

    const auto found = document.find ("version");

    if (found == document.end())
    {
        context.fail ("/version", "required key 'version' is missing; " + supportedVersions());
        return errors;
    }

    const bool wholeNumber = found->is_number_integer()
                              || (found->is_number_float() && std::trunc (found->get<double>()) == found->get<double>());

    if (! wholeNumber)
    {
        context.fail ("/version", "must be an integer, got " + errorText::describe (*found));
        return errors;
    }

    const auto version = found->get<double>();

    if (version > Session::currentVersion)
    {
        context.fail ("/version", "written by a newer Foldback (session version " + errorText::describe (*found)
                                      + "); " + supportedVersions());
        return errors;
    }

    if (version < oldestSupportedSessionVersion)
    {
        context.fail ("/version", "unknown session version " + errorText::describe (*found) + "; " + supportedVersions());
        return errors;
    }

    for (auto from = static_cast<int> (version); from < Session::currentVersion; ++from)
    {
        steps[static_cast<std::size_t> (from - oldestSupportedSessionVersion)] (document, context);

        if (! errors.empty())
            return errors;

        document["version"] = from + 1;
    }

    document["version"] = Session::currentVersion;
    return errors;
}

} // namespace foldback
