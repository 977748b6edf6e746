// s2s.scaled_dot_product_attention with a rank-3 additive mask [H, Tq, Tk]:
// aligned right, it varies over heads and broadcasts over the batch (a mask
// read as [B, Tq, Tk] would be wrong).

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/sdpa_addmask_rank3/query.npy \
// RUN:   --input=%S/Inputs/sdpa_addmask_rank3/key.npy \
// RUN:   --input=%S/Inputs/sdpa_addmask_rank3/value.npy \
// RUN:   --input=%S/Inputs/sdpa_addmask_rank3/mask.npy \
// RUN:   --expect=%S/Inputs/sdpa_addmask_rank3/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<2x3x5x6xf32>, %key: tensor<2x3x7x6xf32>,
    %value: tensor<2x3x7x6xf32>, %mask: tensor<3x5x7xf32>)
    -> tensor<2x3x5x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.4)
      : (tensor<2x3x5x6xf32>, tensor<2x3x7x6xf32>, tensor<2x3x7x6xf32>,
         tensor<3x5x7xf32>)
      -> tensor<2x3x5x6xf32>
  return %out : tensor<2x3x5x6xf32>
}
