// Dynamic-shape variant of Generated/argmax_nan.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.argmax along the last dim of a float input containing NaN, +inf and -inf
// against torch.argmax: NaN counts as the largest value (its index wins, the
// first NaN if there are several), +inf beats every number, and a row of -inf
// gives index 0.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/argmax_nan/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/argmax_nan/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<?x?xf32>)
      -> tensor<?xi64>
  return %output : tensor<?xi64>
}
