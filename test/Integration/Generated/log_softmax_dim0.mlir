// s2s.log_softmax along dim 0 of a [5, 3, 4] input against torch.log_softmax in
// float64: the normalized dimension is the outer one.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/log_softmax_dim0/input.npy \
// RUN:   --expect=%S/Inputs/log_softmax_dim0/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<5x3x4xf32>)
    -> tensor<5x3x4xf32> {
  %output = s2s.log_softmax %input dim(0)
      : (tensor<5x3x4xf32>)
      -> tensor<5x3x4xf32>
  return %output : tensor<5x3x4xf32>
}
