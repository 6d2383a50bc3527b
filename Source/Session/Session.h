#pragma once

#include "SessionEnums.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

/** The session document: everything an engineer sets up for a tracking session.
    Lives on the message thread; the GUI, the remotes and preset loading all edit this,
    and the engine only ever sees Plans compiled from it. Plain values: copy freely.

    Channel numbers are 1-based, as printed on the interface. Source ids are unique
    across inputs and tracks; "click", "clickCountIn" (never stored) and "talkback" are
    reserved source ids for the click and the talkback mic.

    Defaults are the initialisers below. Every field's key, allowed values and whether
    changing it is structural are declared once, in SessionSchema.h, and not repeated
    here; docs/session-format.md documents the same (a test checks). */

/** One mix's send from one source. */
struct SendSettings
{
    double gainDb = 0.0;   ///< -144 is off
    double pan = 0.0;      ///< left to right; constant power for mono sources, balance for stereo
    bool mute = false;
    // No solo: solo is the engineer's, on the LISTEN outputs, and never in a performer's
    // mix (SessionPlayer::setSolo). Version 1's solo-in-place is migrated into mutes.

    bool operator== (const SendSettings&) const = default;
};

/** A live input: one mono device channel or a stereo pair. */
struct LiveInput
{
    std::string id;                 ///< [A-Za-z0-9_-]{1,64}
    std::string name;
    std::vector<int> channels;      ///< one or two device input channels, 1-based
    std::string colour;             ///< "#rrggbb" the console marks it with; empty: the console's default

    bool operator== (const LiveInput&) const = default;
};

/** A backing track placed on the timeline. */
struct BackingTrack
{
    std::string id;
    std::string name;
    std::string file;               ///< relative paths are relative to the session file
    double offsetSeconds = 0.0;     ///< timeline position of the file's first sample
    double gainDb = 0.0;            ///< applied before the sends
    std::string colour;             ///< as LiveInput::colour

    bool operator== (const BackingTrack&) const = default;
};

/** A tempo and meter in force from a bar on. */
struct TempoChange
{
    int bar = 1;                    ///< 1-based; the first change is at bar 1
    double bpm = 120.0;             ///< fractional allowed; quarter-note beats per minute
    int beatsPerBar = 4;            ///< meter numerator
    int beatUnit = 4;               ///< meter denominator

    bool operator== (const TempoChange&) const = default;
};

struct ClickSettings
{
    std::vector<TempoChange> tempoMap { TempoChange {} };
    ClickSound sound = ClickSound::woodblock;
    std::string customFile;          ///< WAV for sound "custom"
    Subdivision subdivision = Subdivision::none;
    bool accentDownbeat = true;
    double accentDb = 6.0;           ///< louder on the downbeat
    double subdivisionDb = -10.0;    ///< relative to the beat
    int countInBars = 0;             ///< bars of click before each roll

    bool operator== (const ClickSettings&) const = default;
};

struct TalkbackSettings
{
    std::vector<int> channels;       ///< empty: no talkback mic; else one device input, 1-based
    double dimDb = -20.0;            ///< programme level in mixes that hear talkback

    bool operator== (const TalkbackSettings&) const = default;
};

struct TransportSettings
{
    bool loopEnabled = false;
    double loopStartSeconds = 0.0;
    double loopEndSeconds = 0.0;

    /** The clock the transport follows: our own, or the JACK transport (with the JACK
        device only; on another device the session plays on its own clock, with a warning). */
    TransportSync sync = TransportSync::internal;

    /** Under JACK sync: the JACK transport time (seconds) where bar 1 beat 1 sits, for a song
        that does not start at the DAW's zero. Timeline sample = transport frame - this. */
    double transportOffsetSeconds = 0.0;

    /** Under JACK sync: off (tempo from our map, nothing published), lead (Foldback is the
        JACK timebase master, publishing bar, beat, tick and tempo from its tempo map) or
        follow (the click follows another master's bar, beat and tempo). */
    TransportTimebase timebase = TransportTimebase::off;

    bool operator== (const TransportSettings&) const = default;
};

struct AudioSettings
{
    DeviceType deviceType = DeviceType::virtualDevice;
    std::string inputDevice;
    std::string outputDevice;
    double sampleRate = 48000.0;
    int bufferSize = 256;

    /** JACK auto-connection by name: entry N - 1 is the full name (or alias) of the port
        device input N connects from; "" or a missing entry: the Nth physical capture port. */
    std::vector<std::string> jackInputPorts;
    /** The same for device output N: the port it connects to. */
    std::vector<std::string> jackOutputPorts;

    bool operator== (const AudioSettings&) const = default;
};

/** A performer's own change to one send, over the engineer's: see docs/remotes.md. */
struct PerformerSendOffset
{
    double gainOffsetDb = 0.0;       ///< added to the engineer's gain; low enough to pull any send fully off
    double panOffset = 0.0;          ///< added to the engineer's pan
    bool mute = false;               ///< muted if either the engineer or the performer mutes

    bool operator== (const PerformerSendOffset&) const = default;
};

/** The performer's layer over the engineer's mix: it survives the engineer's edits. */
struct PerformerLayer
{
    double masterOffsetDb = 0.0;     ///< added to the engineer's master, like a send's gainOffsetDb
    std::map<std::string, PerformerSendOffset> sends; ///< keyed by source id

    bool operator== (const PerformerLayer&) const = default;
};

/** Which remote may change this mix, and what it may change. */
struct MixRemoteAccess
{
    std::string token;               ///< empty: none yet (generated when remotes start); else [A-Za-z0-9_-]{8,64}
    std::vector<std::string> allow { "gain", "pan", "mute", "master", "click" };

    bool operator== (const MixRemoteAccess&) const = default;
};

/** One performer's cue mix. */
struct CueMix
{
    std::string id;
    std::string name;
    std::vector<int> outputs { 1, 2 };  ///< one (mono) or two device output channels, 1-based
    double masterDb = 0.0;
    double limiterCeilingDb = -1.0;  ///< dBFS; the engineer's, never a performer's
    ClickMode clickMode = ClickMode::always;
    std::map<std::string, SendSettings> sends; ///< keyed by source id; absent means not sent
    PerformerLayer performer;        ///< the performer's own offsets, from their remote
    MixRemoteAccess remote;

    bool operator== (const CueMix&) const = default;
};

/** Network remotes (docs/remotes.md): off until the engineer turns them on. */
struct RemoteSettings
{
    bool enabled = false;
    std::string address = "0.0.0.0"; ///< IPv4 address to listen on
    int httpPort = 8470;
    int oscPort = 9470;
    std::string engineerToken;       ///< empty: generated when remotes start

    bool operator== (const RemoteSettings&) const = default;
};

/** The engineer's own listening: where "Listen" plays the chosen performer's mix. */
struct MonitorSettings
{
    std::vector<int> outputs;        ///< empty: no listen outputs; else one or two device outputs, 1-based

    bool operator== (const MonitorSettings&) const = default;
};

struct Session
{
    static constexpr int currentVersion = 2;

    std::string name = "Untitled";
    AudioSettings audio;
    std::vector<LiveInput> inputs;
    std::vector<BackingTrack> tracks;
    ClickSettings click;
    TalkbackSettings talkback;
    TransportSettings transport;
    std::vector<CueMix> mixes;
    MonitorSettings monitor;
    RemoteSettings remote;

    bool operator== (const Session&) const = default;
};

} // namespace foldback
