#include "Utf8.h"

namespace foldback
{

std::optional<std::size_t> findInvalidUtf8 (std::string_view text)
{
    std::size_t i = 0;

    while (i < text.size())
    {
        const auto lead = static_cast<unsigned char> (text[i]);

        if (lead < 0x80)
        {
            ++i;
            continue;
        }

        std::size_t length = 0;
        unsigned char secondMin = 0x80, secondMax = 0xbf;

        if (lead >= 0xc2 && lead <= 0xdf)      length = 2;
        else if (lead == 0xe0)                 { length = 3; secondMin = 0xa0; }
        else if (lead == 0xed)                 { length = 3; secondMax = 0x9f; }
        else if (lead >= 0xe1 && lead <= 0xef) length = 3;
        else if (lead == 0xf0)                 { length = 4; secondMin = 0x90; }
        else if (lead == 0xf4)                 { length = 4; secondMax = 0x8f; }
        else if (lead >= 0xf1 && lead <= 0xf3) length = 4;
        else                                   return i;

        if (i + length > text.size())
            return i;

        for (std::size_t k = 1; k < length; ++k)
        {
            const auto next = static_cast<unsigned char> (text[i + k]);
            const auto min = k == 1 ? secondMin : static_cast<unsigned char> (0x80);
            const auto max = k == 1 ? secondMax : static_cast<unsigned char> (0xbf);

            if (next < min || next > max)
                return i;
        }

        i += length;
    }

    return std::nullopt;
}

} // namespace foldback
