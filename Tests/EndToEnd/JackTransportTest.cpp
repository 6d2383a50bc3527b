#include "Support/EndToEndSessions.h"
#include "Support/FoldbackRun.h"
#include "Support/JackDummyServer.h"
#include "Support/JackTransportDaw.h"

#include <catch2/catch.hpp>

#include "Engine/TempoMap.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <fstream>
#include <regex>
#include <set>

using namespace foldback;
using namespace foldback::test;
using namespace std::chrono_literals;

namespace
{
    constexpr int rate = 48000;
    constexpr std::int64_t beatFrames = 24000;        // 120 bpm
    constexpr std::int64_t impulsePeriod = 4801;      // off the beat grid on purpose
    constexpr std::int64_t impulsePhase = 17;
    constexpr std::int64_t trackFrames = 180LL * rate; // a 3-minute backing track

    /** A mono 16-bit WAV: one-sample impulses of 0.5 (exactly 16384) where `impulseAt` says. */
    template <typename ImpulseAt>
    void writeImpulseWav (const std::string& path, std::int64_t frames, ImpulseAt&& impulseAt)
    {
        std::vector<std::int16_t> samples (static_cast<std::size_t> (frames), 0);
        for (std::int64_t f = 0; f < frames; ++f)
            if (impulseAt (f))
                samples[static_cast<std::size_t> (f)] = 16384;

        const auto dataBytes = static_cast<std::uint32_t> (samples.size() * 2);
        std::ofstream out (path, std::ios::binary);
        auto u32 = [&out] (std::uint32_t v) { out.write (reinterpret_cast<const char*> (&v), 4); };
        auto u16 = [&out] (std::uint16_t v) { out.write (reinterpret_cast<const char*> (&v), 2); };
        out.write ("RIFF", 4); u32 (36 + dataBytes); out.write ("WAVE", 4);
        out.write ("fmt ", 4); u32 (16); u16 (1); u16 (1); u32 (rate); u32 (rate * 2); u16 (2); u16 (16);
        out.write ("data", 4); u32 (dataBytes);
        out.write (reinterpret_cast<const char*> (samples.data()), static_cast<std::streamsize> (dataBytes));
    }

    bool isTrackImpulse (std::int64_t timelineFrame)
    {
        return timelineFrame >= 0 && timelineFrame < trackFrames && timelineFrame % impulsePeriod == impulsePhase;
    }

    /** 120 bpm 4/4, a one-sample click on its own mono mix ("click", output 1), the 3-minute
        impulse track on another ("beats", output 2); sync "jack"; a count-in asked for, which
        JACK sync must not play. */
    Session transportSession (const TempDirectory& directory, TransportTimebase timebase = TransportTimebase::off)
    {
        writeImpulseWav (directory.file ("tick.wav"), 1, [] (std::int64_t) { return true; });
        writeImpulseWav (directory.file ("long.wav"), trackFrames, isTrackImpulse);

        Session session;
        session.name = "transport";
        session.audio.deviceType = DeviceType::jack;
        session.click.sound = ClickSound::custom;
        session.click.customFile = "tick.wav";
        session.click.accentDownbeat = false;
        session.click.countInBars = 1;
        session.tracks = { { "long", "Long", "long.wav", 0.0, 0.0 } };
        session.transport.sync = TransportSync::jack;
        session.transport.timebase = timebase;

        auto click = makeMix ("click", { 1 });
        click.limiterCeilingDb = 0.0;
        click.sends["click"] = send (0.0);
        auto beats = makeMix ("beats", { 2 });
        beats.limiterCeilingDb = 0.0;
        beats.sends["long"] = send (0.0);
        session.mixes = { click, beats };
        return session;
    }

    struct Verdict
    {
        int rolledCycles = 0, stoppedCycles = 0, wrongCycles = 0, staleCycles = 0;
        int clickOnsets = 0, trackImpulses = 0;
        int soundWhileStopped = 0;
        std::int64_t firstWrongFrame = -1;
        std::string firstWrongDetail;      // what was heard against what was wanted there
    };

    /** "+3, +250" (offsets into a cycle), or "nowhere". */
    std::string offsetsText (const std::vector<int>& offsets)
    {
        std::string text;
        for (const auto o : offsets)
            text += (text.empty() ? "+" : ", +") + std::to_string (o);
        return text.empty() ? std::string ("nowhere") : text;
    }

    /** Where in one recorded cycle a channel is not silent. */
    std::vector<int> heardIn (const std::vector<float>& channel, const JackTransportDaw::Cycle& cycle)
    {
        std::vector<int> offsets;
        for (int i = 0; i < cycle.numFrames; ++i)
            if (channel[static_cast<std::size_t> (cycle.firstSample + i)] != 0.0f)
                offsets.push_back (i);
        return offsets;
    }

