#pragma once

#include "Session/Session.h"

#include <malloc.h>

#include <cstddef>
#include <string>

namespace foldback::test
{

/** A big rig, as in issue 15: `inputs` mono live inputs ("in1"...) on device channels 1...,
    and `mixes` stereo cue mixes ("m1"...) on outputs 1-2, 3-4..., each sending every input.
    Every mix has a remote token, so remotes may serve it. */
inline Session makeLargeSession (int inputs = 256, int mixes = 64)
{
    Session session;
    session.name = "large";
    for (int i = 1; i <= inputs; ++i)
        session.inputs.push_back ({ "in" + std::to_string (i), "Input " + std::to_string (i), { i } });

    for (int m = 1; m <= mixes; ++m)
    {
        CueMix mix;
        mix.id = "m" + std::to_string (m);
        mix.name = "Mix " + std::to_string (m);
        mix.outputs = { 2 * m - 1, 2 * m };
        for (const auto& input : session.inputs)
            mix.sends[input.id] = { -10.0, 0.0, false };
        mix.remote.token = "mix-token-" + std::to_string (1000 + m);
        session.mixes.push_back (mix);
    }
    session.remote.engineerToken = "engineer-token-large";
    return session;
}

/** The heap in use by this process (glibc), in bytes: for memory bounds that do not
    depend on the machine's page cache or on RSS accounting. */
inline std::size_t heapBytesInUse()
{
    const auto info = ::mallinfo2();
    return info.uordblks + info.hblkhd;
}

} // namespace foldback::test
