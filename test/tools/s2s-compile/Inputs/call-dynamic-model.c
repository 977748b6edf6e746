/* Calls the entry points of dynamic-model.mlir, compiled once as a shared
 * library, at three shapes each: checks the input sizes with
 * <entry>_check_shapes, allocates the results with the shapes that
 * <entry>_result_shapes gives, calls the entry point and compares each
 * result with PyTorch's (inputs and references in the directory given as
 * the first argument, written by dynamic/generate.py). Also calls each
 * check function with sizes that break a rule. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynamic-model.h"

/* An .npy array (version 1, little-endian, C order) of float32 or int64. */
typedef struct {
  void *data;
  int64_t shape[4];
  int rank;
  int64_t count;
} Array;

static const char *dir;

static Array load(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.npy", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  unsigned char magic[10];
  if (fread(magic, 1, 10, f) != 10) {
    fprintf(stderr, "%s: not an .npy file\n", path);
    exit(2);
  }
  int headerLen = magic[8] | magic[9] << 8;
  char *header = calloc(headerLen + 1, 1);
  if (fread(header, 1, headerLen, f) != (size_t)headerLen) {
    fprintf(stderr, "%s: truncated header\n", path);
    exit(2);
  }
  Array a = {0};
  int elemSize = strstr(header, "<i8") ? 8 : 4;
  const char *p = strchr(strstr(header, "shape"), '(') + 1;
  a.count = 1;
  while (*p != ')') {
    if (*p >= '0' && *p <= '9') {
      a.shape[a.rank] = strtoll(p, (char **)&p, 10);
      a.count *= a.shape[a.rank++];
    } else {
      ++p;
    }
  }
  a.data = malloc(a.count * elemSize + 1);
  if (fread(a.data, elemSize, a.count, f) != (size_t)a.count) {
    fprintf(stderr, "%s: truncated data\n", path);
    exit(2);
  }
  fclose(f);
  free(header);
  return a;
}

/* A C-order descriptor of `data` with `rank` sizes (the same struct layout
 * for every element type and rank up to 4). */
typedef struct {
  void *allocated, *aligned;
  int64_t offset, sizes[4], strides[4];
} AnyDescriptor;

static AnyDescriptor describe(void *data, const int64_t *sizes, int rank) {
  AnyDescriptor d = {data, data, 0, {0}, {0}};
  int64_t stride = 1;
  for (int i = rank - 1; i >= 0; --i) {
    d.sizes[i] = sizes[i];
    stride = (d.strides[i] = stride) * sizes[i];
  }
  /* Rank r packs strides right after sizes[r]. */
  memmove(&d.sizes[rank], d.strides, rank * sizeof(int64_t));
  return d;
}

static int failures = 0;

static void compare(const char *what, const float *got, Array want,
                    const int64_t *shape, int rank) {
  int64_t n = 1;
  for (int i = 0; i < rank; ++i) {
    if (shape[i] != want.shape[i]) {
      printf("%s: shape differs in dimension %d: %lld vs %lld\n", what, i,
             (long long)shape[i], (long long)want.shape[i]);
      ++failures;
      return;
    }
    n *= shape[i];
  }
  double worst = 0;
  for (int64_t i = 0; i < n; ++i) {
    float w = ((const float *)want.data)[i];
    double excess = fabs(got[i] - w) - (2e-5 + 1e-4 * fabs(w));
    if (!(excess <= worst))
      worst = excess;
  }
  if (worst > 0) {
    printf("%s: differs from PyTorch (excess %g)\n", what, worst);
    ++failures;
  }
}