    /** Where a rolling cycle starting at timeline frame `start` should sound. */
    std::vector<int> wantedIn (std::int64_t start, int numFrames, const std::function<bool (std::int64_t)>& at)
    {
        std::vector<int> offsets;
        for (int i = 0; i < numFrames; ++i)
            if (at (start + i))
                offsets.push_back (i);
        return offsets;
    }

    /** True when the server ran cycles the stand-in did not record between `before` and
        `after` while rolling (an xrun on this host): the server's frame clock moved on by
        more than `before` held, and the transport frame forward with it, by as much or,
        where the server skipped cycles or the transport stopped in between, less. A
        locate back moves the transport frame against the clock. */
    bool cyclesMissedBetween (const JackTransportDaw::Cycle& before, const JackTransportDaw::Cycle& after)
    {
        const auto moved = after.frame - before.frame;
        const auto clockMoved = static_cast<std::int64_t> (static_cast<std::uint32_t> (after.frameTime - before.frameTime));
        return before.state == JackTransportRolling && clockMoved > before.numFrames && moved >= before.numFrames
               && moved <= clockMoved;
    }

    /** True when cycles[index] comes after cycles the stand-in missed and holds what was
        written for a frame the transport passed in between (at whole periods back from it):
        `holdsAt (frame)` says whether it holds that frame's output or BBT. */
    bool heldFromMissedCycles (const std::vector<JackTransportDaw::Cycle>& cycles, std::size_t index,
                               const std::function<bool (std::int64_t)>& holdsAt)
    {
        if (index == 0 || ! cyclesMissedBetween (cycles[index - 1], cycles[index]))
            return false;
        const auto& before = cycles[index - 1];
        const auto& after = cycles[index];
        for (auto f = after.frame - after.numFrames; after.numFrames > 0 && f >= before.frame + before.numFrames; f -= after.numFrames)
            if (holdsAt (f))
                return true;
        return false;
    }

    /** Checks every recorded cycle against the timeline: while rolling, a click sample exactly
        on every beat's frame and a track sample exactly on every impulse's frame, and nothing
        anywhere else; while stopped or starting, nothing at all.

        A cycle that is not so is *stale* when it holds what JACK hands a client whose source
        did not run in time (an xrun on this host): the same buffer as the cycle before it,
        or, after cycles the stand-in missed, Foldback's output for a frame the transport
        passed in between. Any other difference is *wrong*. A Foldback a period late is
        wrong in the cycle after every click: it holds the click, which neither the cycle
        before it nor its own frame does. */
    Verdict judge (const JackTransportDaw& daw, const std::function<bool (std::int64_t)>& clickAt = {})
    {
        const std::function<bool (std::int64_t)> clickWanted = clickAt ? clickAt : [] (std::int64_t t) { return t % beatFrames == 0; };
        const std::function<bool (std::int64_t)> trackWanted = isTrackImpulse;
        Verdict verdict;

        const auto cycles = daw.cycles();
        std::vector<int> previousClicks, previousImpulses;
        for (std::size_t index = 0; index < cycles.size(); ++index)
        {
            const auto& cycle = cycles[index];
            const bool rolling = cycle.state == JackTransportRolling;
            (rolling ? verdict.rolledCycles : verdict.stoppedCycles)++;

            const auto clicks = heardIn (daw.channel (0), cycle), impulses = heardIn (daw.channel (1), cycle);
            auto isRollingAt = [&] (std::int64_t start)
            {
                return clicks == wantedIn (start, cycle.numFrames, clickWanted)
                       && impulses == wantedIn (start, cycle.numFrames, trackWanted);
            };
            const auto previous = index > 0 ? &cycles[index - 1] : nullptr;
            const bool heldOver = previous != nullptr && previous->numFrames == cycle.numFrames && clicks == previousClicks
                                  && impulses == previousImpulses;
            previousClicks = clicks;
            previousImpulses = impulses;

            if (rolling)
            {
                const auto clicksWanted = wantedIn (cycle.frame, cycle.numFrames, clickWanted);
                const auto impulsesWanted = wantedIn (cycle.frame, cycle.numFrames, trackWanted);
                for (const auto o : clicks)
                    verdict.clickOnsets += std::count (clicksWanted.begin(), clicksWanted.end(), o) > 0 ? 1 : 0;
                for (const auto o : impulses)
                    verdict.trackImpulses += std::count (impulsesWanted.begin(), impulsesWanted.end(), o) > 0 ? 1 : 0;
                if (clicks == clicksWanted && impulses == impulsesWanted)
                    continue;
            }
            else if (clicks.empty() && impulses.empty())
            {
                continue;
            }

            if (heldOver || heldFromMissedCycles (cycles, index, isRollingAt))
            {
                ++verdict.staleCycles;
                continue;
            }

            if (! rolling)
                verdict.soundWhileStopped += static_cast<int> (clicks.size() + impulses.size());
            if (verdict.wrongCycles++ == 0)
            {
                verdict.firstWrongFrame = cycle.frame;
                verdict.firstWrongDetail = std::string (rolling ? "rolling" : "stopped") + ", " + std::to_string (cycle.numFrames)
                                           + " frames: click heard at " + offsetsText (clicks) + ", wanted at "
                                           + offsetsText (rolling ? wantedIn (cycle.frame, cycle.numFrames, clickWanted) : std::vector<int> {})
                                           + "; track heard at " + offsetsText (impulses) + ", wanted at "
                                           + offsetsText (rolling ? wantedIn (cycle.frame, cycle.numFrames, trackWanted) : std::vector<int> {});
            }
        }
        return verdict;
    }

