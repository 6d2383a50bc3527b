#pragma once

#include "Support/ConstantBlocks.h"
#include "Support/TwoPerformerSession.h"

#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Gui/ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace foldback::test
{

/** A small session for console tests (TwoPerformerSession.h). */
inline Session makeConsoleTestSession()
{
    return makeTwoPerformerSession ("console test");
}

/** The console's world without a device: an engine at 48 kHz, a player, the document
    and the model, with JUCE's message manager running for the components. */
struct ConsoleTestFixture
{
    explicit ConsoleTestFixture (const Session& session = makeConsoleTestSession())
        : player (prepared (engine)), document (player), model (document, engine)
    {
        document.reset (session, {});
        model.onNotice = [this] (const juce::String& text) { notices.add (text); };
    }

    const SendSettings& send (const std::string& mixId, const std::string& sourceId) const
    {
        for (const auto& mix : document.getSession().mixes)
            if (mix.id == mixId)
                return mix.sends.at (sourceId);
        throw std::runtime_error ("no mix " + mixId);
    }

    const CueMix& mix (const std::string& mixId) const
    {
        for (const auto& m : document.getSession().mixes)
            if (m.id == mixId)
                return m;
        throw std::runtime_error ("no mix " + mixId);
    }

    /** Runs the engine for a block of silence (or a constant on every input), so queued
        commands take effect and meters move. */
    void processBlock (int frames = 256, float inputLevel = 0.0f) { runConstantBlock (engine, inputLevel, frames); }

    static Engine& prepared (Engine& e) { return preparedAt48k (e); }

    juce::ScopedJuceInitialiser_GUI juceRuntime;
    Engine engine;
    SessionPlayer player;
    SessionDocument document;
    ConsoleModel model;
    juce::StringArray notices;
};

} // namespace foldback::test
