// Dynamic-shape variant of Generated/log_softmax_dim0.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.log_softmax along dim 0 of a [5, 3, 4] input against torch.log_softmax in
// float64: the normalized dimension is the outer one.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/log_softmax_dim0/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/log_softmax_dim0/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x?x?xf32> {
  %output = s2s.log_softmax %input dim(0)
      : (tensor<?x?x?xf32>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}