    /** What the BBT of a recording's cycles said against a tempo map. */
    struct BbtVerdict
    {
        int cyclesWithBbt = 0, wrongCycles = 0, staleCycles = 0;
        std::string firstWrong;       // where, what was read and what was wanted
    };

    /** Whether a cycle carries the map's BBT at `frame` (1920 ticks a beat, as Foldback leads). */
    bool carriesBbtOf (const JackTransportDaw::Cycle& cycle, const TempoMap& map, std::int64_t frame)
    {
        const auto expected = map.barBeatAt (frame);
        const auto tempo = map.tempoAt (frame);
        return cycle.bar == expected.bar && cycle.beat == expected.beat
               && cycle.tick == static_cast<std::int32_t> (std::floor (expected.fraction * 1920.0))
               && cycle.ticksPerBeat == 1920.0 && cycle.beatsPerBar == expected.beatsPerBar
               && std::abs (cycle.beatsPerMinute - 60.0 / tempo.beatSeconds) < 1e-9;
    }

    /** Checks the BBT of every recorded cycle against the map at its frame, as judge() checks
        the audio. When the master's timebase callback is missed (an xrun on this host), JACK
        moves the frame on and keeps the last BBT the master wrote: a cycle then carries the
        BBT of the cycle before, or after cycles the stand-in missed, the map's at a frame
        passed in between. And after a stall the server can run one cycle twice (the same
        frame clock twice over), the first time with the BBT the master has already written
        for the cycle after. Such cycles are stale; any other is wrong. While stopped JACK
        asks the master only after a locate, so a BBT held over at the same stopped frame
        is no new stale cycle. */
    BbtVerdict judgeBbt (const JackTransportDaw& daw, const TempoMap& map)
    {
        BbtVerdict verdict;
        const auto cycles = daw.cycles();
        for (std::size_t index = 0; index < cycles.size(); ++index)
        {
            const auto& cycle = cycles[index];
            if (! cycle.bbtValid)
                continue;
            ++verdict.cyclesWithBbt;
            if (carriesBbtOf (cycle, map, cycle.frame))
                continue;

            const auto* previous = index > 0 ? &cycles[index - 1] : nullptr;
            const bool heldOver = previous != nullptr && previous->bbtValid && previous->bar == cycle.bar
                                  && previous->beat == cycle.beat && previous->tick == cycle.tick
                                  && previous->beatsPerMinute == cycle.beatsPerMinute && previous->beatsPerBar == cycle.beatsPerBar
                                  && previous->ticksPerBeat == cycle.ticksPerBeat;
            const bool stoppedThroughout = previous != nullptr && previous->state == JackTransportStopped
                                           && cycle.state == JackTransportStopped && previous->frame == cycle.frame;
            if (heldOver && stoppedThroughout)
                continue;
            const bool ranTwice = previous != nullptr
                                  && (previous->frameTime == cycle.frameTime
                                      || (index + 1 < cycles.size() && cycles[index + 1].frameTime == cycle.frameTime));
            if (heldOver || (ranTwice && carriesBbtOf (cycle, map, cycle.frame + cycle.numFrames))
                || heldFromMissedCycles (cycles, index, [&] (std::int64_t f) { return carriesBbtOf (cycle, map, f); }))
            {
                ++verdict.staleCycles;
                continue;
            }

            if (verdict.wrongCycles++ == 0)
            {
                const auto expected = map.barBeatAt (cycle.frame);
                verdict.firstWrong = "frame " + std::to_string (cycle.frame) + ": got " + std::to_string (cycle.bar) + "|"
                                     + std::to_string (cycle.beat) + "|" + std::to_string (cycle.tick) + " at "
                                     + std::to_string (cycle.beatsPerMinute) + " bpm, expected " + std::to_string (expected.bar)
                                     + "|" + std::to_string (expected.beat) + "|"
                                     + std::to_string (static_cast<int> (std::floor (expected.fraction * 1920.0)));
            }
        }
        return verdict;
    }

