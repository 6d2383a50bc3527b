#include "CpuFeatures.h"

namespace foldback
{

bool cpuHasAvx2() noexcept
{
   #if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init(); // callers run during static initialisation, perhaps before libgcc's own
    return __builtin_cpu_supports ("avx2");
   #else
    return false;
   #endif
}

} // namespace foldback
