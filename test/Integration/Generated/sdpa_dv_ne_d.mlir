// s2s.scaled_dot_product_attention with a value head size different from the
// query/key head size (D=8, Dv=5): the output is [B, H, Tq, Dv].

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/sdpa_dv_ne_d/query.npy \
// RUN:   --input=%S/Inputs/sdpa_dv_ne_d/key.npy \
// RUN:   --input=%S/Inputs/sdpa_dv_ne_d/value.npy \
// RUN:   --expect=%S/Inputs/sdpa_dv_ne_d/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<2x2x4x8xf32>, %key: tensor<2x2x6x8xf32>,
    %value: tensor<2x2x6x5xf32>)
    -> tensor<2x2x4x5xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0.35355339059327373)
      : (tensor<2x2x4x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x5xf32>)
      -> tensor<2x2x4x5xf32>
  return %out : tensor<2x2x4x5xf32>
}
