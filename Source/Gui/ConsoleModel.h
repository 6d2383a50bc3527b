#pragma once

#include "Control/DeviceChannels.h"
#include "Control/DeviceStatus.h"
#include "Control/SessionDocument.h"
#include "Control/SessionPlayer.h"
#include "Engine/Engine.h"
#include "MeterClock.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace foldback
{

/** A meter reading for display: linear peak and RMS, overall and per channel (MeterLevels);
    `present` is false when the source or mix is not in the engine's current plan. */
struct MeterReading : MeterLevels
{
    bool present = false;
};

/** The console's view of the session and the engine: every component reads the Session
    through it, edits it only through the SessionDocument (so the GUI, the remotes and the
    presets never disagree), and reads meters and the transport from the engine's atomics.

    The SessionDocument takes listeners for its whole life; the model registers once with a
    guard that dies with the model, and fans changes out to components that come and go.

    Message thread only. */
class RemoteControl;

class ConsoleModel
{
public:
    /** Told after every change of the session (edit, undo, redo, open, revert). */
    struct Listener
    {
        virtual ~Listener() = default;
        virtual void sessionChanged() = 0;
    };

    ConsoleModel (SessionDocument& document, Engine& engine);
    ~ConsoleModel();

    SessionDocument& getDocument() noexcept      { return document; }
    SessionPlayer& getPlayer() noexcept          { return document.getPlayer(); }
    Engine& getEngine() noexcept                 { return engine; }
    const Session& getSession() const noexcept   { return document.getSession(); }

    void addListener (Listener* listener)        { listeners.push_back (listener); }
    void removeListener (Listener* listener)     { std::erase (listeners, listener); }

    /** An edit by the engineer. Rejected edits are reported to onNotice and change
        nothing. Returns true if the edit was accepted. */
    bool edit (const std::string& description, const std::function<void (Session&)>& change,
               const std::string& coalesceKey = {});

    /** Edits one mix's send from one source, creating the send (at its defaults) if the
        mix did not take that source yet. Drags pass a coalesceKey so they undo in one step. */
    bool editSend (const std::string& mixId, const std::string& sourceId, const std::string& description,
                   const std::function<void (SendSettings&)>& change, const std::string& coalesceKey = {});

    /** Edits one mix (master, ceiling, click mode...). */
    bool editMix (const std::string& mixId, const std::string& description,
                  const std::function<void (CueMix&)>& change, const std::string& coalesceKey = {});

    /** Copies one mix's sends (levels, pans, mutes) and master level onto another,
        as one undo step. The target keeps its name, outputs, limiter ceiling (the engineer's
        safety setting) and click mode. */
    bool copyMix (const std::string& fromMixId, const std::string& toMixId);

    /** "Listen": the engineer hears this mix on the session's monitor outputs ("" stops). */
    void setListenMix (const std::string& mixId) { getPlayer().setListenMix (mixId); notifyListeners(); }
    const std::string& getListenMix() noexcept   { return getPlayer().getListenMix(); }

    /** The engineer's solo on the LISTEN outputs (SessionPlayer::setSolo): never heard by a
        performer, not an edit of the session. Listeners are told. */
    void setSolo (const std::string& sourceId, bool soloed, const std::string& mixId)
    {
        getPlayer().setSolo (sourceId, soloed, mixId);
        notifyListeners();
    }
    void clearSolo()                                  { getPlayer().clearSolo(); notifyListeners(); }
    void setSoloMode (ListenSolo::Mode mode)          { getPlayer().setSoloMode (mode); notifyListeners(); }
    bool isSoloed (const std::string& sourceId)       { return getPlayer().isSoloed (sourceId); }
    const ListenSolo& getSolo()                       { return getPlayer().getSolo(); }

    /** A track went offline while playing (its file changed on disk; the rig found it and
        noticed it): the pages that show track status show it now. */
    void trackWentOffline() { notifyListeners(); }

    /** Where notices go (a rejected edit, a track that would not load): the status bar. */
    std::function<void (const juce::String&)> onNotice;
    void notice (const juce::String& text) const { if (onNotice) onNotice (text); }

    /** Message thread: meters, read from the engine's newest plan through
        SessionPlayer::readMeters() (once a frame for every meter on the clock, else fresh).
        Wait-free reads of atomics. */
    MeterReading readSourceMeter (const std::string& sourceId) const;
    MeterReading readMixMeter (const std::string& mixId) const;
    /** The mix's safety limiter gain in dB (0 = no reduction); 0 when the mix is absent. */
    float readLimiterGainDb (const std::string& mixId) const;

    /** Narrow strips on every mix page: 24 or more across 1600 px (MixView). The console's
        own state, not the session's; onNarrowStripsChanged lets the application keep it. */
    bool getNarrowStrips() const noexcept { return narrowStrips; }
    void setNarrowStrips (bool narrow)
    {
        if (narrow == narrowStrips)
            return;
        narrowStrips = narrow;
        if (onNarrowStripsChanged)
            onNarrowStripsChanged (narrow);
        notifyListeners();
    }
    std::function<void (bool narrow)> onNarrowStripsChanged;

    /** What drives the console's meters: one snapshot a frame, only the meters showing. */
    MeterClock& getMeterClock() noexcept { return meterClock; }

    /** The display name of a source id: the input's or track's name, "Click", "Talkback". */
    juce::String sourceName (const std::string& sourceId) const;

    /** The remotes, if the application runs them (null in tests): the REMOTES page. */
    RemoteControl* remoteControl = nullptr;

    /** Device state for the status bar, as the application reports it. */
    std::function<DeviceStatus()> deviceStatusProvider;
    DeviceStatus readDeviceStatus() const { return deviceStatusProvider ? deviceStatusProvider() : DeviceStatus {}; }

    /** The open device's channel names, for the setup page's channel choices. */
    std::function<DeviceChannels()> deviceChannelsProvider;
    DeviceChannels readDeviceChannels() const { return deviceChannelsProvider ? deviceChannelsProvider() : DeviceChannels {}; }

private:
    void notifyListeners();

    SessionDocument& document;
    Engine& engine;
    std::vector<Listener*> listeners;
    std::shared_ptr<ConsoleModel*> alive;
    bool narrowStrips = false;
    mutable MeterClock meterClock { [this] { return document.getPlayer().readMeters(); } };

    JUCE_DECLARE_NON_COPYABLE (ConsoleModel)
};

} // namespace foldback
