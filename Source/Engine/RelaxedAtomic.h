#pragma once

#include <atomic>

namespace foldback
{

/** An atomic value that can live in a std::vector: copying loads and stores, so a Plan's
    parameter slots can be laid out in plain arrays on the message thread. Reads and
    writes are relaxed: each value stands alone, nothing is ordered against it.

    Wait-free, no allocation, safe from any thread. */
template <typename T>
class RelaxedAtomic
{
public:
    static_assert (std::atomic<T>::is_always_lock_free, "must be lock-free on the audio thread");

    RelaxedAtomic() noexcept = default;
    explicit RelaxedAtomic (T initial) noexcept : value (initial) {}
    RelaxedAtomic (const RelaxedAtomic& other) noexcept : value (other.load()) {}
    RelaxedAtomic& operator= (const RelaxedAtomic& other) noexcept { store (other.load()); return *this; }

    T load() const noexcept      { return value.load (std::memory_order_relaxed); }
    void store (T v) noexcept    { value.store (v, std::memory_order_relaxed); }

private:
    std::atomic<T> value {};
};

} // namespace foldback