    std::string describe (const BbtVerdict& v)
    {
        return "BBT in " + std::to_string (v.cyclesWithBbt) + " cycles, " + std::to_string (v.wrongCycles) + " wrong"
               + (v.firstWrong.empty() ? std::string() : " (first at " + v.firstWrong + ")") + ", "
               + std::to_string (v.staleCycles) + " stale";
    }

    std::string describe (const Verdict& v);

    bool takeIsExact (const Verdict& v)
    {
        return v.wrongCycles == 0 && v.staleCycles == 0;
    }

    /** The checks on the take a test ends with: never a wrong cycle; stale ones only as the
        host's xruns explain them, at most one for each. */
    void checkTake (const Verdict& v, int takeXruns)
    {
        INFO (describe (v) << "; " << takeXruns << " xruns in the take");
        CHECK (v.wrongCycles == 0);
        CHECK (v.soundWhileStopped == 0);
        CHECK (v.staleCycles <= takeXruns);
    }

    std::int64_t latestUnderruns (const FoldbackRun& foldback)
    {
        const auto lines = foldback.statusLines();
        std::smatch match;
        static const std::regex underruns ("\\| underruns ([0-9]+) \\|");
        if (lines.empty() || ! std::regex_search (lines.back(), match, underruns))
            return -1;
        return std::stoll (match[1].str());
    }

    bool waitForState (const JackTransportDaw& daw, jack_transport_state_t state)
    {
        return waitUntil ([&] { return daw.state() == state; }, 10s);
    }

    std::string describe (const Verdict& v)
    {
        return std::to_string (v.rolledCycles) + " cycles rolling, " + std::to_string (v.stoppedCycles) + " stopped, "
               + std::to_string (v.wrongCycles) + " wrong" + (v.firstWrongDetail.empty() ? std::string()
                   : " (first at frame " + std::to_string (v.firstWrongFrame) + ", " + v.firstWrongDetail + ")")
               + ", " + std::to_string (v.staleCycles) + " stale, "
               + std::to_string (v.clickOnsets) + " clicks and " + std::to_string (v.trackImpulses)
               + " track impulses on their frames, " + std::to_string (v.soundWhileStopped) + " samples heard while stopped";
    }
}

namespace
{
    /** What most transport tests stand on: a JACK dummy server at 256 frames, Foldback
        running a session on it headless (made in the test's directory, where its audio
        files go), and the DAW stand-in, with room for `recordSeconds`, taking Foldback's
        "click" mix on its first port and "beats" on its second. */
    struct TransportRig
    {
        TransportRig (const std::function<Session (const TempDirectory&)>& makeSession, int recordSeconds)
        {
            server.start();
            foldback.emplace (directory, std::vector<std::string> { "run", writeSessionFile (directory, makeSession (directory)),
                                                                    "--headless", "--no-auto-connect" },
                              server.name());
            REQUIRE (foldback->waitForStdout ("pos ", startupTimeout));
            daw.emplace (server.name(), "daw", 2, static_cast<std::size_t> (rate) * static_cast<std::size_t> (recordSeconds));
            REQUIRE (daw->connectFrom ("foldback:click", 0));
            REQUIRE (daw->connectFrom ("foldback:beats", 1));
        }

        /** Foldback ends on SIGTERM with status 0. */
        void checkCleanExit()
        {
            foldback->process.signal (SIGTERM);
            CHECK (foldback->process.waitForExit (exitTimeout) == 0);
        }

        TempDirectory directory;
        JackDummyServer server { directory.path, 256 };
        std::optional<FoldbackRun> foldback;
        std::optional<JackTransportDaw> daw;
    };
}

