#include "AtomicFile.h"

#include "RegularFile.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace foldback
{

namespace
{
    constexpr const char* temporaryInfix = ".tmp-";
    constexpr std::size_t mkstempSuffixLength = 6;

    std::string systemError (int error)
    {
        return std::strerror (error);
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

    std::string fileNameOf (const std::string& path)
    {
        const auto slash = path.rfind ('/');
        return slash == std::string::npos ? path : path.substr (slash + 1);
    }

    /** The file a save should replace: path itself, or what it links to. */
    std::string resolveTarget (const std::string& path)
    {
        struct stat info
        {
        };

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

    bool isMkstempSuffix (const std::string& suffix)
    {
        if (suffix.size() != mkstempSuffixLength)
            return false;

        for (const char c : suffix)
            if (! ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return false;

        return true;
    }

    /** Removes "<target>.tmp-XXXXXX" files that a killed write left: ours, regular, old. */
    void removeStaleTemporaries (const std::string& target)
    {
        const auto folder = directoryOf (target);
        const auto prefix = fileNameOf (target) + temporaryInfix;

        DIR* directory = ::opendir (folder.c_str());
        if (directory == nullptr)
            return;

        const auto now = std::time (nullptr);

        while (const auto* entry = ::readdir (directory))
        {
            const std::string name (entry->d_name);
            if (name.size() != prefix.size() + mkstempSuffixLength || name.compare (0, prefix.size(), prefix) != 0 || ! isMkstempSuffix (name.substr (prefix.size())))
                continue;

            struct stat info
            {
            };
            if (::fstatat (::dirfd (directory), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
                continue;

            if (S_ISREG (info.st_mode) && info.st_uid == ::getuid() && now - info.st_mtim.tv_sec >= staleTemporaryAge.count())
                ::unlinkat (::dirfd (directory), name.c_str(), 0);
        }

        ::closedir (directory);
    }
} // namespace

bool writeFileAtomically (const std::string& path, const std::string& text, const AtomicWriteOptions& options,
                          std::string& errorMessage)
{
    const auto target = options.replaceLinkTarget ? resolveTarget (path) : path;
    const auto fail = [&] (const std::string& reason)
    {
        errorMessage = path + ": " + reason;
        return false;
    };

    struct stat existing
    {
    };
    const bool targetExists = ::stat (target.c_str(), &existing) == 0;

    if (targetExists && S_ISDIR (existing.st_mode))
        return fail ("is a directory; cannot save over it");

    removeStaleTemporaries (target);

    // mkstemp creates the file with O_EXCL: a link planted under the temporary's name
    // makes it pick another name, never write through the link.
    std::string tempPath = target + temporaryInfix + std::string (mkstempSuffixLength, 'X');
    ScopedFileDescriptor temp{ ::mkstemp (tempPath.data()) };

    if (! temp.isOpen())
        return fail ("cannot create a temporary file in " + directoryOf (target) + ": " + systemError (errno));

    const auto discard = [&] (const std::string& reason)
    {
        const auto error = errno;
        temp.reset();
        ::unlink (tempPath.c_str());
        return fail (reason + ": " + systemError (error));
    };

    // Only a regular file's permissions carry over: a link replaced in place, or a FIFO,
    // says nothing about how private the new file should be.
    auto mode = targetExists && S_ISREG (existing.st_mode) ? static_cast<mode_t> (existing.st_mode & 07777)
                                                           : static_cast<mode_t> (0644);
    if (options.ownerOnly)
        mode &= static_cast<mode_t> (07700);

    if (::fchmod (temp.get(), mode) != 0)
        return discard ("cannot set permissions on " + tempPath);

    if (! writeAll (temp.get(), text))
        return discard ("cannot write " + tempPath);

    if (::fsync (temp.get()) != 0)
        return discard ("cannot flush " + tempPath + " to disk");

    if (temp.close() != 0)
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
    ScopedFileDescriptor directory{ ::open (directoryOf (target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) };

    if (directory.isOpen() && ::fsync (directory.get()) != 0 && errno != EINVAL)
        return fail ("saved, but the directory could not be flushed to disk: " + systemError (errno));

    errorMessage.clear();
    return true;
}

} // namespace foldback
