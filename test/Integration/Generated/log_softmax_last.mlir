// s2s.log_softmax along the last dim of a [4, 9] input (logits of spread 3)
// against torch.log_softmax in float64.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/log_softmax_last/input.npy \
// RUN:   --expect=%S/Inputs/log_softmax_last/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<4x9xf32>)
    -> tensor<4x9xf32> {
  %output = s2s.log_softmax %input dim(-1)
      : (tensor<4x9xf32>)
      -> tensor<4x9xf32>
  return %output : tensor<4x9xf32>
}
