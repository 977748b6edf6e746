// s2s.index_select of an i64 token history [8, 5] along the beam dimension (dim
// 0) against torch.index_select: integer tensors are reordered too.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/index_select_tokens/input.npy \
// RUN:   --input=%S/Inputs/index_select_tokens/indices.npy \
// RUN:   --expect=%S/Inputs/index_select_tokens/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<8x5xi64>, %indices: tensor<8xi64>)
    -> tensor<8x5xi64> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<8x5xi64>, tensor<8xi64>)
      -> tensor<8x5xi64>
  return %output : tensor<8x5xi64>
}
