#pragma once

#include <array>
#include <string_view>

namespace foldback::sessionLimits
{

/** The allowed values of every bounded Session field, shared by validation, the GUI's
    controls and the documentation (docs/session-format.md). All ranges are inclusive.
    SessionSchema.h binds each to its field; the enums' names are in SessionEnums.h. */

constexpr double minGainDb = -144.0;          ///< sends, track gains, mix masters; -144 is off
constexpr double maxGainDb = 12.0;
constexpr double minPan = -1.0;
constexpr double maxPan = 1.0;
constexpr double minCeilingDb = -60.0;        ///< mix safety limiter ceiling, dBFS
constexpr double maxCeilingDb = 0.0;
constexpr double minDimDb = -144.0;           ///< talkback dim
constexpr double maxDimDb = 0.0;
constexpr double minAccentDb = 0.0;
constexpr double maxAccentDb = 24.0;
constexpr double minSubdivisionDb = -60.0;
constexpr double maxSubdivisionDb = 0.0;
constexpr double minBpm = 20.0;
constexpr double maxBpm = 400.0;
constexpr double minOffsetSeconds = -86400.0; ///< track placement: a day either side of bar 1
constexpr double maxOffsetSeconds = 86400.0;
constexpr double minPerformerOffsetDb = minGainDb - maxGainDb; ///< a performer may pull anything fully off
constexpr double maxPerformerOffsetDb = 24.0; ///< ...but raise it by at most this
constexpr double maxPerformerPanOffset = 2.0;
constexpr double minLoopSeconds = 0.0;        ///< loop points: from bar 1 to a day later
constexpr double maxLoopSeconds = 86400.0;

constexpr int minChannel = 1;                 ///< device channels are 1-based
constexpr int maxChannel = 256;
constexpr int minBar = 1;
constexpr int maxBar = 100000;
constexpr int minBeatsPerBar = 1;
constexpr int maxBeatsPerBar = 32;
constexpr int minCountInBars = 0;
constexpr int maxCountInBars = 8;
constexpr int minBufferSize = 16;
constexpr int maxBufferSize = 8192;
constexpr std::size_t maxIdLength = 64;       ///< ids match [A-Za-z0-9_-]{1,64}
constexpr std::size_t minTokenLength = 8;     ///< remote tokens match [A-Za-z0-9_-]{8,64}
constexpr std::size_t maxTokenLength = 64;
constexpr int minNetworkPort = 1024;
constexpr int maxNetworkPort = 65535;

constexpr std::array<int, 6> beatUnits { 1, 2, 4, 8, 16, 32 };
constexpr std::array<double, 6> sampleRates { 44100.0, 48000.0, 88200.0, 96000.0, 176400.0, 192000.0 };

constexpr std::array<std::string_view, 5> remoteControls { "gain", "pan", "mute", "master", "click" };

} // namespace foldback::sessionLimits
