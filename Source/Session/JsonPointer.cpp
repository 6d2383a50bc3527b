#include "JsonPointer.h"

namespace foldback
{

std::string appendToPointer (const std::string& pointer, std::string_view key)
{
    std::string result;
    result.reserve (pointer.size() + key.size() + 1);
    result += pointer;
    result += '/';

    for (char c : key)
    {
        if (c == '~')
            result += "~0";
        else if (c == '/')
            result += "~1";
        else
            result += c;
    }

    return result;
}

std::string appendToPointer (const std::string& pointer, std::size_t index)
{
    return pointer + "/" + std::to_string (index);
}

} // namespace foldback
