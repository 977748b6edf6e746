// Dynamic-shape variant of Generated/sdpa_fully_masked_row.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention with a boolean mask [B,1,Tq,Tk] in which one
// query row masks every key: that row's output must be zeros (PyTorch gives NaN
// there; the expectation sets it to 0), the other rows are the usual masked
// softmax.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_fully_masked_row/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_fully_masked_row/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_fully_masked_row/value.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_fully_masked_row/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_fully_masked_row/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>, %mask: tensor<?x1x?x?xi1>)
    -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<?x1x?x?xi1>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}
