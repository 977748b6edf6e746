// Dynamic-shape variant of Generated/index_select_dim_neg1_i32.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.index_select along dim -1 of a [2, 3, 7] input with i32 indices against
// torch.index_select.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/index_select_dim_neg1_i32/input.npy \
// RUN:   --input=%S/../Generated/Inputs/index_select_dim_neg1_i32/indices.npy \
// RUN:   --expect=%S/../Generated/Inputs/index_select_dim_neg1_i32/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?xf32>, %indices: tensor<?xi32>)
    -> tensor<?x?x?xf32> {
  %output = s2s.index_select %input, %indices dim(-1)
      : (tensor<?x?x?xf32>, tensor<?xi32>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}
