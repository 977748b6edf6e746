// s2s.argmax along the last dim of rows with several equal maxima (small
// integers, so ties are everywhere) against torch.argmax on CPU: the first
// index of the maximum wins.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/argmax_ties/input.npy \
// RUN:   --expect=%S/Inputs/argmax_ties/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<6x11xf32>)
    -> tensor<6xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<6x11xf32>)
      -> tensor<6xi64>
  return %output : tensor<6xi64>
}
