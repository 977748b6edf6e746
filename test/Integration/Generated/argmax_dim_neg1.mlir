// s2s.argmax along dim -1 (the last) of a [3, 4, 9] input against torch.argmax:
// a negative dim counts from the end.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/argmax_dim_neg1/input.npy \
// RUN:   --expect=%S/Inputs/argmax_dim_neg1/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<3x4x9xf32>)
    -> tensor<3x4xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<3x4x9xf32>)
      -> tensor<3x4xi64>
  return %output : tensor<3x4xi64>
}
