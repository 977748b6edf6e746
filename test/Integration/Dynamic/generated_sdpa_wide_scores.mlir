// Dynamic-shape variant of Generated/sdpa_wide_scores.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention whose scaled scores span about 200 (scale 3,
// and an additive mask rising by 0.8 per key): within a row, exp(s - max)
// covers the whole f32 range down to exact zeros below -88, and the running
// maximum of the tiled lowering jumps by ~100 at the second block of 128 keys,
// so the first block's sums are rescaled by exp(m - m') ~ 0.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_wide_scores/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_wide_scores/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_wide_scores/value.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_wide_scores/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_wide_scores/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>, %mask: tensor<?x?xf32>)
    -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(3.0)
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<?x?xf32>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}
