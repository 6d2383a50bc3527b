#pragma once

#include <string>

namespace foldback
{

/** One control change asked for by a remote (web page or OSC), after parsing and before
    (or after) validation: protocol-independent, so both remotes share one set of rules. */
struct RemoteChange
{
    enum class Control
    {
        gain,      ///< a send's level in dB (the click's level is the "click" source's gain)
        pan,       ///< a send's pan, -1..1
        mute,      ///< a send's mute, value 0 or 1
        master,    ///< the mix master in dB
        reset,     ///< clears the performer's layer
        play,      ///< engineer only: transport
        stop,      ///< engineer only: transport
        talkback,  ///< engineer only: value 0 or 1
        subscribe  ///< feedback only: changes nothing
    };

    Control control = Control::gain;
    std::string mixId;       ///< performer: filled in from the token; engineer: named in the message
    std::string sourceId;    ///< gain, pan and mute only
    double value = 0.0;
    bool engineerLevel = false; ///< true: the engineer's own values, not a performer's offsets
};

/** The name of a control as the protocols and the audit list spell it. */
const char* controlName (RemoteChange::Control control) noexcept;

} // namespace foldback
