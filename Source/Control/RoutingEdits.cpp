#include "RoutingEdits.h"

#include "Session/SessionQueries.h"

namespace foldback
{

namespace
{
    StructureEdit apply (SessionDocument& document, const std::string& description, const std::function<void (Session&)>& change)
    {
        return { document.edit (description, change), {} };
    }
}

StructureEdit setTalkbackChannel (SessionDocument& document, int channel)
{
    const std::vector<int> channels = channel > 0 ? std::vector<int> { channel } : std::vector<int> {};
    const bool hadTalkback = hasTalkback (document.getSession());
    return apply (document, channel > 0 ? "Talkback mic on input " + std::to_string (channel) : std::string ("No talkback mic"),
                  [&channels, hadTalkback] (Session& s)
                  {
                      s.talkback.channels = channels;
                      const std::string talkback (talkbackSourceId);
                      for (auto& mix : s.mixes)
                      {
                          if (channels.empty())
                              mix.sends.erase (talkback);
                          else if (! hadTalkback)
                              mix.sends[talkback] = SendSettings {};
                      }
                  });
}

StructureEdit setListenOutputs (SessionDocument& document, const std::vector<int>& outputs)
{
    const auto text = StructureEdit::channelText (outputs);
    return apply (document, outputs.empty() ? std::string ("No listen outputs") : "Listen on output" + std::string (outputs.size() == 2 ? "s " : " ") + text,
                  [&outputs] (Session& s) { s.monitor.outputs = outputs; });
}

StructureEdit setRemoteAddress (SessionDocument& document, const std::string& address)
{
    return apply (document, "Remotes listen on " + address, [&address] (Session& s) { s.remote.address = address; });
}

StructureEdit setRemotePorts (SessionDocument& document, int httpPort, int oscPort)
{
    return apply (document, "Remote ports web " + std::to_string (httpPort) + ", OSC " + std::to_string (oscPort),
                  [httpPort, oscPort] (Session& s)
                  {
                      s.remote.httpPort = httpPort;
                      s.remote.oscPort = oscPort;
                  });
}

} // namespace foldback
