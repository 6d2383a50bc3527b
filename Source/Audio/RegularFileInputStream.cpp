#include "RegularFileInputStream.h"

#include <cerrno>
#include <unistd.h>

namespace foldback
{

std::unique_ptr<RegularFileInputStream> RegularFileInputStream::open (const std::string& path, std::string& error)
{
    auto opened = openRegularFileForReading (path);
    if (! opened.error.empty())
    {
        error = opened.error;
        return nullptr;
    }

    error.clear();
    return std::unique_ptr<RegularFileInputStream> (new RegularFileInputStream (path, std::move (opened)));
}

RegularFileInputStream::RegularFileInputStream (std::string filePath, OpenedRegularFile opened)
    : path (std::move (filePath)), fd (std::move (opened.fd)), identity (opened.identity)
{
}

bool RegularFileInputStream::hasChangedSinceOpen() const
{
    FileIdentity now, atPath;
    return ! readFileIdentity (fd.get(), now) || now != identity || ! readPathIdentity (path, atPath) || atPath.device != identity.device || atPath.inode != identity.inode;
}

juce::int64 RegularFileInputStream::getTotalLength()
{
    FileIdentity now;
    return readFileIdentity (fd.get(), now) ? now.size : identity.size;
}

bool RegularFileInputStream::isExhausted()
{
    return position >= getTotalLength();
}

int RegularFileInputStream::read (void* destination, int maxBytes)
{
    if (maxBytes <= 0)
        return 0;

    for (;;)
    {
        const auto count = ::pread (fd.get(), destination, static_cast<std::size_t> (maxBytes), static_cast<off_t> (position));
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            return 0;
        position += count;
        return static_cast<int> (count);
    }
}

juce::int64 RegularFileInputStream::getPosition()
{
    return position;
}

bool RegularFileInputStream::setPosition (juce::int64 newPosition)
{
    position = std::max<juce::int64> (0, newPosition);
    return true;
}

} // namespace foldback
