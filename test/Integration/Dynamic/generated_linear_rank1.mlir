// Dynamic-shape variant of Generated/linear_rank1.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.linear on a rank-1 input [In] (a single vector) with bias, against
// nn.Linear: the result is [Out]. Odd sizes (In=7, Out=13).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/linear_rank1/input.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_rank1/weight.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_rank1/bias.npy \
// RUN:   --expect=%S/../Generated/Inputs/linear_rank1/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<7xf32>, %weight: tensor<13x7xf32>,
    %bias: tensor<13xf32>)
    -> tensor<13xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<7xf32>, tensor<13x7xf32>, tensor<13xf32>)
      -> tensor<13xf32>
  return %output : tensor<13xf32>
}
