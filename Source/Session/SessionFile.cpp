#include "SessionFile.h"

#include "SessionValidation.h"
#include "Utf8.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace foldback
{

namespace
{
    std::string systemError (int error)
    {
        return std::strerror (error);
    }

    /** Closes a file descriptor when it goes out of scope. */
    struct ScopedFd
    {
        int fd = -1;

        ~ScopedFd()
        {
            if (fd >= 0)
                ::close (fd);
        }

        int release()
        {
            const auto result = ::close (fd);
            fd = -1;
            return result;
        }
    };

    /** Reads the whole file, or returns an error message. */
    std::string readWholeFile (const std::string& path, std::string& text)
    {
        ScopedFd file { ::open (path.c_str(), O_RDONLY | O_CLOEXEC) };

        if (file.fd < 0)
            return "cannot open: " + systemError (errno);

        struct stat info {};

        if (::fstat (file.fd, &info) != 0)
            return "cannot read: " + systemError (errno);

        if (S_ISDIR (info.st_mode))
            return "is a directory, not a session file";

        if (! S_ISREG (info.st_mode))
            return "is not a regular file";

        if (static_cast<std::size_t> (info.st_size) > maxSessionFileBytes)
            return "is larger than 16 MiB (" + std::to_string (info.st_size) + " bytes); not a session file";

        text.clear();
        char buffer[65536];

        for (;;)
        {
            const auto count = ::read (file.fd, buffer, sizeof (buffer));

            if (count < 0 && errno == EINTR)
                continue;

            if (count < 0)
                return "cannot read: " + systemError (errno);

            if (count == 0)
                break;

            text.append (buffer, static_cast<std::size_t> (count));

            if (text.size() > maxSessionFileBytes)
                return "is larger than 16 MiB; not a session file";
        }

        return {};
    }

    bool writeAll (int fd, const std::string& text)
    {
        std::size_t written = 0;

        while (written < text.size())
        {
            const auto count = ::write (fd, text.data() + written, text.size() - written);

            if (count < 0 && errno == EINTR)
                continue;

            if (count <= 0)
                return false;

            written += static_cast<std::size_t> (count);
        }

        return true;
    }

    std::string directoryOf (const std::string& path)
    {
        const auto slash = path.rfind ('/');

        if (slash == std::string::npos)
            return ".";

        return slash == 0 ? "/" : path.substr (0, slash);
    }

    /** The file a save should replace: path itself, or what it links to. */
    std::string resolveTarget (const std::string& path)
    {
        struct stat info {};

        if (::lstat (path.c_str(), &info) == 0 && S_ISLNK (info.st_mode))
        {
            if (char* resolved = ::realpath (path.c_str(), nullptr))
            {
                std::string target (resolved);
                std::free (resolved);
                return target;
            }
        }

        return path;
    }
}

SessionParseResult loadSessionFile (const std::string& path)
{
    SessionParseResult result;
    std::string text;

    if (const auto problem = readWholeFile (path, text); ! problem.empty())
    {
        result.errors.push_back ({ path, {}, problem });
        return result;
    }

    if (const auto badByte = findInvalidUtf8 (text))
    {
        result.errors.push_back ({ path, {}, "is not UTF-8 text (invalid byte at offset " + std::to_string (*badByte) + ")" });
        return result;
    }

    return parseSessionJson (text, path);
}

bool saveSessionFile (const Session& session, const std::string& path, std::string& errorMessage)
{
    if (const auto errors = validateSession (session, path); ! errors.empty())
    {
        errorMessage = errors.front().toString() + " (not saved)";
        return false;
    }

    const auto text = sessionToJson (session);
    const auto target = resolveTarget (path);
    const auto fail = [&] (const std::string& reason)
    {
        errorMessage = path + ": " + reason;
        return false;
    };

    struct stat existing {};
    const bool targetExists = ::stat (target.c_str(), &existing) == 0;

    if (targetExists && S_ISDIR (existing.st_mode))
        return fail ("is a directory; cannot save a session over it");

    std::string tempPath = target + ".tmp-XXXXXX";
    ScopedFd temp { ::mkstemp (tempPath.data()) };

    if (temp.fd < 0)
        return fail ("cannot create a temporary file in " + directoryOf (target) + ": " + systemError (errno));

    const auto discard = [&] (const std::string& reason)
    {
        const auto error = errno;
        ::close (temp.fd);
        temp.fd = -1;
        ::unlink (tempPath.c_str());
        return fail (reason + ": " + systemError (error));
    };

    const auto mode = targetExists ? (existing.st_mode & 07777) : static_cast<mode_t> (0644);

    if (::fchmod (temp.fd, mode) != 0)
        return discard ("cannot set permissions on " + tempPath);

    if (! writeAll (temp.fd, text))
        return discard ("cannot write " + tempPath);

    if (::fsync (temp.fd) != 0)
        return discard ("cannot flush " + tempPath + " to disk");

    if (temp.release() != 0)
    {
        const auto error = errno;
        ::unlink (tempPath.c_str());
        return fail ("cannot close " + tempPath + ": " + systemError (error));
    }

    if (::rename (tempPath.c_str(), target.c_str()) != 0)
    {
        const auto error = errno;
        ::unlink (tempPath.c_str());
        return fail ("cannot replace the file: " + systemError (error));
    }

    // The new file is in place; flushing the directory makes the rename itself durable.
    ScopedFd directory { ::open (directoryOf (target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) };

    if (directory.fd >= 0 && ::fsync (directory.fd) != 0 && errno != EINVAL)
        return fail ("saved, but the directory could not be flushed to disk: " + systemError (errno));

    errorMessage.clear();
    return true;
}

} // namespace foldback
