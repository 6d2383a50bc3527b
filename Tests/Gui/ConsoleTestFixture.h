#pragma once

#include "Support/ConstantBlocks.h"

#include "App/SessionDocument.h"
#include "App/SessionPlayer.h"
#include "Engine/Engine.h"
#include "Gui/ConsoleModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <string>
#include <vector>

namespace foldback::test
{

/** A small session for console tests: two live inputs, one backing track whose file does
    not exist (so it is offline), click and talkback; two performers' mixes. */
inline Session makeConsoleTestSession()
{
    Session session;
    session.name = "console test";
    session.inputs = { { "vox", "Lead vocal", { 1 } }, { "gtr", "Guitar", { 2, 3 } } };
    session.tracks = { { "drums", "Drum loop", "no-such-folder/drums.wav", 0.0, -2.0 } };
    session.talkback.channels = { 8 };
    session.click.tempoMap = { { 1, 120.0, 4, 4 } };

    CueMix singer;
    singer.id = "singer";
    singer.name = "Singer";
    singer.outputs = { 1, 2 };
    singer.sends["vox"] = { 3.0, 0.0, false, false };
    singer.sends["gtr"] = { -8.0, -0.4, false, false };
    singer.sends["click"] = { -12.0, 0.0, false, false };

    CueMix guitarist;
    guitarist.id = "guitarist";
    guitarist.name = "Guitarist";
    guitarist.outputs = { 3, 4 };
    guitarist.sends["gtr"] = { 0.0, 0.0, false, false };
    guitarist.masterDb = -2.0;

    session.mixes = { singer, guitarist };
    return session;
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
