#include "SessionError.h"

namespace foldback
{

std::string SessionError::toString() const
{
    if (pointer.empty())
        return file + ": " + message;

    return file + ": " + pointer + ": " + message;
}

} // namespace foldback
