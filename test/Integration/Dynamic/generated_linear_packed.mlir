// Dynamic-shape variant of Generated/linear_packed.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.linear with bias on [2, 35, In] where the contraction runs as the packed
// kernel (70 rows >= pack-min-rows, In and Out multiples of 16): In=272 is a k
// block of 256 and one of 16, Out=336 a column block of 256, a narrower one of
// 64 and a last panel of 16 columns; 70 rows leave a 4-row tile.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/linear_packed/input.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_packed/weight.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_packed/bias.npy \
// RUN:   --expect=%S/../Generated/Inputs/linear_packed/output.npy \
// RUN:   --rtol=0.0001 --atol=0.0001 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x272xf32>, %weight: tensor<336x272xf32>,
    %bias: tensor<336xf32>)
    -> tensor<?x?x336xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<?x?x272xf32>, tensor<336x272xf32>, tensor<336xf32>)
      -> tensor<?x?x336xf32>
  return %output : tensor<?x?x336xf32>
}
