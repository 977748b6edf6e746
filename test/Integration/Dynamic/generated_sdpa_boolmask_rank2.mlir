// Dynamic-shape variant of Generated/sdpa_boolmask_rank2.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention with a rank-2 boolean mask [Tq, Tk],
// broadcast over batch and heads (aligned right).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_boolmask_rank2/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_boolmask_rank2/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_boolmask_rank2/value.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_boolmask_rank2/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_boolmask_rank2/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x3x?x6xf32>, %key: tensor<?x3x?x6xf32>,
    %value: tensor<?x3x?x6xf32>, %mask: tensor<?x?xi1>)
    -> tensor<?x3x?x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.3)
      : (tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>,
         tensor<?x?xi1>)
      -> tensor<?x3x?x6xf32>
  return %out : tensor<?x3x?x6xf32>
}
