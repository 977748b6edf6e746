// Dynamic-shape variant of Generated/argmax_keepdim.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.argmax along dim 1 with keepdim of a [3, 4, 9] input against
// torch.argmax(keepdim=True): the result is [3, 1, 9].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/argmax_keepdim/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/argmax_keepdim/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x1x?xi64> {
  %output = s2s.argmax %input dim(1) keepdim
      : (tensor<?x?x?xf32>)
      -> tensor<?x1x?xi64>
  return %output : tensor<?x1x?xi64>
}
