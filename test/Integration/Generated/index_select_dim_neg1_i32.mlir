// s2s.index_select along dim -1 of a [2, 3, 7] input with i32 indices against
// torch.index_select.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/index_select_dim_neg1_i32/input.npy \
// RUN:   --input=%S/Inputs/index_select_dim_neg1_i32/indices.npy \
// RUN:   --expect=%S/Inputs/index_select_dim_neg1_i32/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<2x3x7xf32>, %indices: tensor<4xi32>)
    -> tensor<2x3x4xf32> {
  %output = s2s.index_select %input, %indices dim(-1)
      : (tensor<2x3x7xf32>, tensor<4xi32>)
      -> tensor<2x3x4xf32>
  return %output : tensor<2x3x4xf32>
}
