#pragma once

#include "Session.h"
#include "SessionLimits.h"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace foldback
{

enum class KeyPresence
{
    required,
    optional   ///< when absent the target keeps its value: the Session.h default
};

} // namespace foldback

namespace foldback::schema
{

/** The one declaration of every field of every Session struct: its JSON key, its member,
    whether it must be present, its allowed values and whether changing it is structural.
    Defaults are the members' initialisers in Session.h. The reader, the writer, the range
    messages of validation and the structural-change check all walk these tables, and a
    test checks them against docs/session-format.md.

    Keys are listed in the order the writer writes them; changing that order changes every
    saved file. */

enum class Change
{
    parameter,  ///< an edit only moves a value the running Plan already has (a gain, a pan)
    structural  ///< an edit changes the Plan's shape or the timeline: recompile
};

/** Nothing to check beyond the JSON type: text, switches, enums (their names are the set),
    objects. */
template <typename Value>
struct Limits {};

template <>
struct Limits<double>
{
    double min = 0.0, max = 0.0;     ///< inclusive
    std::span<const double> only {}; ///< when not empty, the only values allowed
};

template <>
struct Limits<int>
{
    int min = 0, max = 0;            ///< inclusive; also words the message for a number too big for an int
    std::span<const int> only {};
};

/** A list of device channels. */
template <>
struct Limits<std::vector<int>>
{
    std::size_t minCount = 0, maxCount = 0;
    int min = sessionLimits::minChannel, max = sessionLimits::maxChannel;
};

template <typename Struct, typename Value>
struct Field
{
    using Owner = Struct;
    using Type = Value;

    std::string_view key;
    Value Struct::* member;
    Change change = Change::parameter;
    KeyPresence presence = KeyPresence::optional;
    Limits<Value> limits {};

