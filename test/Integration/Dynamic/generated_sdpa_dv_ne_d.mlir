// Dynamic-shape variant of Generated/sdpa_dv_ne_d.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention with a value head size different from the
// query/key head size (D=8, Dv=5): the output is [B, H, Tq, Dv].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_dv_ne_d/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_dv_ne_d/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_dv_ne_d/value.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_dv_ne_d/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x5xf32>)
    -> tensor<?x2x?x5xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0.35355339059327373)
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x5xf32>)
      -> tensor<?x2x?x5xf32>
  return %out : tensor<?x2x?x5xf32>
}
