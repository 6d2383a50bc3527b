#pragma once

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace foldback
{

/** Slows down token guessing: each client address may present `burst` wrong tokens, then
    one a second (on average) more. While over, the address is refused whatever it sends,
    the right token included, so a refusal tells a guesser nothing. Other addresses are
    never affected. Any network thread; thread-safe. (The web remote listens on IPv4, so
    a spray of addresses that outgrows the map is not a practical worry; see below.) */
class WrongTokenThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    static constexpr double burst = 20.0;
    static constexpr double perSecond = 1.0;

    /** True if this address has used up its wrong tokens: refuse it without looking further.
        A refused request counts as one more, so an address that keeps asking stays
        refused until it slows to one a second. */
    bool isThrottled (const std::string& address, Clock::time_point now = Clock::now())
    {
        const std::scoped_lock lock (mutex);
        const auto found = allowance.find (address);
        if (found == allowance.end() || refilled (found->second, now) >= 1.0)
            return false;
        found->second = { 0.0, now };
        return true;
    }

    /** Counts a wrong token from this address. */
    void noteWrongToken (const std::string& address, Clock::time_point now = Clock::now())
    {
        const std::scoped_lock lock (mutex);
        if (allowance.size() >= maxAddresses)
            forgetRecovered (now);
        auto& entry = allowance.try_emplace (address, Entry { burst, now }).first->second;
        entry.left = std::max (0.0, refilled (entry, now) - 1.0);
        entry.last = now;
    }

private:
    struct Entry
    {
        double left;             ///< wrong tokens still allowed
        Clock::time_point last;
    };

    static constexpr std::size_t maxAddresses = 4096;

    static double refilled (const Entry& entry, Clock::time_point now)
    {
        const std::chrono::duration<double> elapsed = now - entry.last;
        return std::min (burst, entry.left + std::max (0.0, elapsed.count()) * perSecond);
    }

    /** Bounds the map under a spray of addresses: those back to a full allowance are as if new. */
    void forgetRecovered (Clock::time_point now)
    {
        for (auto it = allowance.begin(); it != allowance.end();)
            it = refilled (it->second, now) >= burst ? allowance.erase (it) : std::next (it);
        if (allowance.size() >= maxAddresses)
            allowance.clear(); // a spray faster than recovery: start over rather than grow
    }

    std::mutex mutex;
    std::unordered_map<std::string, Entry> allowance;
};

} // namespace foldback
