// s2s.linear on a rank-4 input [2, 3, 4, In] with bias, against nn.Linear: the
// leading dims are flattened and restored. Odd sizes (In=7, Out=5).

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/linear_rank4/input.npy \
// RUN:   --input=%S/Inputs/linear_rank4/weight.npy \
// RUN:   --input=%S/Inputs/linear_rank4/bias.npy \
// RUN:   --expect=%S/Inputs/linear_rank4/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<2x3x4x7xf32>, %weight: tensor<5x7xf32>,
    %bias: tensor<5xf32>)
    -> tensor<2x3x4x5xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<2x3x4x7xf32>, tensor<5x7xf32>, tensor<5xf32>)
      -> tensor<2x3x4x5xf32>
  return %output : tensor<2x3x4x5xf32>
}