static void lstm(int index) {
  char name[64];
#define LOAD(var) \
  snprintf(name, sizeof name, "lstm%d_" #var, index); Array var = load(name)
  LOAD(x); LOAD(w_ih); LOAD(w_hh); LOAD(b_ih); LOAD(b_hh); LOAD(h0); LOAD(c0);
  LOAD(seq_lens); LOAD(y); LOAD(h_n); LOAD(c_n);
#undef LOAD
  AnyDescriptor in[8] = {
      describe(x.data, x.shape, 3),       describe(w_ih.data, w_ih.shape, 3),
      describe(w_hh.data, w_hh.shape, 3), describe(b_ih.data, b_ih.shape, 2),
      describe(b_hh.data, b_hh.shape, 2), describe(h0.data, h0.shape, 3),
      describe(c0.data, c0.shape, 3), describe(seq_lens.data, seq_lens.shape, 1)};
#define ARGS(d)                                                              \
  (s2s_memref_f32_3d *)&d[0], (s2s_memref_f32_3d *)&d[1],                    \
      (s2s_memref_f32_3d *)&d[2], (s2s_memref_f32_2d *)&d[3],                \
      (s2s_memref_f32_2d *)&d[4], (s2s_memref_f32_3d *)&d[5],                \
      (s2s_memref_f32_3d *)&d[6], (s2s_memref_i64_1d *)&d[7]
  int32_t status = _mlir_ciface_lstm_check_shapes(ARGS(in));
  int64_t dims[9];
  int64_t nine = 9;
  AnyDescriptor shapes = describe(dims, &nine, 1);
  _mlir_ciface_lstm_result_shapes(ARGS(in), (s2s_memref_i64_1d *)&shapes);
  float *outs[3];
  AnyDescriptor out[3];
  for (int r = 0; r < 3; ++r) {
    int64_t count = dims[3 * r] * dims[3 * r + 1] * dims[3 * r + 2];
    outs[r] = malloc((count + 1) * sizeof(float));
    out[r] = describe(outs[r], &dims[3 * r], 3);
  }
#define OUTS                                                                 \
  (s2s_memref_f32_3d *)&out[0], (s2s_memref_f32_3d *)&out[1],                \
      (s2s_memref_f32_3d *)&out[2]
  int32_t ran = _mlir_ciface_lstm(ARGS(in), OUTS);
  printf("lstm B=%lld T=%lld: status %d, y [%lld, %lld, %lld], call %d\n",
         (long long)x.shape[0], (long long)x.shape[1], status,
         (long long)dims[0], (long long)dims[1], (long long)dims[2], ran);
  compare("lstm y", outs[0], y, &dims[0], 3);
  compare("lstm h_n", outs[1], h_n, &dims[3], 3);
  compare("lstm c_n", outs[2], c_n, &dims[6], 3);
  /* h0 of another batch than x breaks a rule: the check function and the
   * entry give its status, and the entry computes nothing. */
  in[5].sizes[1] += 1;
  outs[1][0] = -12345.0f;
  ran = _mlir_ciface_lstm(ARGS(in), OUTS);
  printf("lstm with h0 of batch %lld: status %d, call %d, h_n %s\n",
         (long long)in[5].sizes[1], _mlir_ciface_lstm_check_shapes(ARGS(in)),
         ran, outs[1][0] == -12345.0f ? "untouched" : "WRITTEN");
  in[5].sizes[1] -= 1;
  /* y one step longer than x: y is computed in the time loop and then
   * transposed into place, and its size is checked before anything runs. */
  if (index == 0) {
    int64_t longer[3] = {dims[0], dims[1] + 1, dims[2]};
    float *y2 = malloc(longer[0] * longer[1] * longer[2] * sizeof(float));
    AnyDescriptor good = out[0];
    out[0] = describe(y2, longer, 3);
    y2[0] = -12345.0f;
    ran = _mlir_ciface_lstm(ARGS(in), OUTS);
    printf("lstm with y of %lld steps: status %d, y %s\n",
           (long long)longer[1], ran,
           y2[0] == -12345.0f ? "untouched" : "WRITTEN");
    out[0] = good;
    free(y2);
  }
#undef OUTS
#undef ARGS
}

static void sdpa(int index) {
  char name[64];
#define LOAD(var) \
  snprintf(name, sizeof name, "sdpa%d_" #var, index); Array var = load(name)
  LOAD(q); LOAD(k); LOAD(v); LOAD(out);
#undef LOAD
  AnyDescriptor in[3] = {describe(q.data, q.shape, 4),
                         describe(k.data, k.shape, 4),
                         describe(v.data, v.shape, 4)};
#define ARGS(d)                                                              \
  (s2s_memref_f32_4d *)&d[0], (s2s_memref_f32_4d *)&d[1],                    \
      (s2s_memref_f32_4d *)&d[2]
  int32_t status = _mlir_ciface_sdpa_check_shapes(ARGS(in));
  int64_t dims[4], four = 4;
  AnyDescriptor shapes = describe(dims, &four, 1);
  _mlir_ciface_sdpa_result_shapes(ARGS(in), (s2s_memref_i64_1d *)&shapes);
  float *o = malloc((dims[0] * dims[1] * dims[2] * dims[3] + 1) *
                    sizeof(float));
  AnyDescriptor od = describe(o, dims, 4);
  int32_t ran = _mlir_ciface_sdpa(ARGS(in), (s2s_memref_f32_4d *)&od);
  printf("sdpa B=%lld Tq=%lld Tk=%lld: status %d, out [%lld, %lld, %lld, "
         "%lld], call %d\n",
         (long long)q.shape[0], (long long)q.shape[2], (long long)k.shape[2],
         status, (long long)dims[0], (long long)dims[1], (long long)dims[2],
         (long long)dims[3], ran);
  compare("sdpa out", o, out, dims, 4);
  /* Values shorter than the keys break a rule. */
  in[2].sizes[2] -= 1;
  printf("sdpa with %lld values for %lld keys: status %d\n",
         (long long)in[2].sizes[2], (long long)in[1].sizes[2],
         _mlir_ciface_sdpa_check_shapes(ARGS(in)));
  in[2].sizes[2] += 1;
  if (index == 0) {
    /* Descriptors the compiled code cannot read as they say: a view at an
     * offset, strides that are not row-major, a static size that is not
     * the model's. Each gets a status, not a call. */
    in[0].offset = 1;
    printf("sdpa with q at offset 1: status %d\n",
           _mlir_ciface_sdpa_check_shapes(ARGS(in)));
    in[0].offset = 0;
    int64_t s2 = in[1].strides[2];
    in[1].strides[2] = in[1].strides[3];
    in[1].strides[3] = s2;
    printf("sdpa with k's last two strides swapped: status %d\n",
           _mlir_ciface_sdpa_check_shapes(ARGS(in)));
    in[1].strides[3] = in[1].strides[2];
    in[1].strides[2] = s2;
    in[2].sizes[3] += 1;
    printf("sdpa with v of head size %lld: status %d\n",
           (long long)in[2].sizes[3], _mlir_ciface_sdpa_check_shapes(ARGS(in)));
    in[2].sizes[3] -= 1;
    printf("sdpa with every descriptor right: status %d\n",
           _mlir_ciface_sdpa_check_shapes(ARGS(in)));
  }
#undef ARGS
}

/* The entry called with descriptors it cannot read as they say (without
 * asking the check function first): it returns the check's status rather
 * than read the wrong elements or write the wrong ones, and writes
 * nothing. */
static void sdpaAtOffset(void) {
  Array q = load("sdpa0_q"), k = load("sdpa0_k"), v = load("sdpa0_v");
  AnyDescriptor in[3] = {describe(q.data, q.shape, 4),
                         describe(k.data, k.shape, 4),
                         describe(v.data, v.shape, 4)};
  int64_t shape[4] = {q.shape[0], q.shape[1], q.shape[2], v.shape[3]};
  float *o = malloc(shape[0] * shape[1] * shape[2] * shape[3] * sizeof(float));
  AnyDescriptor od = describe(o, shape, 4);
  o[0] = -12345.0f;
#define CALL                                                                 \
  _mlir_ciface_sdpa((s2s_memref_f32_4d *)&in[0], (s2s_memref_f32_4d *)&in[1],\
                    (s2s_memref_f32_4d *)&in[2], (s2s_memref_f32_4d *)&od)
  in[1].offset = 1;
  int32_t status = CALL;
  printf("sdpa with k at offset 1: status %d, out %s\n", status,
         o[0] == -12345.0f ? "untouched" : "WRITTEN");
  in[1].offset = 0;
  od.offset = 1;
  status = CALL;
  printf("sdpa with out at offset 1: status %d, out %s\n", status,
         o[0] == -12345.0f ? "untouched" : "WRITTEN");
  od.offset = 0;
  /* A well-formed descriptor of the wrong size: one query too many. */
  int64_t longer[4] = {shape[0], shape[1], shape[2] + 1, shape[3]};
  float *o2 = malloc(longer[0] * longer[1] * longer[2] * longer[3] *
                     sizeof(float));
  AnyDescriptor good = od;
  od = describe(o2, longer, 4);
  o2[0] = -12345.0f;
  status = CALL;
  printf("sdpa with out one query too long: status %d, out %s\n", status,
         o2[0] == -12345.0f ? "untouched" : "WRITTEN");
  od = good;
  status = CALL;
  printf("sdpa with every descriptor right: status %d, out %s\n", status,
         o[0] == -12345.0f ? "untouched" : "written");
#undef CALL
}

int main(int argc, char **argv) {
  if (argc != 2 && !(argc == 3 && !strcmp(argv[2], "--offset"))) {
    fprintf(stderr, "usage: %s DIR [--offset]\n", argv[0]);
    return 2;
  }
  dir = argv[1];
  if (argc == 3) {
    sdpaAtOffset();
    return 0;
  }
  for (int i = 0; i < 3; ++i)
    lstm(i);
  for (int i = 0; i < 3; ++i)
    sdpa(i);
  printf("%d results differ from PyTorch\n", failures);
  return failures != 0;
}
