#pragma once

#include <cstring>

namespace foldback::simd
{

// GCC/Clang vector extensions: the engine's hot loops are written once over a vector of
// Width floats and instantiated twice, 4 wide for the x86-64 baseline (SSE2) and 8 wide in
// functions marked [[gnu::target ("avx2")]], picked at load time (CpuFeatures.h). Lane for
// lane these do the same IEEE operations as scalar code, so both builds give the same bits.

template <int Width> struct VectorOf;

template <> struct VectorOf<4>
{
    typedef float type __attribute__ ((vector_size (16)));
    typedef int bits __attribute__ ((vector_size (16)));
};

template <> struct VectorOf<8>
{
    typedef float type __attribute__ ((vector_size (32)));
    typedef int bits __attribute__ ((vector_size (32)));
};

/** Unaligned load: the engine's buffers are float-aligned only. */
template <class V>
[[gnu::always_inline]] inline V load (const float* p) noexcept
{
    V v;
    std::memcpy (&v, p, sizeof (V));
    return v;
}

template <class V>
[[gnu::always_inline]] inline void store (float* p, V v) noexcept
{
    std::memcpy (p, &v, sizeof (V));
}

} // namespace foldback::simd