TEST_CASE ("Under JACK sync every click and backing-track sample lands on the transport frame, through locates, stops and a DAW loop", "[e2e][jack][transport]")
{
    TransportRig rig ([] (const TempDirectory& directory) { return transportSession (directory); }, 20);
    auto& daw = *rig.daw;
    std::this_thread::sleep_for (300ms);

    // Without real-time scheduling the dummy server sometimes misses a cycle (an xrun): a
    // wrong frame is wrong in every take, a missed cycle is not, so a take without xruns
    // must be exact, and one with them may only hold a few stale cycles (judge()).
    Verdict verdict;
    int takeXruns = 0;
    for (int take = 1; take <= 3; ++take)
    {
        const int xrunsBefore = daw.xrunCount();
        daw.stop();
        daw.locate (12345);                                  // off the beat grid
        REQUIRE (waitForState (daw, JackTransportStopped));
        std::this_thread::sleep_for (200ms);
        daw.startRecording (static_cast<std::size_t> (rate) * 10);

        daw.start();
        REQUIRE (waitForState (daw, JackTransportRolling));
        std::this_thread::sleep_for (1500ms);
        daw.stop();
        std::this_thread::sleep_for (400ms);
        daw.locate (150LL * rate + 333);                     // far ahead into the 3-minute file
        std::this_thread::sleep_for (200ms);
        daw.start();
        REQUIRE (waitForState (daw, JackTransportRolling));
        std::this_thread::sleep_for (1500ms);
        for (int pass = 0; pass < 3; ++pass)                 // a DAW loop: a locate back while rolling
        {
            daw.locate (150LL * rate + 333);
            std::this_thread::sleep_for (900ms);
        }
        daw.stop();
        REQUIRE (daw.waitForRecording (60s));

        verdict = judge (daw);
        takeXruns = daw.xrunCount() - xrunsBefore;
        if (takeIsExact (verdict) || takeXruns == 0)
            break;
        WARN ("take " << take << " had " << takeXruns << " xruns and was not exact, trying again: " << describe (verdict));
    }

    WARN (describe (verdict) << "; " << takeXruns << " xruns in the take");   // the figures, in the log (-s)
    checkTake (verdict, takeXruns);
    // No wrong cycle means every beat and impulse the stand-in recorded was on its frame or
    // in a stale cycle. These say the take measured enough: about 5.7 s rolled at 256
    // frames (1,070 cycles, 8 beats, 45 impulses), of which a loaded host may drop cycles
    // from the recording, never half.
    CHECK (verdict.rolledCycles > 535);
    CHECK (verdict.clickOnsets >= 4);
    CHECK (verdict.trackImpulses >= 22);

    // Every locate landed with the rings filled there (slow sync): no underrun, ever.
    std::this_thread::sleep_for (1500ms);
    CHECK (latestUnderruns (*rig.foldback) == 0);

    rig.checkCleanExit();
}

TEST_CASE ("Foldback's own play starts the JACK transport under JACK sync, and its stop stops it", "[e2e][jack][transport]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    // --play under JACK sync asks the JACK transport to roll (the DAW would start with it).
    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, transportSession (directory)), "--headless",
                                       "--no-auto-connect", "--play" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos ", startupTimeout));
    JackTransportDaw daw (server.name(), "daw", 2, 1024);
    CHECK (waitForState (daw, JackTransportRolling));
    CHECK (foldback.waitForStdout ("playing", 10s));

    foldback.process.signal (SIGTERM);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("The jack_transport tool starts, locates and stops Foldback under JACK sync", "[e2e][jack][transport]")
{
    TempDirectory directory;
    JackDummyServer server (directory.path, 256);
    server.start();

    FoldbackRun foldback (directory, { "run", writeSessionFile (directory, transportSession (directory)), "--headless",
                                       "--no-auto-connect" }, server.name());
    REQUIRE (foldback.waitForStdout ("pos 0.00 s stopped", startupTimeout));

    auto tool = [&] (const std::string& commands)
    {
        ChildProcess jackTransport ({ "sh", "-c", "printf '" + commands + "' | jack_transport" },
                                    { { "JACK_DEFAULT_SERVER", server.name() }, { "JACK_NO_START_SERVER", "1" } },
                                    directory.file ("jack_transport.out"), directory.file ("jack_transport.err"));
        return jackTransport.waitForExit (30s);
    };

    REQUIRE (tool ("locate 480000\\nplay\\nquit\\n").has_value());
    // 480000 frames is 10 s on the timeline; Foldback rolls on from there. The status line
    // that first says "playing" can be at any point of its second, so its position is
    // read rather than waited for as text.
    CHECK (foldback.waitForStdout ("playing", 10s));
    {
        // The newest whole line that says so (the very last may still be being written).
        const auto lines = foldback.statusLines();
        const auto playing = std::find_if (lines.rbegin(), lines.rend(),
                                           [] (const std::string& line) { return line.find ("playing") != std::string::npos; });
        REQUIRE (playing != lines.rend());
        std::smatch position;
        REQUIRE (std::regex_search (*playing, position, std::regex ("pos (-?[0-9]+\\.[0-9]+) s")));
        INFO (*playing);
        CHECK (std::stod (position[1].str()) >= 10.0);
        CHECK (std::stod (position[1].str()) < 20.0);
    }

    REQUIRE (tool ("stop\\nquit\\n").has_value());
    JackTransportDaw daw (server.name(), "daw", 1, 1024);
    CHECK (waitForState (daw, JackTransportStopped));
    const auto stoppedAt = daw.frame();
    std::this_thread::sleep_for (1500ms);
    const auto lines = foldback.statusLines();
    REQUIRE_FALSE (lines.empty());
    CHECK (lines.back().find ("stopped") != std::string::npos);
    CHECK (stoppedAt >= 480000);

    foldback.process.signal (SIGTERM);
    CHECK (foldback.process.waitForExit (exitTimeout) == 0);
}

