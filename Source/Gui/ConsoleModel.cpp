#include "ConsoleModel.h"

#include "Session/PlanCompiler.h"
#include "Session/SessionQueries.h"

#include <algorithm>
#include <cmath>

namespace foldback
{

ConsoleModel::ConsoleModel (SessionDocument& documentToEdit, Engine& engineToRead)
    : document (documentToEdit), engine (engineToRead), alive (std::make_shared<ConsoleModel*> (this))
{
    // The document keeps its listeners forever: hold only a weak reference to this model.
    std::weak_ptr<ConsoleModel*> guard = alive;
    document.addListener ([guard]
                          {
                              if (auto model = guard.lock())
                                  (*model)->notifyListeners();
                          });
}

ConsoleModel::~ConsoleModel() = default;

void ConsoleModel::notifyListeners()
{
    // A listener may remove itself or others when told (a view rebuilding its strips):
    // tell only those still registered.
    const auto snapshot = listeners;
    for (auto* listener : snapshot)
        if (std::find (listeners.begin(), listeners.end(), listener) != listeners.end())
            listener->sessionChanged();
}

bool ConsoleModel::edit (const std::string& description, const std::function<void (Session&)>& change,
                         const std::string& coalesceKey)
{
    const auto errors = document.edit (description, change, {}, coalesceKey);
    if (errors.empty())
        return true;

    juce::StringArray lines;
    for (const auto& error : errors)
        lines.add (error.pointer.empty() ? juce::String (error.message) : juce::String (error.pointer + ": " + error.message));
    notice (juce::String (description) + " was not applied:\n" + lines.joinIntoString ("\n"));

    // The control that made the edit still shows the rejected value: put it back.
    notifyListeners();
    return false;
}

bool ConsoleModel::editSend (const std::string& mixId, const std::string& sourceId, const std::string& description,
                             const std::function<void (SendSettings&)>& change, const std::string& coalesceKey)
{
    return edit (description, [&] (Session& session)
                 {
                     if (auto* mix = findMix (session, mixId))
                         change (mix->sends[sourceId]);
                 }, coalesceKey);
}

bool ConsoleModel::editMix (const std::string& mixId, const std::string& description,
                            const std::function<void (CueMix&)>& change, const std::string& coalesceKey)
{
    return edit (description, [&] (Session& session)
                 {
                     if (auto* mix = findMix (session, mixId))
                         change (*mix);
                 }, coalesceKey);
}

bool ConsoleModel::copyMix (const std::string& fromMixId, const std::string& toMixId)
{
    const auto* from = findMix (getSession(), fromMixId);
    const auto* to = findMix (getSession(), toMixId);
    if (from == nullptr || to == nullptr || from == to)
        return false;

    const auto description = "Copy " + from->name + "'s mix to " + to->name;
    return edit (description, [&fromMixId, &toMixId] (Session& session)
                 {
                     const auto* source = findMix (session, fromMixId);
                     auto* target = findMix (session, toMixId);
                     target->sends = source->sends;
                     target->masterDb = source->masterDb;
                 });
}

MeterReading ConsoleModel::readSourceMeter (const std::string& sourceId) const
{
    if (const auto* source = meterClock.meters().findSource (sourceId))
        return { source->levels, true };
    return {};
}

MeterReading ConsoleModel::readMixMeter (const std::string& mixId) const
{
    if (const auto* mix = meterClock.meters().findMix (mixId))
        return { mix->levels, true };
    return {};
}

float ConsoleModel::readLimiterGainDb (const std::string& mixId) const
{
    const auto* mix = meterClock.meters().findMix (mixId);
    return mix != nullptr ? mix->gainReductionDb() : 0.0f;
}

juce::String ConsoleModel::sourceName (const std::string& sourceId) const
{
    const auto& session = getSession();
    if (const auto* input = findInput (session, sourceId))
        return input->name.empty() ? juce::String (input->id) : juce::String (input->name);
    if (const auto* track = findTrack (session, sourceId))
        return track->name.empty() ? juce::String (track->id) : juce::String (track->name);
    if (sourceId == clickSourceId)
        return "Click";
    if (sourceId == talkbackSourceId)
        return "Talkback";
    return sourceId;
}

} // namespace foldback
