#pragma once

#include "Control/SessionDocument.h"

#include <juce_core/juce_core.h>
#include <juce_events/juce_events.h>

#include <chrono>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace foldback
{

/** A New Session Manager client, for `run` and the console when NSM_URL is set (the
    protocol of the new-session-manager project, API 1.1): announces itself to the server,
    waits for /nsm/client/open, answers it once the session is playing, saves when told
    (/nsm/client/save: the document's atomic save) and reports unsaved changes
    (/nsm/client/is_dirty, /nsm/client/is_clean). The console also announces
    ":optional-gui:": /nsm/client/show_optional_gui and hide_optional_gui reach onShowGui,
    and it reports its window with reportGuiShown (/nsm/client/gui_is_shown, gui_is_hidden).
    SIGTERM, NSM's way to end a client, is an ordinary clean stop, asking nothing.

    OSC over UDP from one socket, so the server's replies come back to the port it heard
    from: datagrams are parsed by Remote's bounds-checked OscPacket parser and written by a
    small encoder here (strings and int32 are all NSM uses), polled on the message thread by
    a timer. No new dependency (liblo would be one, with a thread of its own).

    Message thread only. */
class NsmClient : private juce::Timer
{
public:
    struct OpenRequest
    {
        std::string path;        ///< the instance's path without extension: the session is path + ".json"
        std::string displayName;
        std::string clientId;    ///< becomes the JACK client name
    };

    /** Parses `url` (osc.udp://HOST:PORT/) and opens a UDP socket. Throws std::runtime_error. */
    explicit NsmClient (const std::string& url);
    ~NsmClient() override;

    /** Sends /nsm/server/announce for "Foldback" with `capabilities` (":dirty:" for `run`,
        ":dirty:optional-gui:" for the console). */
    void announce (const std::string& executableName, const std::string& capabilities = ":dirty:");

    /** Waits for /nsm/client/open (reading the socket meanwhile), at most `timeout`; nothing
        if the server refused the announce or never asked. `error` says why. */
    std::optional<OpenRequest> waitForOpen (std::chrono::milliseconds timeout, std::string& error);

    struct Instance
    {
        std::string sessionPath;   ///< the open request's path + ".json"
        std::string clientId;      ///< the JACK client name
    };

    /** waitForOpen(), then the instance's session file: path + ".json", written (an empty
        session named after the display name) the first time. Throws std::runtime_error,
        having answered the server with /error, when there is no open or no file. */
    Instance openInstance (std::chrono::milliseconds timeout);

    /** Answers the open: /reply or /error. */
    void replyToOpen (bool opened, const std::string& message);

    /** From now on handles /nsm/client/save with `document` and reports its dirty state. */
    void serve (SessionDocument& document);

    /** Called (message thread) after the document saved for /nsm/client/save, before the
        reply: what else the client keeps in the instance (the console's window state). */
    std::function<void()> onSaved;

    /** Called (message thread) for /nsm/client/show_optional_gui (true) and
        /nsm/client/hide_optional_gui (false). */
    std::function<void (bool show)> onShowGui;

    /** Tells the server the console's window is now shown or hidden: after the open, and
        whenever it changes. */
    void reportGuiShown (bool shown);

    /** One OSC message with string and int32 arguments, as NSM sends them. */
    struct Argument
    {
        bool isString = true;
        std::string text;
        std::int32_t number = 0;
    };

    static std::vector<char> encode (const std::string& address, const std::vector<Argument>& arguments);

private:
    void timerCallback() override;
    void send (const std::string& address, const std::vector<Argument>& arguments);
    bool readOne (int timeoutMs, std::string& address, std::vector<Argument>& arguments);
    void handle (const std::string& address, const std::vector<Argument>& arguments);

    std::unique_ptr<juce::DatagramSocket> socket;
    juce::String serverHost;
    int serverPort = 0;
    SessionDocument* document = nullptr;
    std::optional<bool> reportedDirty;
};

} // namespace foldback
