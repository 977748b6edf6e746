/* Two compilations of the same model, with the symbol prefixes a_ and b_,
   linked into one program: each entry point is called through its own
   header. */
#include "a.h"
#include "b.h"

#include <stdio.h>

int main(void) {
  float x[6] = {1, 5, 2, 9, 0, -1}, ya[6], yb[6];
  int64_t index[2];
  bool flags[2];
  s2s_memref_f32_2d in = {x, x, 0, {2, 3}, {3, 1}};
  s2s_memref_f32_2d outA = {ya, ya, 0, {2, 3}, {3, 1}};
  s2s_memref_f32_2d outB = {yb, yb, 0, {2, 3}, {3, 1}};
  s2s_memref_i64_1d outIndex = {index, index, 0, {2}, {1}};
  s2s_memref_i1_1d outFlags = {flags, flags, 0, {2}, {1}};
  int rc = _mlir_ciface_a_scale(&in, &outA);
  rc |= _mlir_ciface_b_scale(&in, &outB);
  rc |= _mlir_ciface_b_pick(&in, &outIndex, &outFlags);
  printf("status %d\n", rc);
  printf("a_scale %g %g %g %g %g %g\n", ya[0], ya[1], ya[2], ya[3], ya[4],
         ya[5]);
  printf("b_scale %g %g %g %g %g %g\n", yb[0], yb[1], yb[2], yb[3], yb[4],
         yb[5]);
  printf("b_pick %lld %lld %d %d\n", (long long)index[0], (long long)index[1],
         flags[0], flags[1]);
  return rc;
}
