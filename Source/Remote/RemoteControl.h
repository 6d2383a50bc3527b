#pragma once

#include "OscRemoteServer.h"
#include "PendingRemoteChanges.h"
#include "RemoteDirectory.h"
#include "RemoteLinkStore.h"
#include "WebRemoteServer.h"
#include "Session/EngineMeters.h"

#include <juce_events/juce_events.h>

#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

class Engine;
class SessionDocument;

/** The remotes' message-thread half (docs/remotes.md). It follows the session's `remote`
    settings (on, address, ports), so the engineer's switch is a session edit like any
    other; starts and stops the web and OSC servers; publishes the directory the network
    threads check against; applies what the remotes asked for, 50 times a second at most,
    through the SessionDocument; and sends state, values and meters back.

    Message thread only. */
class RemoteControl : private juce::Timer
{
public:
    /** `clock` times OSC clients' lifetimes (OscRemoteServer); tests pass their own. */
    RemoteControl (SessionDocument& document, Engine& engine, OscRemoteServer::ClockFunction clock = OscRemoteServer::Clock::now);
    ~RemoteControl() override;

    /** Turns remote control on or off as a session edit (tokens are generated on the way). */
    void setEnabled (bool enabled);

    /** Where the links of sessions that were not saved are kept (RemoteLinkStore): a mix
        without a token gets the one it had the last time this session file ran, and a new
        token is remembered at once. Tests give their own file. */
    void setLinkStore (RemoteLinkStore store) { links = std::move (store); }

    bool isRunning() const noexcept { return web->isRunning(); }

    /** Why the servers are not running although the session asks for them ("" if fine). */
    const std::string& getProblem() const noexcept { return problem; }

    /** The address performers' devices reach this machine at, for links. */
    std::string getHostForLinks() const;

    /** "http://HOST:PORT/mix?token=TOKEN", or "" when the mix has no token yet. */
    std::string performerLink (const std::string& mixId) const;

    int getWebConnectionCount() const { return web->getConnectionCount(); }
    int getOscClientCount() const { return static_cast<int> (osc.getClients().size()); }
    /** How many OSC clients' "values already sent" tables are kept (for tests). */
    std::size_t getOscFeedbackTableCount() const noexcept { return oscFeedback.size(); }
    std::uint64_t getRefusedCount() const noexcept { return web->getRefusedCount() + osc.getRefusedCount(); }

    /** One round of the timer's work, now: follow the session, apply pending changes,
        send feedback. Tests call this instead of running a message loop. */
    void service();

    /** Errors of remote edits the session refused, newest last (bounded). */
    const std::vector<std::string>& getRecentErrors() const noexcept { return recentErrors; }

private:
    void timerCallback() override { service(); }
    void publishIfSessionChanged();
    void followSessionSettings();
    void ensureTokens();
    void publishDirectory();
    void sendOscValues();
    void sendMeters();
    std::string webMetersFor (const std::string& mixId, const MeterSnapshot& meters) const;
    void retireWebServer();
    void waitForRetiredServers();

    SessionDocument& document;
    Engine& engine;
    RemoteDirectoryHolder directory;
    Session publishedSession; ///< what the published directory was built from
    PendingRemoteChanges pending;
    std::unique_ptr<WebRemoteServer> web;
    std::vector<std::future<void>> retiring; ///< servers closing on threads of their own
    OscRemoteServer osc;

    std::string problem;
    RemoteLinkStore links;
    std::string runningAddress;
    int runningHttpPort = 0, runningOscPort = 0;
    std::uint64_t seenChangeCount = ~std::uint64_t { 0 };
    int tick = 0;

    /** What one OSC client has been told. */
    struct OscFeedback
    {
        std::optional<std::uint64_t> sentAtChange; ///< the document's change count it is up to date with
        std::map<std::string, float> values;       ///< address -> value last sent
    };

    /** Per client key ("ip:port/token"), only for the clients the OSC server lists now: a
        client it forgets (a minute unheard, or a one-shot sender such as liblo's oscsend,
        which uses a new source port per message) is forgotten here too, so this holds at
        most OscRemoteServer::maxClients tables. */
    std::map<std::string, OscFeedback> oscFeedback;
    std::vector<std::string> recentErrors;
};

} // namespace foldback
