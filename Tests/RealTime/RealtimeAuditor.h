#pragma once

#include <cstdint>

namespace foldback::test
{

/** Counts, on the threads that are auditing, every call that must never happen on the
    audio thread: the C allocator (malloc, calloc, realloc, free, aligned variants),
    operator new and delete, and pthread locks, condition waits, semaphores and sleeps.
    The counting replaces those functions for the whole test executable (RealtimeAuditor.cpp),
    forwarding to the real ones. */
struct RealtimeViolations
{
    std::uint64_t allocations = 0;
    std::uint64_t deallocations = 0;
    std::uint64_t locks = 0;
    std::uint64_t waits = 0;

    std::uint64_t total() const noexcept { return allocations + deallocations + locks + waits; }
};

/** Audits the calling thread for its lifetime. */
class ScopedRealtimeAudit
{
public:
    ScopedRealtimeAudit() noexcept;
    ~ScopedRealtimeAudit() noexcept;

    ScopedRealtimeAudit (const ScopedRealtimeAudit&) = delete;
    ScopedRealtimeAudit& operator= (const ScopedRealtimeAudit&) = delete;
};

/** Everything counted on any auditing thread since the last reset. */
RealtimeViolations readRealtimeViolations() noexcept;
void resetRealtimeViolations() noexcept;

} // namespace foldback::test
