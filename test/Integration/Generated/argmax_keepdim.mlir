// s2s.argmax along dim 1 with keepdim of a [3, 4, 9] input against
// torch.argmax(keepdim=True): the result is [3, 1, 9].

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/argmax_keepdim/input.npy \
// RUN:   --expect=%S/Inputs/argmax_keepdim/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<3x4x9xf32>)
    -> tensor<3x1x9xi64> {
  %output = s2s.argmax %input dim(1) keepdim
      : (tensor<3x4x9xf32>)
      -> tensor<3x1x9xi64>
  return %output : tensor<3x1x9xi64>
}
