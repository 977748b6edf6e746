// s2s.index_select of boolean finished flags [8] along dim 0 against
// torch.index_select.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/index_select_flags/input.npy \
// RUN:   --input=%S/Inputs/index_select_flags/indices.npy \
// RUN:   --expect=%S/Inputs/index_select_flags/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<8xi1>, %indices: tensor<8xi64>)
    -> tensor<8xi1> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<8xi1>, tensor<8xi64>)
      -> tensor<8xi1>
  return %output : tensor<8xi1>
}
