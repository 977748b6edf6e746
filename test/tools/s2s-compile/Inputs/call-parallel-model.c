/* Calls the entry point of parallel-model.mlir, compiled as a shared
 * library, and prints a checksum of each result. */
#include <stdio.h>
#include <stdlib.h>

#include "parallel-model.h"

int main(void) {
  static float y[1 * 256 * 128], o[1 * 4 * 256 * 32];
  s2s_memref_f32_3d yd = {y, y, 0, {1, 256, 128}, {256 * 128, 128, 1}};
  s2s_memref_f32_4d od = {o, o, 0, {1, 4, 256, 32},
                          {4 * 256 * 32, 256 * 32, 32, 1}};
  _mlir_ciface_main(&yd, &od);
  double sy = 0, so = 0;
  for (int i = 0; i < 256 * 128; ++i)
    sy += y[i] * (double)(i % 7 + 1);
  for (int i = 0; i < 4 * 256 * 32; ++i)
    so += o[i] * (double)(i % 5 + 1);
  printf("checksums %.9g %.9g\n", sy, so);
  return 0;
}
