#include "RegularFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace foldback
{

ScopedFileDescriptor& ScopedFileDescriptor::operator= (ScopedFileDescriptor&& other) noexcept
{
    if (this != &other)
    {
        reset();
        fd = other.release();
    }
    return *this;
}

int ScopedFileDescriptor::release() noexcept
{
    const auto released = fd;
    fd = -1;
    return released;
}

void ScopedFileDescriptor::reset() noexcept
{
    if (fd >= 0)
        ::close (fd);
    fd = -1;
}

int ScopedFileDescriptor::close() noexcept
{
    const auto result = fd >= 0 ? ::close (fd) : 0;
    fd = -1;
    return result;
}

namespace
{
    FileIdentity identityOf (const struct stat& info) noexcept
    {
        FileIdentity identity;
        identity.device = static_cast<std::uint64_t> (info.st_dev);
        identity.inode = static_cast<std::uint64_t> (info.st_ino);
        identity.size = static_cast<std::int64_t> (info.st_size);
        identity.modifiedSeconds = static_cast<std::int64_t> (info.st_mtim.tv_sec);
        identity.modifiedNanoseconds = static_cast<std::int64_t> (info.st_mtim.tv_nsec);
        return identity;
    }

    const char* describeFileType (mode_t mode)
    {
        if (S_ISDIR (mode))
            return "is a folder, not a file";
        if (S_ISFIFO (mode))
            return "is a FIFO (named pipe), not a regular file";
        if (S_ISSOCK (mode))
            return "is a socket, not a regular file";
        if (S_ISCHR (mode) || S_ISBLK (mode))
            return "is a device, not a regular file";
        return "is not a regular file";
    }
} // namespace

std::string describeOpenError (int error)
{
    switch (error)
    {
        case ENOENT: return "file not found";
        case ENOTDIR: return "file not found (a folder on its path is a file)";
        case EACCES:
        case EPERM: return "cannot be read (permission denied)";
        case EISDIR: return "is a folder, not a file";
        case ENXIO: return "is not a regular file (a socket, or a device with nothing behind it)";
        case EMFILE: return "cannot be opened: too many open files (this process's limit; raise it with ulimit -n)";
        case ENFILE: return "cannot be opened: too many open files on this system";
        case ELOOP: return "cannot be opened: too many symbolic links (a link loop?)";
        case ENAMETOOLONG: return "cannot be opened: the path is too long";
        default: return std::string ("cannot be opened: ") + std::strerror (error);
    }
}

OpenedRegularFile openRegularFileForReading (const std::string& path)
{
    OpenedRegularFile opened;

    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
    ScopedFileDescriptor fd{ ::open (path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) };
    if (! fd.isOpen())
    {
        opened.error = describeOpenError (errno);
        return opened;
    }

    struct stat info
    {
    };
    if (::fstat (fd.get(), &info) != 0)
    {
        opened.error = std::string ("cannot be read: ") + std::strerror (errno);
        return opened;
    }

    if (! S_ISREG (info.st_mode))
    {
        opened.error = describeFileType (info.st_mode);
        return opened;
    }

    // A regular file never blocks anyway; clear the flag so reads behave as ordinary reads.
    const int flags = ::fcntl (fd.get(), F_GETFL);
    if (flags < 0 || ::fcntl (fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0)
    {
        opened.error = std::string ("cannot be read: ") + std::strerror (errno);
        return opened;
    }

    opened.identity = identityOf (info);
    opened.fd = std::move (fd);
    return opened;
}

bool readFileIdentity (int fd, FileIdentity& identity) noexcept
{
    struct stat info
    {
    };
    if (::fstat (fd, &info) != 0)
        return false;
    identity = identityOf (info);
    return true;
}

bool readPathIdentity (const std::string& path, FileIdentity& identity) noexcept
{
    struct stat info
    {
    };
    if (::stat (path.c_str(), &info) != 0)
        return false;
    identity = identityOf (info);
    return true;
}

std::string readWholeRegularFile (const std::string& path, std::size_t maxBytes, std::string& text)
{
    auto opened = openRegularFileForReading (path);
    if (! opened.error.empty())
        return opened.error;

    const auto describeLimit = [maxBytes]
    {
        return maxBytes % (1024 * 1024) == 0 ? std::to_string (maxBytes / (1024 * 1024)) + " MiB"
                                             : std::to_string (maxBytes) + " bytes";
    };

    // Checked before anything is allocated; checked again while reading, as it may grow.
    if (static_cast<std::uint64_t> (opened.identity.size) > maxBytes)
        return "is larger than " + describeLimit() + " (" + std::to_string (opened.identity.size) + " bytes)";

    text.clear();
    text.reserve (static_cast<std::size_t> (opened.identity.size));
    char buffer[65536];

    for (;;)
    {
        const auto count = ::read (opened.fd.get(), buffer, sizeof (buffer));

        if (count < 0 && errno == EINTR)
            continue;

        if (count < 0)
            return std::string ("cannot read: ") + std::strerror (errno);

        if (count == 0)
            return {};

        text.append (buffer, static_cast<std::size_t> (count));

        if (text.size() > maxBytes)
            return "is larger than " + describeLimit();
    }
}

} // namespace foldback
