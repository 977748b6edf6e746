// Dynamic-shape variant of Generated/sdpa_addmask_rank3.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention with a rank-3 additive mask [H, Tq, Tk]:
// aligned right, it varies over heads and broadcasts over the batch (a mask
// read as [B, Tq, Tk] would be wrong).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_addmask_rank3/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_addmask_rank3/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_addmask_rank3/value.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_addmask_rank3/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_addmask_rank3/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x3x?x6xf32>, %key: tensor<?x3x?x6xf32>,
    %value: tensor<?x3x?x6xf32>, %mask: tensor<3x?x?xf32>)
    -> tensor<?x3x?x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.4)
      : (tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>,
         tensor<3x?x?xf32>)
      -> tensor<?x3x?x6xf32>
  return %out : tensor<?x3x?x6xf32>
}
