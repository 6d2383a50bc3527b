#pragma once

#include "Session/RegularFile.h"

#include <juce_core/juce_core.h>

#include <memory>
#include <string>

namespace foldback
{

/** A juce::InputStream over a regular file that this class opened itself
    (openRegularFileForReading): never a FIFO, socket or device, so a reader built on it
    never blocks for ever, and a failed open is a reason instead of a null stream.

    It also knows the file as it was opened, so a streaming reader can tell when the file
    changed under it (hasChangedSinceOpen()): written, truncated, or replaced at its path.

    Unbuffered: each read is a read(2), so what it returns is what the file holds now.
    One thread at a time, never the audio thread. */
class RegularFileInputStream final : public juce::InputStream
{
public:
    /** The stream, or nullptr with `error` set to a reason without the path. */
    static std::unique_ptr<RegularFileInputStream> open (const std::string& path, std::string& error);

    /** Whether the file now differs from when it was opened (its size or modification
        time, or another file now at its path), or cannot be checked. Two system calls. */
    bool hasChangedSinceOpen() const;

    const FileIdentity& getIdentityAtOpen() const noexcept { return identity; }

    juce::int64 getTotalLength() override;
    bool isExhausted() override;
    int read (void* destination, int maxBytes) override;
    juce::int64 getPosition() override;
    bool setPosition (juce::int64 newPosition) override;

private:
    RegularFileInputStream (std::string path, OpenedRegularFile opened);

    const std::string path;
    ScopedFileDescriptor fd;
    const FileIdentity identity;
    juce::int64 position = 0;
};

} // namespace foldback
