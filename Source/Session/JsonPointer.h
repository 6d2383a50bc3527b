#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace foldback
{

/** Builds JSON pointers (RFC 6901) for error messages: appendToPointer ("/mixes", 2)
    gives "/mixes/2"; a key containing '~' or '/' is escaped as "~0" and "~1". */
std::string appendToPointer (const std::string& pointer, std::string_view key);
std::string appendToPointer (const std::string& pointer, std::size_t index);

} // namespace foldback
