#include "NsmClient.h"

#include "Remote/OscPacket.h"
#include "Session/AtomicFile.h"
#include "Session/SessionJson.h"

#include <filesystem>
#include <regex>
#include <stdexcept>
#include <unistd.h>

namespace foldback
{

namespace
{
    void pad (std::vector<char>& out)
    {
        do
            out.push_back (0);
        while (out.size() % 4 != 0);
    }

    void appendString (std::vector<char>& out, const std::string& text)
    {
        out.insert (out.end(), text.begin(), text.end());
        pad (out);
    }

    std::string textOf (const std::vector<NsmClient::Argument>& arguments, std::size_t index)
    {
        return index < arguments.size() && arguments[index].isString ? arguments[index].text : std::string();
    }
}

std::vector<char> NsmClient::encode (const std::string& address, const std::vector<Argument>& arguments)
{
    std::vector<char> out;
    appendString (out, address);
    std::string tags = ",";
    for (const auto& argument : arguments)
        tags += argument.isString ? 's' : 'i';
    appendString (out, tags);
    for (const auto& argument : arguments)
    {
        if (argument.isString)
        {
            appendString (out, argument.text);
            continue;
        }
        const auto value = static_cast<std::uint32_t> (argument.number);
        for (int shift = 24; shift >= 0; shift -= 8)
            out.push_back (static_cast<char> ((value >> shift) & 0xff));
    }
    return out;
}

NsmClient::NsmClient (const std::string& url)
{
    static const std::regex form (R"(osc\.udp://([^:/]+):([0-9]+)/?)");
    std::smatch match;
    if (! std::regex_match (url, match, form))
        throw std::runtime_error ("NSM_URL is not osc.udp://HOST:PORT/: '" + url + "'");

    serverHost = match[1].str();
    serverPort = std::stoi (match[2].str());
    if (serverHost == "localhost")
        serverHost = "127.0.0.1";

    socket = std::make_unique<juce::DatagramSocket> (false);
    if (! socket->bindToPort (0))
        throw std::runtime_error ("NSM: could not open a UDP socket");
}

NsmClient::~NsmClient()
{
    stopTimer();
    if (socket != nullptr)
        socket->shutdown();
}

void NsmClient::send (const std::string& address, const std::vector<Argument>& arguments)
{
    const auto packet = encode (address, arguments);
    socket->write (serverHost, serverPort, packet.data(), static_cast<int> (packet.size()));
}

void NsmClient::announce (const std::string& executableName, const std::string& capabilities)
{
    send ("/nsm/server/announce", { { true, "Foldback", 0 }, { true, capabilities, 0 }, { true, executableName, 0 },
                                    { false, {}, 1 }, { false, {}, 1 }, { false, {}, static_cast<std::int32_t> (getpid()) } });
}

bool NsmClient::readOne (int timeoutMs, std::string& address, std::vector<Argument>& arguments)
{
    if (socket->waitUntilReady (true, timeoutMs) != 1)
        return false;

    char buffer[maxOscPacketBytes];
    const int size = socket->read (buffer, static_cast<int> (sizeof (buffer)), false);
    if (size <= 0)
        return false;

    std::vector<OscMessage> messages;
    std::string error;
    if (! parseOscPacket (buffer, static_cast<std::size_t> (size), messages, error) || messages.empty())
        return false;

    address = messages.front().address;
    arguments.clear();
    for (const auto& value : messages.front().arguments)
    {
        if (const auto* text = std::get_if<std::string> (&value))
            arguments.push_back ({ true, *text, 0 });
        else if (const auto* number = std::get_if<std::int32_t> (&value))
            arguments.push_back ({ false, {}, *number });
        else
            arguments.push_back ({ false, {}, static_cast<std::int32_t> (std::get<float> (value)) });
    }
    return true;
}

std::optional<NsmClient::OpenRequest> NsmClient::waitForOpen (std::chrono::milliseconds timeout, std::string& error)
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    std::string address;
    std::vector<Argument> arguments;

    while (std::chrono::steady_clock::now() < end)
    {
        if (! readOne (50, address, arguments))
            continue;

        if (address == "/error" && textOf (arguments, 0) == "/nsm/server/announce")
        {
            error = "the NSM server refused the announce: " + textOf (arguments, 2);
            return std::nullopt;
        }
        if (address == "/nsm/client/open" && arguments.size() >= 3)
            return OpenRequest { textOf (arguments, 0), textOf (arguments, 1), textOf (arguments, 2) };
        // /reply to the announce (the server's name and capabilities): nothing to do.
    }

    error = "the NSM server sent no /nsm/client/open";
    return std::nullopt;
}

NsmClient::Instance NsmClient::openInstance (std::chrono::milliseconds timeout)
{
    std::string problem;
    const auto request = waitForOpen (timeout, problem);
    if (! request)
        throw std::runtime_error ("NSM: " + problem);

    Instance instance { request->path + ".json", request->clientId };
    if (! std::filesystem::exists (instance.sessionPath))
    {
        std::error_code ignored;
        std::filesystem::create_directories (std::filesystem::path (instance.sessionPath).parent_path(), ignored);
        Session fresh;
        fresh.name = request->displayName.empty() ? "Foldback" : request->displayName;
        std::string error;
        if (! writeFileAtomically (instance.sessionPath, sessionToJson (fresh), {}, error))
        {
            replyToOpen (false, error);
            throw std::runtime_error ("NSM: " + error);
        }
    }
    return instance;
}

void NsmClient::reportGuiShown (bool shown)
{
    send (shown ? "/nsm/client/gui_is_shown" : "/nsm/client/gui_is_hidden", {});
}

void NsmClient::replyToOpen (bool opened, const std::string& message)
{
    if (opened)
        send ("/reply", { { true, "/nsm/client/open", 0 }, { true, message, 0 } });
    else
        send ("/error", { { true, "/nsm/client/open", 0 }, { false, {}, -1 }, { true, message, 0 } });
}

void NsmClient::serve (SessionDocument& documentToServe)
{
    document = &documentToServe;
    reportedDirty.reset();
    startTimer (50);
}

void NsmClient::handle (const std::string& address, const std::vector<Argument>&)
{
    if (address == "/nsm/client/save" && document != nullptr)
    {
        std::string error;
        if (document->save (error))
        {
            if (onSaved)
                onSaved();
            send ("/reply", { { true, "/nsm/client/save", 0 }, { true, "saved", 0 } });
        }
        else
            send ("/error", { { true, "/nsm/client/save", 0 }, { false, {}, -1 }, { true, error, 0 } });
    }
    else if (address == "/nsm/client/show_optional_gui" || address == "/nsm/client/hide_optional_gui")
    {
        if (onShowGui)
            onShowGui (address == "/nsm/client/show_optional_gui");
    }
    else if (address == "/nsm/client/open")
    {
        // Without the :switch: capability the server restarts us for another session instead.
        send ("/error", { { true, "/nsm/client/open", 0 }, { false, {}, -1 }, { true, "Foldback opens one session per run", 0 } });
    }
}

void NsmClient::timerCallback()
{
    std::string address;
    std::vector<Argument> arguments;
    for (int i = 0; i < 16 && readOne (0, address, arguments); ++i)
        handle (address, arguments);

    if (document == nullptr)
        return;
    const bool dirty = document->hasUnsavedChanges();
    if (reportedDirty != dirty)
    {
        send (dirty ? "/nsm/client/is_dirty" : "/nsm/client/is_clean", {});
        reportedDirty = dirty;
    }
}

} // namespace foldback
