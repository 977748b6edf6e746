/*===- bench/memtrack.c - count heap bytes for the benchmark suite --------===*
 *
 * A malloc-counting shim, LD_PRELOADed by bench/run.py (which builds it with
 * `cc -O2 -shared -fPIC` at bench time). It interposes malloc, free, calloc,
 * realloc, posix_memalign, aligned_alloc, memalign, valloc and pvalloc,
 * forwards them to glibc's __libc_* entry points, and keeps the number of
 * live heap bytes (malloc_usable_size of each block) and its high-water mark
 * in process-wide atomic counters. run.py calls, through ctypes:
 *
 *   memtrack_reset()    peak := current (start of a measured call)
 *   memtrack_current()  live heap bytes now
 *   memtrack_peak()     largest live heap bytes since the last reset
 *   memtrack_allocated() bytes allocated since the process started (a
 *                       running sum: what a call allocates in all, freed
 *                       or not, is the difference across it)
 *
 * so a call's scratch memory is peak - current-before-the-call (less its
 * outputs when the callee allocates them). Memory that is not obtained
 * through these functions (the stack, mmap by a library itself, e.g.
 * OpenBLAS's GEMM buffers) is not counted.
 *
 *===----------------------------------------------------------------------===*/

#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static int64_t current_bytes;
static int64_t peak_bytes;
static int64_t allocated_bytes;

static void track_alloc(void *p) {
  if (!p)
    return;
  int64_t n = (int64_t)malloc_usable_size(p);
  int64_t now = __atomic_add_fetch(&current_bytes, n, __ATOMIC_RELAXED);
  __atomic_add_fetch(&allocated_bytes, n, __ATOMIC_RELAXED);
  int64_t peak = __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
  while (now > peak &&
         !__atomic_compare_exchange_n(&peak_bytes, &peak, now, 1,
                                      __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

static void track_free(void *p) {
  if (!p)
    return;
  int64_t n = (int64_t)malloc_usable_size(p);
  __atomic_sub_fetch(&current_bytes, n, __ATOMIC_RELAXED);
}

void *malloc(size_t size) {
  void *p = __libc_malloc(size);
  track_alloc(p);
  return p;
}

void free(void *p) {
  track_free(p);
  __libc_free(p);
}

void *calloc(size_t n, size_t size) {
  void *p = __libc_calloc(n, size);
  track_alloc(p);
  return p;
}

void *realloc(void *old, size_t size) {
  int64_t old_n = old ? (int64_t)malloc_usable_size(old) : 0;
  void *p = __libc_realloc(old, size);
  if (p || size == 0) {
    /* The old block is gone (moved, resized or freed by size 0). */
    __atomic_sub_fetch(&current_bytes, old_n, __ATOMIC_RELAXED);
    track_alloc(p);
  }
  return p;
}

void *memalign(size_t alignment, size_t size) {
  void *p = __libc_memalign(alignment, size);
  track_alloc(p);
  return p;
}

void *aligned_alloc(size_t alignment, size_t size) {
  return memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0)
    return EINVAL;
  void *p = memalign(alignment, size);
  if (!p && size)
    return ENOMEM;
  *out = p;
  return 0;
}

void *valloc(size_t size) { return memalign((size_t)getpagesize(), size); }

void *pvalloc(size_t size) {
  size_t page = (size_t)getpagesize();
  return memalign(page, (size + page - 1) / page * page);
}

void memtrack_reset(void) {
  __atomic_store_n(&peak_bytes, __atomic_load_n(&current_bytes,
                                                __ATOMIC_RELAXED),
                   __ATOMIC_RELAXED);
}

int64_t memtrack_current(void) {
  return __atomic_load_n(&current_bytes, __ATOMIC_RELAXED);
}

int64_t memtrack_peak(void) {
  return __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
}

int64_t memtrack_allocated(void) {
  return __atomic_load_n(&allocated_bytes, __ATOMIC_RELAXED);
}
