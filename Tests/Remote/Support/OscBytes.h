#pragma once

// Builds OSC 1.0 packets byte by byte, including wrong ones, independently of the parser
// under test (and of JUCE's writer).

#include <cstdint>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

namespace foldback::test
{

using OscBytes = std::vector<std::uint8_t>;

inline void appendOscString (OscBytes& bytes, const std::string& text)
{
    bytes.insert (bytes.end(), text.begin(), text.end());
    bytes.push_back (0);
    while (bytes.size() % 4 != 0)
        bytes.push_back (0);
}

inline void appendInt32 (OscBytes& bytes, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back (static_cast<std::uint8_t> ((value >> shift) & 0xff));
}

inline void appendFloat32 (OscBytes& bytes, float value)
{
    std::uint32_t bits = 0;
    std::memcpy (&bits, &value, 4);
    appendInt32 (bytes, bits);
}

using OscArg = std::variant<std::int32_t, float, std::string>;

/** A message with type tags built from the arguments' types. */
inline OscBytes oscMessage (const std::string& address, const std::vector<OscArg>& arguments = {})
{
    OscBytes bytes;
    appendOscString (bytes, address);
    std::string tags = ",";
    for (const auto& argument : arguments)
        tags += std::holds_alternative<std::int32_t> (argument) ? 'i' : std::holds_alternative<float> (argument) ? 'f' : 's';
    appendOscString (bytes, tags);
    for (const auto& argument : arguments)
    {
        if (const auto* i = std::get_if<std::int32_t> (&argument))
            appendInt32 (bytes, static_cast<std::uint32_t> (*i));
        else if (const auto* f = std::get_if<float> (&argument))
            appendFloat32 (bytes, *f);
        else
            appendOscString (bytes, std::get<std::string> (argument));
    }
    return bytes;
}

/** A bundle (time tag "immediately") of the given elements. */
inline OscBytes oscBundle (const std::vector<OscBytes>& elements)
{
    OscBytes bytes;
    appendOscString (bytes, "#bundle");
    appendInt32 (bytes, 0);
    appendInt32 (bytes, 1);
    for (const auto& element : elements)
    {
        appendInt32 (bytes, static_cast<std::uint32_t> (element.size()));
        bytes.insert (bytes.end(), element.begin(), element.end());
    }
    return bytes;
}

/** `depth` bundles, one inside the other, around one message. */
inline OscBytes nestedBundles (int depth, const OscBytes& message)
{
    OscBytes packet = message;
    for (int i = 0; i < depth; ++i)
        packet = oscBundle ({ packet });
    return packet;
}

} // namespace foldback::test
