#include "App/HeadlessStatus.h"

#include "Control/SessionPlayer.h"
#include "Audio/AudioDeviceHost.h"
#include "Audio/EngineDeviceCallback.h"
#include "Engine/AudioMath.h"

#include <juce_core/juce_core.h>

#include <cstdio>
#include <ostream>

namespace foldback
{

namespace
{
    std::string formatDecibels (float linear)
    {
        const float db = gainToDecibels (linear);
        if (db <= kSilenceDb)
            return "-inf";
        char text[32];
        std::snprintf (text, sizeof (text), "%.1f", static_cast<double> (db));
        return text;
    }
}

std::string formatStatusLine (const StatusSnapshot& status)
{
    char head[96];
    std::snprintf (head, sizeof (head), "pos %.2f s %s", status.positionSeconds,
                   status.countingIn ? "counting in" : (status.rolling ? "playing" : "stopped"));

    std::string line = head;
    line += " | peak dBFS";
    for (const auto& [id, peak] : status.mixPeaks)
        line += " " + id + " " + formatDecibels (peak);

    char tail[128];
    std::snprintf (tail, sizeof (tail), " | xruns %d | underruns %llu | dsp %.1f%%", status.xruns,
                   static_cast<unsigned long long> (status.underruns), 100.0 * static_cast<double> (status.dspLoad));
    line += tail;

    if (! status.trouble.empty())
        line += " | " + status.trouble;
    return line;
}

HeadlessStatus::HeadlessStatus (Engine& engineToRead, const SessionPlayer& playerToRead,
                                const AudioDeviceHost& hostToRead, const EngineDeviceCallback& callbackToRead)
    : engine (engineToRead), player (playerToRead), host (hostToRead), callback (callbackToRead)
{
}

StatusSnapshot HeadlessStatus::read() const
{
    StatusSnapshot status;
    const auto& transport = engine.getTransport();
    status.positionSeconds = static_cast<double> (transport.readPositionForDisplay()) / engine.getSampleRate();
    status.rolling = transport.readRollingForDisplay();
    status.countingIn = transport.readCountingInForDisplay();

    for (const auto& mix : player.readMeters().mixes)
        status.mixPeaks.emplace_back (mix.id, mix.levels.peak);

    status.xruns = host.getXRunCount();
    status.underruns = player.getUnderrunCount();
    status.dspLoad = callback.readDspLoad();
    status.trouble = host.describeTrouble();
    return status;
}

void HeadlessStatus::printIfDue (std::ostream& out)
{
    const double now = juce::Time::getMillisecondCounterHiRes();
    if (now - lastPrintMs < 1000.0)
        return;

    lastPrintMs = now;
    out << formatStatusLine (read()) << std::endl;
}

} // namespace foldback
