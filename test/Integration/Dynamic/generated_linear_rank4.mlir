// Dynamic-shape variant of Generated/linear_rank4.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.linear on a rank-4 input [2, 3, 4, In] with bias, against nn.Linear: the
// leading dims are flattened and restored. Odd sizes (In=7, Out=5).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/linear_rank4/input.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_rank4/weight.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_rank4/bias.npy \
// RUN:   --expect=%S/../Generated/Inputs/linear_rank4/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?x7xf32>, %weight: tensor<5x7xf32>,
    %bias: tensor<5xf32>)
    -> tensor<?x?x?x5xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<?x?x?x7xf32>, tensor<5x7xf32>, tensor<5xf32>)
      -> tensor<?x?x?x5xf32>
  return %output : tensor<?x?x?x5xf32>
}
