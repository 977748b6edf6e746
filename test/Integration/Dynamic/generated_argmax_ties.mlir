// Dynamic-shape variant of Generated/argmax_ties.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.argmax along the last dim of rows with several equal maxima (small
// integers, so ties are everywhere) against torch.argmax on CPU: the first
// index of the maximum wins.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/argmax_ties/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/argmax_ties/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<?x?xf32>)
      -> tensor<?xi64>
  return %output : tensor<?xi64>
}
