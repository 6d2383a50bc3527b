#include "RemoteToken.h"

#include <random>

namespace foldback
{

std::string generateRemoteToken()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::random_device randomSource; // the kernel's random source, not a seeded generator
    std::string token;
    for (int i = 0; i < 22; ++i)
        token += alphabet[randomSource() % 64];
    return token;
}

bool tokensMatch (std::string_view presented, std::string_view known) noexcept
{
    if (known.empty())
        return false;

    // Always walk the whole known token; fold the length difference into the result.
    unsigned difference = presented.size() == known.size() ? 0u : 1u;
    for (std::size_t i = 0; i < known.size(); ++i)
    {
        const char p = i < presented.size() ? presented[i] : '\0';
        difference |= static_cast<unsigned> (static_cast<unsigned char> (p) ^ static_cast<unsigned char> (known[i]));
    }
    return difference == 0;
}

} // namespace foldback
