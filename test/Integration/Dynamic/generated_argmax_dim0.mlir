// Dynamic-shape variant of Generated/argmax_dim0.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.argmax along dim 0 of a [7, 5] input against torch.argmax: the reduced
// dimension is the outer one.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/argmax_dim0/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/argmax_dim0/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?xi64> {
  %output = s2s.argmax %input dim(0)
      : (tensor<?x?xf32>)
      -> tensor<?xi64>
  return %output : tensor<?xi64>
}
