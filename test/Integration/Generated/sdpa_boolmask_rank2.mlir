// s2s.scaled_dot_product_attention with a rank-2 boolean mask [Tq, Tk],
// broadcast over batch and heads (aligned right).

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/sdpa_boolmask_rank2/query.npy \
// RUN:   --input=%S/Inputs/sdpa_boolmask_rank2/key.npy \
// RUN:   --input=%S/Inputs/sdpa_boolmask_rank2/value.npy \
// RUN:   --input=%S/Inputs/sdpa_boolmask_rank2/mask.npy \
// RUN:   --expect=%S/Inputs/sdpa_boolmask_rank2/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<2x3x5x6xf32>, %key: tensor<2x3x7x6xf32>,
    %value: tensor<2x3x7x6xf32>, %mask: tensor<5x7xi1>)
    -> tensor<2x3x5x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.3)
      : (tensor<2x3x5x6xf32>, tensor<2x3x7x6xf32>, tensor<2x3x7x6xf32>,
         tensor<5x7xi1>)
      -> tensor<2x3x5x6xf32>
  return %out : tensor<2x3x5x6xf32>
}
