#pragma once

#if defined(__SSE__) || defined(__x86_64__)
 #include <xmmintrin.h>
 #include <pmmintrin.h>
#endif

namespace foldback
{

/** Sets flush-to-zero and denormals-are-zero for its scope and restores the previous mode.
    Denormals cost a hundred times a normal multiply on x86, and a decaying limiter or
    meter would otherwise produce them forever. */
class ScopedFlushDenormals
{
public:
    ScopedFlushDenormals() noexcept
    {
       #if defined(__SSE__) || defined(__x86_64__)
        previous = _mm_getcsr();
        _mm_setcsr (previous | 0x8040u); // FTZ | DAZ
       #endif
    }

    ~ScopedFlushDenormals() noexcept
    {
       #if defined(__SSE__) || defined(__x86_64__)
        _mm_setcsr (previous);
       #endif
    }

    ScopedFlushDenormals (const ScopedFlushDenormals&) = delete;
    ScopedFlushDenormals& operator= (const ScopedFlushDenormals&) = delete;

private:
    unsigned int previous = 0;
};

} // namespace foldback
