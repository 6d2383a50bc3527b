#pragma once

#include "Engine/ClickGenerator.h"
#include "Session/Session.h"

#include <memory>
#include <string>

namespace foldback
{

/** The two click sources a session plays: the click heard while rolling (and counting in),
    and the count-in-only click for mixes whose performer wants none during the take. */
struct ClickSources
{
    std::shared_ptr<ClickGenerator> always;
    std::shared_ptr<ClickGenerator> countInOnly;
    std::string warning; ///< non-empty when a custom sound could not be used (the built-in one plays)
};

/** Builds the click from the session's settings at the engine's rate. A custom sound is
    read (relative to baseDirectory), folded to mono and resampled; if that fails the
    woodblock plays and `warning` says why, naming the file. Message thread. */
ClickSources makeClickSources (const ClickSettings& settings, std::shared_ptr<const TempoMap> tempoMap,
                               double sampleRate, const std::string& baseDirectory);

} // namespace foldback