TEST_CASE ("A jack_bufsize change mid-roll keeps Foldback running with the click and the track on their frames", "[e2e][jack][transport][bufsize]")
{
    TransportRig rig ([] (const TempDirectory& directory) { return transportSession (directory); }, 12);
    auto& daw = *rig.daw;

    auto bufsize = [&] (int frames)
    {
        ChildProcess tool ({ "jack_bufsize", std::to_string (frames) },
                           { { "JACK_DEFAULT_SERVER", rig.server.name() }, { "JACK_NO_START_SERVER", "1" } },
                           rig.directory.file ("jack_bufsize.out"), rig.directory.file ("jack_bufsize.err"));
        return tool.waitForExit (30s);
    };

    Verdict verdict;
    int takeXruns = 0;
    std::set<int> periods;
    for (int take = 1; take <= 3; ++take)
    {
        const int xrunsBefore = daw.xrunCount();
        daw.locate (3 * beatFrames + 101);
        daw.startRecording (static_cast<std::size_t> (rate) * 10);
        daw.start();
        REQUIRE (waitForState (daw, JackTransportRolling));
        std::this_thread::sleep_for (1500ms);
        REQUIRE (bufsize (take % 2 == 1 ? 1024 : 256) == 0);  // 256 -> 1024 (or back), rolling
        std::this_thread::sleep_for (1500ms);
        REQUIRE (bufsize (take % 2 == 1 ? 128 : 512) == 0);
        std::this_thread::sleep_for (1500ms);
        daw.stop();
        REQUIRE (daw.waitForRecording (60s));

        verdict = judge (daw);
        periods.clear();
        for (const auto& cycle : daw.cycles())
            periods.insert (cycle.numFrames);
        takeXruns = daw.xrunCount() - xrunsBefore;
        if (takeIsExact (verdict) || takeXruns == 0)
            break;
        WARN ("take " << take << " had " << takeXruns << " xruns and was not exact, trying again: " << describe (verdict));
    }

    WARN (describe (verdict) << "; " << takeXruns << " xruns in the take");   // the figures, in the log (-s)
    checkTake (verdict, takeXruns);
    CHECK (verdict.clickOnsets >= 3);    // of about 6 in the take (see the sync test)
    CHECK (periods.size() >= 3);     // the recording spans three period sizes
    CHECK (rig.foldback->process.isRunning());

    std::this_thread::sleep_for (1500ms);
    CHECK (latestUnderruns (*rig.foldback) == 0);
    rig.checkCleanExit();
}

TEST_CASE ("Leading the JACK timebase, Foldback publishes bar, beat, tick and tempo from its tempo map, across a tempo and meter change", "[e2e][jack][transport][timebase]")
{
    TransportRig rig ([] (const TempDirectory& directory)
                      {
                          auto session = transportSession (directory, TransportTimebase::lead);
                          session.click.tempoMap = { { 1, 120.0, 4, 4 }, { 3, 90.0, 3, 4 } };   // bar 3 on: 90 bpm in 3/4
                          return session;
                      }, 8);
    auto& daw = *rig.daw;

    const TempoMap map ({ { 1, 120.0, 4, 4 }, { 3, 90.0, 3, 4 } }, rate);
    auto clickAt = [&map] (std::int64_t t) { return map.nextOnsetAtOrAfter (t, 1).sample == t; };

    Verdict verdict;
    BbtVerdict bbt;
    int lastTakeXruns = 0;
    auto describeTake = [&]
    {
        return describe (verdict) + "; " + describe (bbt) + "; " + std::to_string (lastTakeXruns) + " xruns in the take";
    };
    for (int take = 1; take <= 3; ++take)
    {
        const int xrunsBefore = daw.xrunCount();
        daw.locate (rate * 2 + 999);   // bar 2, past beat 1, off the grid
        std::this_thread::sleep_for (200ms);
        daw.startRecording (static_cast<std::size_t> (rate) * 6);
        daw.start();
        REQUIRE (waitForState (daw, JackTransportRolling));
        std::this_thread::sleep_for (4000ms);             // through the change at 4 s (bar 3)
        daw.stop();
        REQUIRE (daw.waitForRecording (60s));

        verdict = judge (daw, clickAt);
        bbt = judgeBbt (daw, map);
        lastTakeXruns = daw.xrunCount() - xrunsBefore;
        if ((takeIsExact (verdict) && bbt.wrongCycles == 0 && bbt.staleCycles == 0) || lastTakeXruns == 0)
            break;
        WARN ("take " << take << " was not exact, trying again: " << describeTake());
    }

    WARN (describeTake());   // the figures, in the log (-s)
    CHECK (bbt.cyclesWithBbt > 500);
    CHECK (verdict.clickOnsets >= 3);            // of about 7 in the take (see the sync test)
    checkTake (verdict, lastTakeXruns);
    CHECK (bbt.wrongCycles == 0);                // never a BBT that is not the map's
    CHECK (bbt.staleCycles <= lastTakeXruns);    // and a stale one only as the xruns explain it

    rig.checkCleanExit();
}

