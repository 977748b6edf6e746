/* Calls the entry point of two-layer.mlir from several threads at once,
 * each with its own input, many times: every call must give the result of
 * a call made alone with that input, whether it got the function's scratch
 * arena or, finding it in use, allocated its own.
 *
 * With -DDYNAMIC, of two-layer-dynamic.mlir (a dynamic number of rows):
 * each call takes a different number of rows of its thread's input, so
 * that the arena grows while other threads use it or their own. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "two-layer.h"

enum { M = 64, K = 128, H = 256, THREADS = 4, CALLS = 200 };

static float w1[H * K], w2[K * H];
static float x[THREADS][M * K];

#ifdef DYNAMIC
/* The reference of thread t at m rows: ref[t][m - 1]. */
static float ref[THREADS][M][M * K];
static int rows(long t, int i) { return 1 + (int)((i * 37 + t * 11) % M); }
#else
static float ref[THREADS][1][M * K];
static int rows(long t, int i) { return M; }
#endif

static void call(const float *in, float *out, int m) {
  s2s_memref_f32_2d xd = {(float *)in, (float *)in, 0, {m, K}, {K, 1}};
  s2s_memref_f32_2d w1d = {w1, w1, 0, {H, K}, {K, 1}};
  s2s_memref_f32_2d w2d = {w2, w2, 0, {K, H}, {H, 1}};
  s2s_memref_f32_2d yd = {out, out, 0, {m, K}, {K, 1}};
  _mlir_ciface_main(&xd, &w1d, &w2d, &yd);
}

static const float *reference(long t, int m) {
#ifdef DYNAMIC
  return ref[t][m - 1];
#else
  return ref[t][0];
#endif
}

static void *worker(void *arg) {
  long t = (long)arg, mismatches = 0;
  float *y = malloc(sizeof ref[0][0]);
  for (int i = 0; i < CALLS; ++i) {
    int m = rows(t, i);
    call(x[t], y, m);
    mismatches += memcmp(y, reference(t, m), m * K * sizeof(float)) != 0;
  }
  free(y);
  return (void *)mismatches;
}

int main(void) {
  unsigned s = 1;
  for (int i = 0; i < H * K; ++i) {
    s = s * 1103515245u + 12345u;
    w1[i] = ((s >> 8) % 2001 - 1000) / 8000.0f;
    s = s * 1103515245u + 12345u;
    w2[i] = ((s >> 8) % 2001 - 1000) / 8000.0f;
  }
  for (int t = 0; t < THREADS; ++t) {
    for (int i = 0; i < M * K; ++i)
      x[t][i] = (float)((i * (t + 3)) % 17) - 8.0f;
#ifdef DYNAMIC
    for (int m = 1; m <= M; ++m)
      call(x[t], ref[t][m - 1], m);
#else
    call(x[t], ref[t][0], M);
#endif
  }
  pthread_t threads[THREADS];
  for (long t = 0; t < THREADS; ++t)
    pthread_create(&threads[t], NULL, worker, (void *)t);
  long total = 0;
  for (int t = 0; t < THREADS; ++t) {
    void *mismatches;
    pthread_join(threads[t], &mismatches);
    total += (long)mismatches;
  }
  printf("%d calls on %d threads, %ld differ from a call made alone\n",
         THREADS * CALLS, THREADS, total);
  return total != 0;
}
