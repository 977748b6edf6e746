/*===- bench/peak.c - the FMA peak of this machine --------------------------===
 *
 * fma_peak(threads, seconds): the GFLOP/s of `threads` threads that each
 * run independent chains of fused multiply-adds in vector registers for
 * about `seconds`: the compute ceiling the benchmark's GEMM rows are held
 * against. bench/run.py builds it with -O2 -march=native (so the vectors
 * are the widest this CPU has: 16 floats with AVX-512) and calls it through
 * ctypes.
 *
 *===----------------------------------------------------------------------===*/

#include <pthread.h>
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

double fma_peak(int threads, double seconds) {
  enum { MAX_THREADS = 256 };
  pthread_t tid[MAX_THREADS];
  struct job jobs[MAX_THREADS];
  if (threads < 1)
    threads = 1;
  if (threads > MAX_THREADS)
    threads = MAX_THREADS;
  for (int t = 0; t < threads; ++t) {
    jobs[t].seconds = seconds;
    if (t > 0 && pthread_create(&tid[t], 0, run, &jobs[t]) != 0)
      return -1;
  }
  run(&jobs[0]);
  double total = jobs[0].flops;
  for (int t = 1; t < threads; ++t) {
    pthread_join(tid[t], 0);
    total += jobs[t].flops;
  }
  return total / 1e9;
}

int fma_lanes(void) { return LANES; }
