#pragma once

namespace foldback
{

/** A test hook for the device layer: our devices call enter() on their audio thread just
    before each cycle's work and leave() just after, so a test can audit everything that
    runs there (Tests/RealTime/DevicePathRealtimeTest.cpp). Plain function pointers, no
    std::function: in production there is no probe and the cost is one untaken branch.

    Set it before a device starts; it must outlive the device's callbacks. */
struct RealtimeProbe
{
    void (*enter)() noexcept = nullptr;
    void (*leave)() noexcept = nullptr;
};

/** Calls a probe's enter() and leave() around a scope. Audio thread. */
class ScopedRealtimeProbe
{
public:
    explicit ScopedRealtimeProbe (const RealtimeProbe* p) noexcept : probe (p)
    {
        if (probe != nullptr)
            probe->enter();
    }

    ~ScopedRealtimeProbe() noexcept
    {
        if (probe != nullptr)
            probe->leave();
    }

    ScopedRealtimeProbe (const ScopedRealtimeProbe&) = delete;
    ScopedRealtimeProbe& operator= (const ScopedRealtimeProbe&) = delete;

private:
    const RealtimeProbe* probe;
};

} // namespace foldback
