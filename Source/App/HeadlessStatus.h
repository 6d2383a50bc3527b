#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace foldback
{

class AudioDeviceHost;
class Engine;
class EngineDeviceCallback;
class SessionPlayer;

/** What `foldback run --headless` reports about the live engine. */
struct StatusSnapshot
{
    double positionSeconds = 0.0;
    bool rolling = false;
    bool countingIn = false;
    std::vector<std::pair<std::string, float>> mixPeaks;  ///< mix id and linear peak
    int xruns = 0;
    std::uint64_t underruns = 0;
    float dspLoad = 0.0f;                                 ///< 1 = the whole block period
    std::string trouble;                                  ///< e.g. "JACK server gone, reconnecting"
};

/** One compact line, e.g.
    "pos 12.35 s playing | peak dBFS singer -6.0 drums -inf | xruns 0 | underruns 0 | dsp 0.4%".
    Scripts and the end-to-end tests read the "xruns N" field. Any thread. */
std::string formatStatusLine (const StatusSnapshot& status);

/** Gathers the status of a running session and prints it at most once a second.
    Message thread only (it reads the engine's latest plan). */
class HeadlessStatus
{
public:
    HeadlessStatus (Engine& engine, const SessionPlayer& player, const AudioDeviceHost& host,
                    const EngineDeviceCallback& callback);

    StatusSnapshot read() const;

    /** Prints a line if a second has passed since the last one. */
    void printIfDue (std::ostream& out);

private:
    Engine& engine;
    const SessionPlayer& player;
    const AudioDeviceHost& host;
    const EngineDeviceCallback& callback;
    double lastPrintMs = -1.0e9;
};

} // namespace foldback