    const Value& of (const Struct& owner) const noexcept { return owner.*member; }
    Value& of (Struct& owner) const noexcept { return owner.*member; }
};

/** Specialised for each Session struct: a named constant per field, and `fields`, all of
    them in key order. */
template <typename Struct>
struct Schema;

template <typename T>
concept Described = requires { Schema<T>::fields; };

template <typename T> struct ElementOf { using Type = void; };
template <typename T> struct ElementOf<std::vector<T>> { using Type = T; };
template <typename T> struct KeyedElementOf { using Type = void; };
template <typename T> struct KeyedElementOf<std::map<std::string, T>> { using Type = T; };

/** An array of objects, such as the mixes. */
template <typename T>
concept ListOfObjects = Described<typename ElementOf<T>::Type>;

/** An object whose keys are ids and whose values are objects, such as a mix's sends. */
template <typename T>
concept KeyedObjects = Described<typename KeyedElementOf<T>::Type>;

/** Calls visit (field) for each field of Struct, in key order. */
template <Described Struct, typename Visit>
constexpr void forEachField (Visit&& visit)
{
    std::apply ([&visit] (const auto&... field) { (visit (field), ...); }, Schema<Struct>::fields);
}

template <Described Struct>
std::vector<std::string> keysOf()
{
    std::vector<std::string> keys;
    forEachField<Struct> ([&keys] (const auto& field) { keys.emplace_back (field.key); });
    return keys;
}

namespace limits = sessionLimits;

constexpr Limits<double> gainRange { limits::minGainDb, limits::maxGainDb };
constexpr Limits<double> performerOffsetRange { limits::minPerformerOffsetDb, limits::maxPerformerOffsetDb };
constexpr Limits<std::vector<int>> monoOrStereo { 1, 2 };

constexpr auto required = KeyPresence::required;
constexpr auto optional = KeyPresence::optional;
constexpr auto parameter = Change::parameter;
constexpr auto structural = Change::structural;

template <>
struct Schema<SendSettings>
{
    using S = SendSettings;
    static constexpr Field<S, double> gainDb { "gainDb", &S::gainDb, parameter, optional, gainRange };
    static constexpr Field<S, double> pan { "pan", &S::pan, parameter, optional, { limits::minPan, limits::maxPan } };
    static constexpr Field<S, bool> mute { "mute", &S::mute };
    static constexpr std::tuple fields { gainDb, pan, mute };
};

template <>
struct Schema<LiveInput>
{
    using S = LiveInput;
    static constexpr Field<S, std::string> id { "id", &S::id, structural, required };
    static constexpr Field<S, std::string> name { "name", &S::name, structural };
    static constexpr Field<S, std::vector<int>> channels { "channels", &S::channels, structural, required, monoOrStereo };
    static constexpr Field<S, std::string> colour { "colour", &S::colour };
    static constexpr std::tuple fields { id, name, channels, colour };
};

template <>
struct Schema<BackingTrack>
{
    using S = BackingTrack;
    static constexpr Field<S, std::string> id { "id", &S::id, structural, required };
    static constexpr Field<S, std::string> name { "name", &S::name };
    static constexpr Field<S, std::string> file { "file", &S::file, structural, required };
    static constexpr Field<S, double> offsetSeconds { "offsetSeconds", &S::offsetSeconds, structural, optional,
                                                      { limits::minOffsetSeconds, limits::maxOffsetSeconds } };
    static constexpr Field<S, double> gainDb { "gainDb", &S::gainDb, parameter, optional, gainRange }; // a send parameter
    static constexpr Field<S, std::string> colour { "colour", &S::colour };
    static constexpr std::tuple fields { id, name, file, offsetSeconds, gainDb, colour };
};

template <>
struct Schema<TempoChange>
{
    using S = TempoChange;
    static constexpr Field<S, int> bar { "bar", &S::bar, structural, required, { limits::minBar, limits::maxBar } };
    static constexpr Field<S, double> bpm { "bpm", &S::bpm, structural, required, { limits::minBpm, limits::maxBpm } };
    static constexpr Field<S, int> beatsPerBar { "beatsPerBar", &S::beatsPerBar, structural, optional,
                                                 { limits::minBeatsPerBar, limits::maxBeatsPerBar } };
    static constexpr Field<S, int> beatUnit { "beatUnit", &S::beatUnit, structural, optional,
                                              { limits::beatUnits.front(), limits::beatUnits.back(), limits::beatUnits } };
    static constexpr std::tuple fields { bar, bpm, beatsPerBar, beatUnit };
};

/** Every click field is structural: the click's generators are rebuilt from them. */
template <>
struct Schema<ClickSettings>
{
    using S = ClickSettings;
    static constexpr Field<S, std::vector<TempoChange>> tempoMap { "tempoMap", &S::tempoMap, structural };
    static constexpr Field<S, ClickSound> sound { "sound", &S::sound, structural };
    static constexpr Field<S, std::string> customFile { "customFile", &S::customFile, structural };
    static constexpr Field<S, Subdivision> subdivision { "subdivision", &S::subdivision, structural };
    static constexpr Field<S, bool> accentDownbeat { "accentDownbeat", &S::accentDownbeat, structural };
    static constexpr Field<S, double> accentDb { "accentDb", &S::accentDb, structural, optional,
                                                 { limits::minAccentDb, limits::maxAccentDb } };
    static constexpr Field<S, double> subdivisionDb { "subdivisionDb", &S::subdivisionDb, structural, optional,
                                                      { limits::minSubdivisionDb, limits::maxSubdivisionDb } };
    static constexpr Field<S, int> countInBars { "countInBars", &S::countInBars, structural, optional,
                                                 { limits::minCountInBars, limits::maxCountInBars } };
    static constexpr std::tuple fields { tempoMap, sound, customFile, subdivision, accentDownbeat,
                                         accentDb, subdivisionDb, countInBars };
};

template <>
struct Schema<TalkbackSettings>
{
    using S = TalkbackSettings;
    static constexpr Field<S, std::vector<int>> channels { "channels", &S::channels, structural, optional, { 0, 1 } };
    static constexpr Field<S, double> dimDb { "dimDb", &S::dimDb, parameter, optional, { limits::minDimDb, limits::maxDimDb } };
    static constexpr std::tuple fields { channels, dimDb };
};

/** Structural because the loop is handed to the transport only when a Plan is published. */
template <>
struct Schema<TransportSettings>
{
    using S = TransportSettings;
    static constexpr Limits<double> loopRange { limits::minLoopSeconds, limits::maxLoopSeconds };
    static constexpr Field<S, bool> loopEnabled { "loopEnabled", &S::loopEnabled, structural };
    static constexpr Field<S, double> loopStartSeconds { "loopStartSeconds", &S::loopStartSeconds, structural, optional, loopRange };
    static constexpr Field<S, double> loopEndSeconds { "loopEndSeconds", &S::loopEndSeconds, structural, optional, loopRange };
    /** Structural: a parameter edit only rewrites the live Plan's gains, and a new clock
        for the transport must reach it the way the loop does. */
    static constexpr Field<S, TransportSync> sync { "sync", &S::sync, structural };
    static constexpr Field<S, double> transportOffsetSeconds { "transportOffsetSeconds", &S::transportOffsetSeconds, structural,
                                                               optional, loopRange };
    static constexpr Field<S, TransportTimebase> timebase { "timebase", &S::timebase, structural };
    static constexpr std::tuple fields { loopEnabled, loopStartSeconds, loopEndSeconds, sync, transportOffsetSeconds, timebase };
};

/** Every audio field is structural: the device is reopened or the Plan recompiled. */
template <>
struct Schema<AudioSettings>
{
    using S = AudioSettings;
    static constexpr Field<S, DeviceType> deviceType { "deviceType", &S::deviceType, structural };
    static constexpr Field<S, std::string> inputDevice { "inputDevice", &S::inputDevice, structural };
    static constexpr Field<S, std::string> outputDevice { "outputDevice", &S::outputDevice, structural };
    static constexpr Field<S, double> sampleRate { "sampleRate", &S::sampleRate, structural, optional,
                                                   { limits::sampleRates.front(), limits::sampleRates.back(), limits::sampleRates } };
    static constexpr Field<S, int> bufferSize { "bufferSize", &S::bufferSize, structural, optional,
                                                { limits::minBufferSize, limits::maxBufferSize } };
    static constexpr Field<S, std::vector<std::string>> jackInputPorts { "jackInputPorts", &S::jackInputPorts, structural };
    static constexpr Field<S, std::vector<std::string>> jackOutputPorts { "jackOutputPorts", &S::jackOutputPorts, structural };
    static constexpr std::tuple fields { deviceType, inputDevice, outputDevice, sampleRate, bufferSize, jackInputPorts, jackOutputPorts };
};

template <>
struct Schema<PerformerSendOffset>
{
    using S = PerformerSendOffset;
    static constexpr Field<S, double> gainOffsetDb { "gainOffsetDb", &S::gainOffsetDb, parameter, optional, performerOffsetRange };
    static constexpr Field<S, double> panOffset { "panOffset", &S::panOffset, parameter, optional,
                                                  { -limits::maxPerformerPanOffset, limits::maxPerformerPanOffset } };
    static constexpr Field<S, bool> mute { "mute", &S::mute };
    static constexpr std::tuple fields { gainOffsetDb, panOffset, mute };
};

template <>
struct Schema<PerformerLayer>
{
    using S = PerformerLayer;
    static constexpr Field<S, double> masterOffsetDb { "masterOffsetDb", &S::masterOffsetDb, parameter, optional, performerOffsetRange };
    static constexpr Field<S, std::map<std::string, PerformerSendOffset>> sends { "sends", &S::sends };
    static constexpr std::tuple fields { masterOffsetDb, sends };
};

template <>
struct Schema<MixRemoteAccess>
{
    using S = MixRemoteAccess;
    static constexpr Field<S, std::string> token { "token", &S::token };
    static constexpr Field<S, std::vector<std::string>> allow { "allow", &S::allow };
    static constexpr std::tuple fields { token, allow };
};

template <>
struct Schema<CueMix>
{
    using S = CueMix;
    static constexpr Field<S, std::string> id { "id", &S::id, structural, required };
    static constexpr Field<S, std::string> name { "name", &S::name };
    static constexpr Field<S, std::vector<int>> outputs { "outputs", &S::outputs, structural, required, monoOrStereo };
    static constexpr Field<S, double> masterDb { "masterDb", &S::masterDb, parameter, optional, gainRange };
    static constexpr Field<S, double> limiterCeilingDb { "limiterCeilingDb", &S::limiterCeilingDb, parameter, optional,
                                                         { limits::minCeilingDb, limits::maxCeilingDb } };
    static constexpr Field<S, ClickMode> clickMode { "clickMode", &S::clickMode, structural };
    /** Structural for which sources are sent; the sends' own values are parameters. */
    static constexpr Field<S, std::map<std::string, SendSettings>> sends { "sends", &S::sends, structural };
    static constexpr Field<S, PerformerLayer> performer { "performer", &S::performer };
    static constexpr Field<S, MixRemoteAccess> remote { "remote", &S::remote };
    static constexpr std::tuple fields { id, name, outputs, masterDb, limiterCeilingDb, clickMode, sends, performer, remote };
};

template <>
struct Schema<MonitorSettings>
{
    using S = MonitorSettings;
    static constexpr Field<S, std::vector<int>> outputs { "outputs", &S::outputs, structural, optional, { 0, 2 } };
    static constexpr std::tuple fields { outputs };
};

/** Remote settings only matter to the servers, never to a Plan. */
template <>
struct Schema<RemoteSettings>
{
    using S = RemoteSettings;
    static constexpr Limits<int> portRange { limits::minNetworkPort, limits::maxNetworkPort };
    static constexpr Field<S, bool> enabled { "enabled", &S::enabled };
    static constexpr Field<S, std::string> address { "address", &S::address };
    static constexpr Field<S, int> httpPort { "httpPort", &S::httpPort, parameter, optional, portRange };
    static constexpr Field<S, int> oscPort { "oscPort", &S::oscPort, parameter, optional, portRange };
    static constexpr Field<S, std::string> engineerToken { "engineerToken", &S::engineerToken };
    static constexpr std::tuple fields { enabled, address, httpPort, oscPort, engineerToken };
};

/** The top level, after "format" and "version", which the reader and writer handle
    themselves. */
template <>
struct Schema<Session>
{
    using S = Session;
    static constexpr Field<S, std::string> name { "name", &S::name };
    static constexpr Field<S, AudioSettings> audio { "audio", &S::audio, structural };
    static constexpr Field<S, std::vector<LiveInput>> inputs { "inputs", &S::inputs, structural };
    static constexpr Field<S, std::vector<BackingTrack>> tracks { "tracks", &S::tracks, structural };
    static constexpr Field<S, ClickSettings> click { "click", &S::click, structural };
    static constexpr Field<S, TalkbackSettings> talkback { "talkback", &S::talkback, structural };
    static constexpr Field<S, TransportSettings> transport { "transport", &S::transport, structural };
    static constexpr Field<S, std::vector<CueMix>> mixes { "mixes", &S::mixes, structural, required };
    static constexpr Field<S, MonitorSettings> monitor { "monitor", &S::monitor, structural };
    static constexpr Field<S, RemoteSettings> remote { "remote", &S::remote };
    static constexpr std::tuple fields { name, audio, inputs, tracks, click, talkback, transport, mixes, monitor, remote };
};

} // namespace foldback::schema
