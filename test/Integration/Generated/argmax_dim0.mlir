// s2s.argmax along dim 0 of a [7, 5] input against torch.argmax: the reduced
// dimension is the outer one.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/argmax_dim0/input.npy \
// RUN:   --expect=%S/Inputs/argmax_dim0/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<7x5xf32>)
    -> tensor<5xi64> {
  %output = s2s.argmax %input dim(0)
      : (tensor<7x5xf32>)
      -> tensor<5xi64>
  return %output : tensor<5xi64>
}
