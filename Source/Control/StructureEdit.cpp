#include "StructureEdit.h"

namespace foldback
{

std::string StructureEdit::describe() const
{
    std::string text;
    for (const auto& error : errors)
    {
        if (! text.empty())
            text += '\n';
        if (! error.pointer.empty())
            text.append (error.pointer).append (": ");
        text += error.message;
    }
    return text;
}

std::string StructureEdit::channelText (const std::vector<int>& channels)
{
    std::string text;
    for (const int channel : channels)
    {
        if (! text.empty())
            text += '+';
        text += std::to_string (channel);
    }
    return text;
}

} // namespace foldback
