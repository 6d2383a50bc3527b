#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>
#include <type_traits>

namespace foldback
{

/** A bounded single-producer single-consumer FIFO of trivially copyable values.
    push() from the one producer thread, peek()/pop() from the one consumer thread.
    Wait-free on both sides, no allocation after construction. */
template <typename T, std::size_t Capacity>
class SpscQueue
{
public:
    static_assert (std::is_trivially_copyable_v<T>, "values are copied across threads");
    static_assert ((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

    /** Producer thread. Returns false, dropping nothing already queued, when full. */
    bool push (const T& value) noexcept
    {
        const auto w = writeIndex.load (std::memory_order_relaxed);
        if (w - readIndex.load (std::memory_order_acquire) == Capacity)
            return false;
        slots[w & (Capacity - 1)] = value;
        writeIndex.store (w + 1, std::memory_order_release);
        return true;
    }

    /** Consumer thread: the oldest value, left in place. */
    const T* peek() const noexcept
    {
        const auto r = readIndex.load (std::memory_order_relaxed);
        if (r == writeIndex.load (std::memory_order_acquire))
            return nullptr;
        return &slots[r & (Capacity - 1)];
    }

    /** Consumer thread: removes and returns the oldest value. */
    std::optional<T> pop() noexcept
    {
        const auto r = readIndex.load (std::memory_order_relaxed);
        if (r == writeIndex.load (std::memory_order_acquire))
            return std::nullopt;
        T value = slots[r & (Capacity - 1)];
        readIndex.store (r + 1, std::memory_order_release);
        return value;
    }

    /** Any thread; a snapshot that may be stale by the time it is read. */
    std::size_t sizeApprox() const noexcept
    {
        return writeIndex.load (std::memory_order_acquire) - readIndex.load (std::memory_order_acquire);
    }

private:
    std::array<T, Capacity> slots {};
    alignas (64) std::atomic<std::size_t> writeIndex { 0 };
    alignas (64) std::atomic<std::size_t> readIndex { 0 };
};

} // namespace foldback
