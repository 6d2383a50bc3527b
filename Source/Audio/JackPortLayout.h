#pragma once

#include "Session/Session.h"

#include <string>
#include <vector>

namespace foldback
{

/** The ports Foldback's JACK client registers, one per device channel the session uses,
    named after what plays through it: "vox" for a mono input, "gtr_L"/"gtr_R" for a stereo
    one, "talkback", "singer_L"/"singer_R" for a mix ("singer" if it is mono).

    Index i of `inputs` and `outputs` is device channel i + 1, so the engine's channel
    numbers work on JACK exactly as on any other device. An empty name is a channel no
    input or mix uses: it gets no port, and the engine sees nullptr for it. */
struct JackPortLayout
{
    std::string clientName = "foldback";
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    bool autoConnect = true;    ///< input channel N from the Nth physical capture port, outputs likewise
    std::vector<std::string> inputSources;       ///< by name, over the index rule: [N - 1] feeds input N ("" none)
    std::vector<std::string> outputDestinations; ///< [N - 1] is where output N goes ("" none)

    bool operator== (const JackPortLayout&) const = default;
};

/** Names the ports for a session. Where two names would collide (an input and a mix may
    share an id; JACK port names are per client) the later one gets a numeric suffix; a
    channel used twice keeps its first name. Any thread. */
JackPortLayout makeJackPortLayout (const Session& session);

} // namespace foldback
