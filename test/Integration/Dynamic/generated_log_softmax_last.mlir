// Dynamic-shape variant of Generated/log_softmax_last.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.log_softmax along the last dim of a [4, 9] input (logits of spread 3)
// against torch.log_softmax in float64.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/log_softmax_last/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/log_softmax_last/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?x?xf32> {
  %output = s2s.log_softmax %input dim(-1)
      : (tensor<?x?xf32>)
      -> tensor<?x?xf32>
  return %output : tensor<?x?xf32>
}
