#pragma once

#include "Session/Session.h"

#include <chrono>
#include <string>
#include <thread>

namespace foldback::test
{

inline SendSettings send (double gainDb, double pan = 0.0, bool mute = false)
{
    return SendSettings { gainDb, pan, mute };
}

inline CueMix makeMix (const std::string& id, std::vector<int> outputs)
{
    CueMix mix;
    mix.id = id;
    mix.name = id;
    mix.outputs = std::move (outputs);
    return mix;
}

/** Polls `condition` every 50 ms until it holds or `timeout` passes. */
template <typename Condition>
bool waitUntil (Condition&& condition, std::chrono::milliseconds timeout)
{
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (! condition())
    {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for (std::chrono::milliseconds (50));
    }
    return true;
}

/** Generous limits: these tests must pass on a loaded machine without real-time scheduling. */
constexpr std::chrono::seconds startupTimeout { 60 };
constexpr std::chrono::seconds exitTimeout { 10 };

} // namespace foldback::test
