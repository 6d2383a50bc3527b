#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace foldback
{

/** Largest OSC packet accepted (docs/remotes.md): a control message is tens of bytes. */
inline constexpr std::size_t maxOscPacketBytes = 1024;

/** One OSC message: its address and its arguments (int32, float32 or string; other
    types make the message invalid). */
struct OscMessage
{
    using Argument = std::variant<std::int32_t, float, std::string>;
    std::string address;
    std::vector<Argument> arguments;
};

/** Parses a UDP datagram of OSC 1.0 (a message, or a bundle of messages nested at most
    four deep) into its messages, or fails with the reason. Bounds-checked throughout: a
    hostile datagram costs a failed parse, never a read past its end. */
bool parseOscPacket (const void* data, std::size_t size, std::vector<OscMessage>& messages, std::string& error);

} // namespace foldback
