// Dynamic-shape variant of Generated/index_select_dim0.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.index_select along dim 0 of a [5, 3, 4] input with i64 indices that
// repeat and skip rows (the reorder of beam search) against torch.index_select;
// exact, a gather does no arithmetic.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/index_select_dim0/input.npy \
// RUN:   --input=%S/../Generated/Inputs/index_select_dim0/indices.npy \
// RUN:   --expect=%S/../Generated/Inputs/index_select_dim0/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?xf32>, %indices: tensor<?xi64>)
    -> tensor<?x?x?xf32> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?x?x?xf32>, tensor<?xi64>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}
