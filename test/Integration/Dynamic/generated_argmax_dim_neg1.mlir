// Dynamic-shape variant of Generated/argmax_dim_neg1.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.argmax along dim -1 (the last) of a [3, 4, 9] input against torch.argmax:
// a negative dim counts from the end.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/argmax_dim_neg1/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/argmax_dim_neg1/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x?xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<?x?x?xf32>)
      -> tensor<?x?xi64>
  return %output : tensor<?x?xi64>
}
