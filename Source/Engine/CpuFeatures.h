#pragma once

namespace foldback
{

/** True when this CPU runs AVX2 code. The engine's hot loops are built twice (AVX2 and the
    x86-64 baseline) and each picks its build once, at load time, from this. */
bool cpuHasAvx2() noexcept;

} // namespace foldback