namespace
{
    /** How a recording's click followed the master's beats (frame of beat n: `beatFrame`). */
    struct FollowedBeats
    {
        int onsets = 0, dropped = 0, doubled = 0;
        int unrecorded = 0;                    // beats in cycles the stand-in missed (xruns)
        double worst = 0.0, worstAwayFromChange = 0.0;
    };

    /** Each of the master's beats in the rolled stretch, looked for within 300 frames: heard
        once, and how far from its frame. A beat whose 300 frames either side the stand-in
        did not record throughout (it missed cycles) is counted apart, neither heard nor
        dropped. `changeFrame`: a tempo change, where one cycle's drift is allowed. */
    FollowedBeats measureFollowedBeats (const JackTransportDaw& daw, const std::function<double (std::int64_t)>& beatFrame,
                                        double changeFrame)
    {
        std::vector<std::int64_t> heard;                          // onsets while rolling, by transport frame
        std::vector<std::pair<std::int64_t, std::int64_t>> recorded;   // rolled stretches, [from, to)
        for (const auto& cycle : daw.cycles())
        {
            if (cycle.state != JackTransportRolling)
                continue;
            if (! recorded.empty() && recorded.back().second == cycle.frame)
                recorded.back().second += cycle.numFrames;
            else
                recorded.emplace_back (cycle.frame, cycle.frame + cycle.numFrames);
            for (int i = 0; i < cycle.numFrames; ++i)
                if (daw.channel (0)[static_cast<std::size_t> (cycle.firstSample + i)] != 0.0f)
                    heard.push_back (cycle.frame + i);
        }
        FollowedBeats result;
        if (recorded.empty())
            return result;

        constexpr double window = 300.0;
        auto recordedThroughout = [&recorded] (double from, double to)
        {
            return std::any_of (recorded.begin(), recorded.end(), [&] (const auto& stretch)
                                { return static_cast<double> (stretch.first) <= from && to <= static_cast<double> (stretch.second); });
        };
        const auto firstRolled = static_cast<double> (recorded.front().first);
        const auto endRolled = static_cast<double> (recorded.back().second);
        for (std::int64_t n = 0; beatFrame (n) < endRolled - window; ++n)
        {
            const double exact = beatFrame (n);
            if (exact < firstRolled)
                continue;
            if (! recordedThroughout (exact - window, exact + window))
            {
                ++result.unrecorded;
                continue;
            }
            int matches = 0;
            double error = 0.0;
            for (const auto onset : heard)
                if (std::abs (static_cast<double> (onset) - exact) < window)
                {
                    ++matches;
                    error = std::abs (static_cast<double> (onset) - exact);
                }
            result.onsets += matches;
            result.dropped += matches == 0 ? 1 : 0;
            result.doubled += matches > 1 ? 1 : 0;
            result.worst = std::max (result.worst, error);
            if (std::abs (exact - changeFrame) > 256.0)
                result.worstAwayFromChange = std::max (result.worstAwayFromChange, error);
        }
        return result;
    }

    bool followedExactly (const FollowedBeats& beats)
    {
        return beats.dropped == 0 && beats.doubled == 0 && beats.worstAwayFromChange <= 1.0;
    }

    std::string describe (const FollowedBeats& beats)
    {
        return std::to_string (beats.onsets) + " beats heard, " + std::to_string (beats.dropped) + " dropped, "
               + std::to_string (beats.doubled) + " doubled, " + std::to_string (beats.unrecorded)
               + " in cycles the stand-in missed; worst error " + std::to_string (beats.worst) + " frames, "
               + std::to_string (beats.worstAwayFromChange) + " away from a tempo change";
    }

