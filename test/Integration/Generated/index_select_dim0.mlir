// s2s.index_select along dim 0 of a [5, 3, 4] input with i64 indices that
// repeat and skip rows (the reorder of beam search) against torch.index_select;
// exact, a gather does no arithmetic.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/index_select_dim0/input.npy \
// RUN:   --input=%S/Inputs/index_select_dim0/indices.npy \
// RUN:   --expect=%S/Inputs/index_select_dim0/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<5x3x4xf32>, %indices: tensor<6xi64>)
    -> tensor<6x3x4xf32> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<5x3x4xf32>, tensor<6xi64>)
      -> tensor<6x3x4xf32>
  return %output : tensor<6x3x4xf32>
}
