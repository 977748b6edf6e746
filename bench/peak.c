/*===- bench/peak.c - the compute and bandwidth ceilings of this machine ---===
 *
 * fma_peak(threads, seconds): the GFLOP/s of `threads` threads that each
 * run independent chains of fused multiply-adds in vector registers for
 * about `seconds`: the compute ceiling the benchmark's GEMM rows are held
 * against; read_bandwidth (below): the bandwidth the memory-bound rows
 * are held against. bench/run.py builds it with -O2 -march=native (so the
 * vectors are the widest this CPU has: 16 floats with AVX-512) and calls
 * it through ctypes.
 *
 *===----------------------------------------------------------------------===*/

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__AVX512F__)
#define LANES 16
#elif defined(__AVX__)
#define LANES 8
#else
#define LANES 4
#endif

typedef float vec __attribute__((vector_size(LANES * 4)));

/* Enough independent chains to cover the FMA latency of two pipes. */
#define CHAINS 12
#define INNER 1000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct job {
  double seconds;
  double flops;
  float sink;
};

static void *run(void *arg) {
  struct job *j = arg;
  vec acc[CHAINS], a, b;
  for (int i = 0; i < LANES; ++i) {
    a[i] = 0.999f;
    b[i] = 1e-4f;
  }
  for (int c = 0; c < CHAINS; ++c)
    acc[c] = a * (float)c;
  double start = now(), flops = 0;
  do {
    for (int k = 0; k < INNER; ++k) {
      /* Unrolled so that each chain stays in a register. */
#pragma GCC unroll 16
      for (int c = 0; c < CHAINS; ++c)
        acc[c] = acc[c] * a + b;
    }
    flops += 2.0 * LANES * CHAINS * INNER;
  } while (now() - start < j->seconds);
  float s = 0;
  for (int c = 0; c < CHAINS; ++c)
    for (int i = 0; i < LANES; ++i)
      s += acc[c][i];
  j->sink = s;
  j->flops = flops / (now() - start);
  return 0;
}

enum { MAX_THREADS = 256 };

/* fn(&jobs[t]) for t < threads (at most MAX_THREADS), jobs[0] on the
 * calling thread; each job `size` bytes. Returns 0, or -1 when a thread
 * cannot be created. */
static int on_threads(void *(*fn)(void *), void *jobs, size_t size,
                      int threads) {
  pthread_t tid[MAX_THREADS];
  int started = 1, status = 0;
  for (; started < threads; ++started)
    if (pthread_create(&tid[started], 0, fn,
                       (char *)jobs + started * size) != 0) {
      status = -1;
      break;
    }
  fn(jobs);
  for (int t = 1; t < started; ++t)
    pthread_join(tid[t], 0);
  return status;
}

static int clamp_threads(int threads) {
  return threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
}

double fma_peak(int threads, double seconds) {
  struct job jobs[MAX_THREADS];
  threads = clamp_threads(threads);
  for (int t = 0; t < threads; ++t)
    jobs[t].seconds = seconds;
  if (on_threads(run, jobs, sizeof(jobs[0]), threads) != 0)
    return -1;
  double total = 0;
  for (int t = 0; t < threads; ++t)
    total += jobs[t].flops;
  return total / 1e9;
}

int fma_lanes(void) { return LANES; }

/* read_bandwidth(bytes, threads, seconds): the GB/s at which `threads`
 * threads read a buffer of `bytes` bytes (each its own share, over and
 * over, summing it in vector registers) for about `seconds`: the bandwidth
 * of the cache level or memory where data of that size lives. */
struct reader {
  const vec *data;
  long count;
  double seconds;
  double bytes_per_second;
  float sink;
};

static void *read_run(void *arg) {
  struct reader *r = arg;
  vec acc[4] = {{0}, {0}, {0}, {0}};
  double start = now(), bytes = 0;
  do {
    for (long i = 0; i + 4 <= r->count; i += 4) {
      acc[0] += r->data[i];
      acc[1] += r->data[i + 1];
      acc[2] += r->data[i + 2];
      acc[3] += r->data[i + 3];
    }
    bytes += (double)(r->count / 4 * 4) * sizeof(vec);
  } while (now() - start < r->seconds);
  r->bytes_per_second = bytes / (now() - start);
  float s = 0;
  for (int c = 0; c < 4; ++c)
    for (int i = 0; i < LANES; ++i)
      s += acc[c][i];
  r->sink = s;
  return 0;
}

double read_bandwidth(long bytes, int threads, double seconds) {
  struct reader readers[MAX_THREADS];
  threads = clamp_threads(threads);
  long share = bytes / threads / (4 * (long)sizeof(vec)) * 4;
  if (share < 4)
    share = 4;
  vec *buf = aligned_alloc(64, (size_t)share * threads * sizeof(vec));
  if (!buf)
    return -1;
  memset(buf, 0, (size_t)share * threads * sizeof(vec));
  for (int t = 0; t < threads; ++t) {
    readers[t].data = buf + (long)t * share;
    readers[t].count = share;
    readers[t].seconds = seconds;
  }
  /* Once to warm the caches (or the TLB), then measured. */
  int status = 0;
  for (int pass = 0; pass < 2 && status == 0; ++pass)
    status = on_threads(read_run, readers, sizeof(readers[0]), threads);
  double total = 0;
  for (int t = 0; t < threads; ++t)
    total += readers[t].bytes_per_second;
  free(buf);
  return status == 0 ? total / 1e9 : -1;
}