    /** From the transport's zero, rolls six seconds, recording, and measures the click
        against the master's beats; up to three takes while the host's xruns spoil them. */
    FollowedBeats followFromZero (JackTransportDaw& daw, const std::function<double (std::int64_t)>& beatFrame, double changeFrame,
                                  int& takeXruns)
    {
        FollowedBeats beats;
        for (int take = 1; take <= 3; ++take)
        {
            const int xrunsBefore = daw.xrunCount();
            daw.stop();
            daw.locate (0);
            REQUIRE (waitForState (daw, JackTransportStopped));
            std::this_thread::sleep_for (300ms);
            daw.startRecording (static_cast<std::size_t> (rate) * 7);
            daw.start();
            REQUIRE (waitForState (daw, JackTransportRolling));
            std::this_thread::sleep_for (6000ms);
            daw.stop();
            REQUIRE (daw.waitForRecording (60s));

            beats = measureFollowedBeats (daw, beatFrame, changeFrame);
            takeXruns = daw.xrunCount() - xrunsBefore;
            if (followedExactly (beats) || takeXruns == 0)
                break;
            WARN ("take " << take << " had " << takeXruns << " xruns and was not exact, trying again: " << describe (beats));
        }
        WARN (describe (beats) << "; " << takeXruns << " xruns in the take");   // the figures, in the log (-s)
        return beats;
    }

    /** A take with xruns that dropped a beat measures the host, not Foldback (a starved
        2-core machine can miss 256-frame cycles, and the server then hands on a client's
        output of the cycle before). When every take had them, nothing was measured, and
        saying so is the truthful result. */
    void checkFollowedBeats (const FollowedBeats& beats, int takeXruns, int beatsInTake, double worstAtChange)
    {
        if (takeXruns > 0 && beats.dropped > 0)
        {
            WARN ("every take had xruns that dropped a beat: this host could not keep 256-frame cycles, so the beats were not measured");
            return;
        }
        // The take spanned its beats, and most were recorded and heard (the rest fell in
        // cycles the stand-in missed).
        CHECK (beats.onsets + beats.unrecorded >= beatsInTake);
        CHECK (beats.onsets * 2 >= beatsInTake);
        CHECK (beats.dropped == 0);
        CHECK (beats.doubled == 0);
        CHECK (beats.worstAwayFromChange <= 1.0);   // llround of the master's BBT: on its frame
        CHECK (beats.worst <= worstAtChange);
    }
}

TEST_CASE ("Following another JACK timebase master, the click lands on the master's beats, through a tempo change inside a cycle", "[e2e][jack][transport][timebase]")
{
    // Foldback's own map says 120 bpm; the master says 100, then 140 from a frame inside a cycle.
    TransportRig rig ([] (const TempDirectory& directory) { return transportSession (directory, TransportTimebase::follow); }, 8);
    auto& daw = *rig.daw;

    const double slow = 100.0, fast = 140.0;
    const double slowBeat = rate * 60.0 / slow, fastBeat = rate * 60.0 / fast;
    const std::int64_t change = 8 * 28800 - 100;     // 100 frames before beat 8 at 100 bpm, mid-cycle
    REQUIRE (daw.becomeTimebaseMaster (slow));
    daw.setTempoChange (change, fast);
    const double beatsAtChange = static_cast<double> (change) / slowBeat;
    auto masterBeatFrame = [&] (std::int64_t n)
    {
        return static_cast<double> (n) < beatsAtChange ? static_cast<double> (n) * slowBeat
                                                       : static_cast<double> (change) + (static_cast<double> (n) - beatsAtChange) * fastBeat;
    };

    int takeXruns = 0;
    const auto beats = followFromZero (daw, masterBeatFrame, static_cast<double> (change), takeXruns);
    // The beat after the change may drift by at most the one cycle JACK gives no BBT inside.
    checkFollowedBeats (beats, takeXruns, 10, 256.0);

    rig.checkCleanExit();
}

TEST_CASE ("Following, a cycle whose BBT the master did not update (as after its xrun) keeps the click on the master's beats", "[e2e][jack][transport][timebase]")
{
    TransportRig rig ([] (const TempDirectory& directory) { return transportSession (directory, TransportTimebase::follow); }, 8);
    auto& daw = *rig.daw;

    // 100 bpm, and in every cycle with a beat in it the BBT of the cycle before: taken at
    // its word, that BBT would put each beat a period late.
    const double beatFrames100 = rate * 60.0 / 100.0;
    REQUIRE (daw.becomeTimebaseMaster (100.0));
    daw.holdOverBbtInCyclesWithBeats (true);

    int takeXruns = 0;
    const auto beats = followFromZero (daw, [&] (std::int64_t n) { return static_cast<double> (n) * beatFrames100; }, -1.0e18,
                                       takeXruns);
    checkFollowedBeats (beats, takeXruns, 8, 1.0);

    rig.checkCleanExit();
}
