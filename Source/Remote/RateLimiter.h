#pragma once

#include <algorithm>
#include <chrono>

namespace foldback
{

/** A token bucket: `ratePerSecond` messages a second on average, bursts up to `burst`.
    One per client; the caller serialises access. */
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter (double ratePerSecond = 200.0, double burst = 400.0) noexcept
        : rate (ratePerSecond), capacity (burst), tokens (burst), last (Clock::now()) {}

    /** True if one more message may pass now. */
    bool allow (Clock::time_point now = Clock::now()) noexcept
    {
        const std::chrono::duration<double> elapsed = now - last;
        last = now;
        tokens = std::min (capacity, tokens + std::max (0.0, elapsed.count()) * rate);
        if (tokens < 1.0)
            return false;
        tokens -= 1.0;
        return true;
    }

private:
    double rate, capacity, tokens;
    Clock::time_point last;
};

} // namespace foldback
