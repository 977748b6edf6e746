// Dynamic-shape variant of Generated/linear_no_bias.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.linear without bias on a rank-3 input, against nn.Linear(bias=False), odd
// sizes (In=9, Out=11).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/linear_no_bias/input.npy \
// RUN:   --input=%S/../Generated/Inputs/linear_no_bias/weight.npy \
// RUN:   --expect=%S/../Generated/Inputs/linear_no_bias/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x9xf32>, %weight: tensor<11x9xf32>)
    -> tensor<?x?x11xf32> {
  %output = s2s.linear %input, %weight
      : (tensor<?x?x9xf32>, tensor<11x9xf32>)
      -> tensor<?x?x11xf32>
  return %output : tensor<?x?x11xf32>
}
