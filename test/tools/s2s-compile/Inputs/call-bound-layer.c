/* Calls a linear layer whose weights s2s-compile --bind compiled into the
   shared library: the entry point takes the input x only. */
#include "layer.h"

#include <stdio.h>

int main(void) {
  float x[6] = {1, 2, 3, -1, 0, 1}, y[4];
  s2s_memref_f32_2d in = {x, x, 0, {2, 3}, {3, 1}};
  s2s_memref_f32_2d out = {y, y, 0, {2, 2}, {2, 1}};
  int rc = _mlir_ciface_layer(&in, &out);
  printf("status %d\n", rc);
  printf("y %g %g %g %g\n", y[0], y[1], y[2], y[3]);
  return rc;
}
