#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foldback
{

/** The closed sets of a session, each with the one table of the names a session file
    spells them with. The reader, the writer, validation's messages and the GUI all go
    through these tables, so a name is typed in exactly one place.

    Each enum's values are 0, 1, 2... in the order of its names. */

enum class DeviceType  { jack, alsa, virtualDevice };
enum class ClickSound  { beep, woodblock, cowbell, hihat, rimshot, custom };
enum class Subdivision { none, eighths, triplets, sixteenths };
enum class ClickMode   { always, countInOnly };
enum class TransportSync { internal, jack };
enum class TransportTimebase { off, lead, follow };

template <typename Enum>
struct EnumNames; ///< specialised below: static constexpr std::array<std::string_view, N> names

template <> struct EnumNames<DeviceType>  { static constexpr std::array<std::string_view, 3> names { "JACK", "ALSA", "Virtual" }; };
template <> struct EnumNames<ClickSound>  { static constexpr std::array<std::string_view, 6> names { "beep", "woodblock", "cowbell", "hihat", "rimshot", "custom" }; };
template <> struct EnumNames<Subdivision> { static constexpr std::array<std::string_view, 4> names { "none", "eighths", "triplets", "sixteenths" }; };
template <> struct EnumNames<ClickMode>   { static constexpr std::array<std::string_view, 2> names { "always", "countInOnly" }; };
template <> struct EnumNames<TransportSync> { static constexpr std::array<std::string_view, 2> names { "internal", "jack" }; };
template <> struct EnumNames<TransportTimebase> { static constexpr std::array<std::string_view, 3> names { "off", "lead", "follow" }; };

/** True for the enums above: the session reader and writer treat them as names. */
template <typename T>
concept SessionEnum = requires { EnumNames<T>::names; };

template <SessionEnum Enum>
constexpr const auto& namesOf() noexcept
{
    return EnumNames<Enum>::names;
}

template <SessionEnum Enum>
constexpr std::string_view toString (Enum value) noexcept
{
    return namesOf<Enum>()[static_cast<std::size_t> (value)];
}

/** The value a name spells, or nothing for a name outside the set (case matters). */
template <SessionEnum Enum>
constexpr std::optional<Enum> enumFromString (std::string_view name) noexcept
{
    const auto& names = namesOf<Enum>();

    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<Enum> (i);

    return std::nullopt;
}

/** The names as strings, for messages and suggestions. */
template <SessionEnum Enum>
std::vector<std::string> nameStringsOf()
{
    const auto& names = namesOf<Enum>();
    return { names.begin(), names.end() };
}

} // namespace foldback
