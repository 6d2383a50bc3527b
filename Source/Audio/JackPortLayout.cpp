#include "JackPortLayout.h"

#include <set>

namespace foldback
{

namespace
{
    class PortNamer
    {
    public:
        /** Names channel (1-based) in `ports`, unless it is out of range or already named. */
        void name (std::vector<std::string>& ports, int channel, const std::string& wanted)
        {
            if (channel < 1)
                return;

            const auto index = static_cast<std::size_t> (channel - 1);
            if (ports.size() <= index)
                ports.resize (index + 1);
            if (! ports[index].empty())
                return;

            auto unique = wanted;
            for (int suffix = 2; taken.count (unique) > 0; ++suffix)
                unique = wanted + "_" + std::to_string (suffix);

            taken.insert (unique);
            ports[index] = unique;
        }

        void namePair (std::vector<std::string>& ports, const std::vector<int>& channels, const std::string& id)
        {
            if (channels.size() == 1)
            {
                name (ports, channels[0], id);
                return;
            }
            if (channels.size() == 2)
            {
                name (ports, channels[0], id + "_L");
                name (ports, channels[1], id + "_R");
            }
        }

    private:
        std::set<std::string> taken;
    };
}

JackPortLayout makeJackPortLayout (const Session& session)
{
    JackPortLayout layout;
    PortNamer namer;

    for (const auto& input : session.inputs)
        namer.namePair (layout.inputs, input.channels, input.id);
    for (const auto channel : session.talkback.channels)
        namer.name (layout.inputs, channel, "talkback");
    for (const auto& mix : session.mixes)
        namer.namePair (layout.outputs, mix.outputs, mix.id);

    layout.inputSources = session.audio.jackInputPorts;
    layout.outputDestinations = session.audio.jackOutputPorts;
    return layout;
}

} // namespace foldback
