#pragma once

#include <cstdint>
#include <string>

namespace foldback
{

/** A file descriptor that closes itself. Move-only. */
class ScopedFileDescriptor
{
public:
    ScopedFileDescriptor() = default;
    explicit ScopedFileDescriptor (int fileDescriptor) noexcept : fd (fileDescriptor) {}
    ~ScopedFileDescriptor() { reset(); }

    ScopedFileDescriptor (ScopedFileDescriptor&& other) noexcept : fd (other.release()) {}
    ScopedFileDescriptor& operator= (ScopedFileDescriptor&& other) noexcept;
    ScopedFileDescriptor (const ScopedFileDescriptor&) = delete;
    ScopedFileDescriptor& operator= (const ScopedFileDescriptor&) = delete;

    int get() const noexcept { return fd; }
    bool isOpen() const noexcept { return fd >= 0; }
    int release() noexcept;
    void reset() noexcept;

    /** Closes now; returns close()'s result (a failed close can mean lost data on write). */
    int close() noexcept;

private:
    int fd = -1;
};

/** What identifies a file's content as it was when it was opened: the same inode, the same
    size and the same modification time. A write, a truncation or a rewrite in place
    changes the size or the time; a rename over the path changes what the path names. */
struct FileIdentity
{
    std::uint64_t device = 0, inode = 0;
    std::int64_t size = 0;
    std::int64_t modifiedSeconds = 0, modifiedNanoseconds = 0;

    bool operator== (const FileIdentity&) const = default;
};

/** A regular file opened for reading, or why not. */
struct OpenedRegularFile
{
    ScopedFileDescriptor fd; ///< open only when `error` is empty
    FileIdentity identity;
    std::string error; ///< "file not found", "is a FIFO (named pipe), not a regular file", ...
};

/** Opens `path` for reading only if it is a regular file (symbolic links followed).

    Never blocks: a FIFO, socket or device is refused before anything reads from it (the
    open itself is non-blocking, and the type is checked on the descriptor that was opened,
    so nothing can be swapped in between). Every failure is a short reason a person can act
    on, without the path: "file not found", "is a folder, not a file", "cannot be read
    (permission denied)", "cannot be opened: too many open files (...)".

    Any thread but the audio thread (it is a system call). */
OpenedRegularFile openRegularFileForReading (const std::string& path);

/** The identity of an open descriptor's file now (fstat). False if fstat fails. */
bool readFileIdentity (int fd, FileIdentity& identity) noexcept;

/** The identity of what `path` names now (stat, links followed). False if it names nothing. */
bool readPathIdentity (const std::string& path, FileIdentity& identity) noexcept;

/** Reads a whole regular file of at most `maxBytes` into `text`. Returns the reason it
    could not ("is larger than ..." names the limit), or empty on success. */
std::string readWholeRegularFile (const std::string& path, std::size_t maxBytes, std::string& text);

/** A short text for an errno from opening a file. */
std::string describeOpenError (int error);

} // namespace foldback
