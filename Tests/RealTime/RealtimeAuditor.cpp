#include "RealtimeAuditor.h"

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <dlfcn.h>
#include <malloc.h>
#include <new>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>

// glibc's own entry points, so the replacements below can forward without recursion.
extern "C"
{
    void* __libc_malloc (std::size_t);
    void* __libc_calloc (std::size_t, std::size_t);
    void* __libc_realloc (void*, std::size_t);
    void* __libc_memalign (std::size_t, std::size_t);
    void __libc_free (void*);
}

namespace
{
    thread_local bool auditing = false;

    std::atomic<std::uint64_t> allocationCount { 0 };
    std::atomic<std::uint64_t> deallocationCount { 0 };
    std::atomic<std::uint64_t> lockCount { 0 };
    std::atomic<std::uint64_t> waitCount { 0 };

    inline void count (std::atomic<std::uint64_t>& counter) noexcept
    {
        if (auditing)
            counter.fetch_add (1, std::memory_order_relaxed);
    }

    template <typename Function>
    Function next (const char* name) noexcept
    {
        return reinterpret_cast<Function> (dlsym (RTLD_NEXT, name));
    }
}

namespace foldback::test
{

ScopedRealtimeAudit::ScopedRealtimeAudit() noexcept  { auditing = true; }
ScopedRealtimeAudit::~ScopedRealtimeAudit() noexcept { auditing = false; }

RealtimeViolations readRealtimeViolations() noexcept
{
    return { allocationCount.load(), deallocationCount.load(), lockCount.load(), waitCount.load() };
}

void resetRealtimeViolations() noexcept
{
    allocationCount = 0;
    deallocationCount = 0;
    lockCount = 0;
    waitCount = 0;
}

} // namespace foldback::test

// ---- the C allocator -------------------------------------------------------------------
extern "C"
{
void* malloc (std::size_t size)                       { count (allocationCount); return __libc_malloc (size); }
void* calloc (std::size_t n, std::size_t size)        { count (allocationCount); return __libc_calloc (n, size); }
void* realloc (void* p, std::size_t size)             { count (allocationCount); return __libc_realloc (p, size); }
void free (void* p)                                   { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void* memalign (std::size_t a, std::size_t size)      { count (allocationCount); return __libc_memalign (a, size); }
void* aligned_alloc (std::size_t a, std::size_t size) { count (allocationCount); return __libc_memalign (a, size); }
void* valloc (std::size_t size)                       { count (allocationCount); return __libc_memalign (static_cast<std::size_t> (sysconf (_SC_PAGESIZE)), size); }

int posix_memalign (void** out, std::size_t a, std::size_t size)
{
    count (allocationCount);
    void* p = __libc_memalign (a, size);
    if (p == nullptr)
        return 12; // ENOMEM
    *out = p;
    return 0;
}

// ---- locks and waits -------------------------------------------------------------------
using MutexFn = int (*) (pthread_mutex_t*);
using CondWaitFn = int (*) (pthread_cond_t*, pthread_mutex_t*);
using CondTimedWaitFn = int (*) (pthread_cond_t*, pthread_mutex_t*, const struct timespec*);
using RwFn = int (*) (pthread_rwlock_t*);
using SemFn = int (*) (sem_t*);
using SpinFn = int (*) (pthread_spinlock_t*);
using SleepFn = int (*) (const struct timespec*, struct timespec*);
using USleepFn = int (*) (useconds_t);

// Real functions are looked up without function-local statics: a static's guard may
// itself lock, which would recurse into these wrappers.
#define FOLDBACK_REAL(type, name) \
    static type real_##name = nullptr; \
    if (real_##name == nullptr) real_##name = next<type> (#name)

int pthread_mutex_lock (pthread_mutex_t* m)     { FOLDBACK_REAL (MutexFn, pthread_mutex_lock);    count (lockCount); return real_pthread_mutex_lock (m); }
int pthread_mutex_trylock (pthread_mutex_t* m)  { FOLDBACK_REAL (MutexFn, pthread_mutex_trylock); count (lockCount); return real_pthread_mutex_trylock (m); }
int pthread_rwlock_rdlock (pthread_rwlock_t* l) { FOLDBACK_REAL (RwFn, pthread_rwlock_rdlock);    count (lockCount); return real_pthread_rwlock_rdlock (l); }
int pthread_rwlock_wrlock (pthread_rwlock_t* l) { FOLDBACK_REAL (RwFn, pthread_rwlock_wrlock);    count (lockCount); return real_pthread_rwlock_wrlock (l); }
int pthread_spin_lock (pthread_spinlock_t* l)   { FOLDBACK_REAL (SpinFn, pthread_spin_lock);      count (lockCount); return real_pthread_spin_lock (l); }
int sem_wait (sem_t* s)                         { FOLDBACK_REAL (SemFn, sem_wait);                count (waitCount); return real_sem_wait (s); }
int nanosleep (const struct timespec* r, struct timespec* rem) { FOLDBACK_REAL (SleepFn, nanosleep); count (waitCount); return real_nanosleep (r, rem); }
int usleep (useconds_t us)                      { FOLDBACK_REAL (USleepFn, usleep);               count (waitCount); return real_usleep (us); }

int pthread_cond_wait (pthread_cond_t* c, pthread_mutex_t* m)
{
    static CondWaitFn real = nullptr;
    if (real == nullptr)
        real = reinterpret_cast<CondWaitFn> (dlvsym (RTLD_NEXT, "pthread_cond_wait", "GLIBC_2.3.2"));
    count (waitCount);
    return real (c, m);
}

int pthread_cond_timedwait (pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t)
{
    static CondTimedWaitFn real = nullptr;
    if (real == nullptr)
        real = reinterpret_cast<CondTimedWaitFn> (dlvsym (RTLD_NEXT, "pthread_cond_timedwait", "GLIBC_2.3.2"));
    count (waitCount);
    return real (c, m, t);
}
} // extern "C"

// ---- operator new and delete (they may not go through malloc in every library) --------
void* operator new (std::size_t size)                                  { count (allocationCount); if (void* p = __libc_malloc (size ? size : 1)) return p; throw std::bad_alloc(); }
void* operator new[] (std::size_t size)                                { count (allocationCount); if (void* p = __libc_malloc (size ? size : 1)) return p; throw std::bad_alloc(); }
void* operator new (std::size_t size, const std::nothrow_t&) noexcept  { count (allocationCount); return __libc_malloc (size ? size : 1); }
void* operator new[] (std::size_t size, const std::nothrow_t&) noexcept { count (allocationCount); return __libc_malloc (size ? size : 1); }
void* operator new (std::size_t size, std::align_val_t a)              { count (allocationCount); if (void* p = __libc_memalign (static_cast<std::size_t> (a), size ? size : 1)) return p; throw std::bad_alloc(); }
void* operator new[] (std::size_t size, std::align_val_t a)            { count (allocationCount); if (void* p = __libc_memalign (static_cast<std::size_t> (a), size ? size : 1)) return p; throw std::bad_alloc(); }
void operator delete (void* p) noexcept                                { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete[] (void* p) noexcept                              { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete (void* p, std::size_t) noexcept                   { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete[] (void* p, std::size_t) noexcept                 { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete (void* p, std::align_val_t) noexcept              { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete[] (void* p, std::align_val_t) noexcept            { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete (void* p, std::size_t, std::align_val_t) noexcept { if (p != nullptr) count (deallocationCount); __libc_free (p); }
void operator delete[] (void* p, std::size_t, std::align_val_t) noexcept { if (p != nullptr) count (deallocationCount); __libc_free (p); }
