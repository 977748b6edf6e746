// s2s.log_softmax of rows with large logits (+-80, where exp overflows without
// the shift by the maximum) and -inf entries (masked tokens, which stay -inf)
// against torch.log_softmax in float64.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/log_softmax_extreme/input.npy \
// RUN:   --expect=%S/Inputs/log_softmax_extreme/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<3x6xf32>)
    -> tensor<3x6xf32> {
  %output = s2s.log_softmax %input dim(1)
      : (tensor<3x6xf32>)
      -> tensor<3x6xf32>
  return %output : tensor<3x6xf32>
}
