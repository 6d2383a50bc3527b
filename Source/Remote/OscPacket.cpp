#include "OscPacket.h"

#include <cstring>

namespace foldback
{

namespace
{
    constexpr int maxBundleDepth = 4;
    constexpr std::size_t maxMessagesPerPacket = 64;

    class Reader
    {
    public:
        Reader (const std::uint8_t* begin, std::size_t length) : data (begin), size (length) {}

        std::size_t remaining() const noexcept { return size - position; }

        /** An OSC string: NUL-terminated, padded to four bytes. */
        bool readString (std::string& out)
        {
            const auto* start = data + position;
            const void* nul = std::memchr (start, 0, remaining());
            if (nul == nullptr)
                return false;
            const auto length = static_cast<std::size_t> (static_cast<const std::uint8_t*> (nul) - start);
            const auto padded = (length + 4) & ~static_cast<std::size_t> (3);
            if (padded > remaining())
                return false;
            out.assign (reinterpret_cast<const char*> (start), length);
            position += padded;
            return true;
        }

        bool readInt32 (std::int32_t& out)
        {
            std::uint32_t bits = 0;
            if (! readBigEndian (bits))
                return false;
            std::memcpy (&out, &bits, 4);
            return true;
        }

        bool readFloat32 (float& out)
        {
            std::uint32_t bits = 0;
            if (! readBigEndian (bits))
                return false;
            std::memcpy (&out, &bits, 4);
            return true;
        }

        bool skip (std::size_t bytes)
        {
            if (bytes > remaining())
                return false;
            position += bytes;
            return true;
        }

        const std::uint8_t* current() const noexcept { return data + position; }

    private:
        bool readBigEndian (std::uint32_t& out)
        {
            if (remaining() < 4)
                return false;
            const auto* p = data + position;
            out = (std::uint32_t (p[0]) << 24) | (std::uint32_t (p[1]) << 16) | (std::uint32_t (p[2]) << 8) | std::uint32_t (p[3]);
            position += 4;
            return true;
        }

        const std::uint8_t* data;
        std::size_t size;
        std::size_t position = 0;
    };

    bool parseMessage (const std::uint8_t* data, std::size_t size, std::vector<OscMessage>& messages, std::string& error)
    {
        Reader reader (data, size);
        OscMessage message;

        if (! reader.readString (message.address) || message.address.empty() || message.address[0] != '/')
            return error = "an OSC address must be a string starting with '/'", false;

        std::string tags;
        if (reader.remaining() == 0)
            tags = ","; // OSC 1.0 allows an old-style message with no type tags
        else if (! reader.readString (tags) || tags.empty() || tags[0] != ',')
            return error = "bad OSC type tag string", false;

        for (std::size_t i = 1; i < tags.size(); ++i)
        {
            switch (tags[i])
            {
                case 'i': { std::int32_t v = 0; if (! reader.readInt32 (v)) return error = "truncated int argument", false; message.arguments.emplace_back (v); break; }
                case 'f': { float v = 0;        if (! reader.readFloat32 (v)) return error = "truncated float argument", false; message.arguments.emplace_back (v); break; }
                case 's': { std::string v;      if (! reader.readString (v)) return error = "truncated string argument", false; message.arguments.emplace_back (std::move (v)); break; }
                case 'T': message.arguments.emplace_back (std::int32_t { 1 }); break;
                case 'F': message.arguments.emplace_back (std::int32_t { 0 }); break;
                default:  return error = std::string ("unsupported OSC argument type '") + tags[i] + "'", false;
            }
        }

        if (messages.size() >= maxMessagesPerPacket)
            return error = "too many messages in one packet", false;
        messages.push_back (std::move (message));
        return true;
    }

    bool parseElement (const std::uint8_t* data, std::size_t size, int depth, std::vector<OscMessage>& messages, std::string& error)
    {
        if (size == 0 || size % 4 != 0)
            return error = "an OSC packet's size must be a non-zero multiple of 4", false;

        if (data[0] != '#')
            return parseMessage (data, size, messages, error);

        if (depth >= maxBundleDepth)
            return error = "OSC bundles nested too deep", false;

        Reader reader (data, size);
        std::string tag;
        if (! reader.readString (tag) || tag != "#bundle" || ! reader.skip (8)) // the time tag: applied at once
            return error = "bad OSC bundle header", false;

        while (reader.remaining() > 0)
        {
            std::int32_t elementSize = 0;
            if (! reader.readInt32 (elementSize) || elementSize <= 0 || static_cast<std::size_t> (elementSize) > reader.remaining())
                return error = "bad OSC bundle element size", false;
            if (! parseElement (reader.current(), static_cast<std::size_t> (elementSize), depth + 1, messages, error))
                return false;
            reader.skip (static_cast<std::size_t> (elementSize));
        }
        return true;
    }
}

bool parseOscPacket (const void* data, std::size_t size, std::vector<OscMessage>& messages, std::string& error)
{
    messages.clear();
    if (data == nullptr || size > maxOscPacketBytes)
        return error = "OSC packet too large (at most 1024 bytes)", false;
    return parseElement (static_cast<const std::uint8_t*> (data), size, 0, messages, error);
}

} // namespace foldback
