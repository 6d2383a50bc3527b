#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace foldback
{

/** The byte offset of the first byte that is not part of well-formed UTF-8 (no
    overlong forms, no surrogates, nothing above U+10FFFF), or nullopt if text is valid. */
std::optional<std::size_t> findInvalidUtf8 (std::string_view text);

} // namespace foldback
