// s2s.attention general without a mask, odd sizes (B=3, Tq=5, Tk=7, Dq=9,
// Dk=11, Dv=5), against the formula in torch ops: context and alignment
// weights.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/attention_general_odd_nomask/query.npy \
// RUN:   --input=%S/Inputs/attention_general_odd_nomask/keys.npy \
// RUN:   --input=%S/Inputs/attention_general_odd_nomask/values.npy \
// RUN:   --input=%S/Inputs/attention_general_odd_nomask/w.npy \
// RUN:   --expect=%S/Inputs/attention_general_odd_nomask/context.npy \
// RUN:   --expect=%S/Inputs/attention_general_odd_nomask/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x11xf32>,
    %values: tensor<3x7x5xf32>, %w: tensor<9x11xf32>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<3x5x9xf32>, tensor<3x7x11xf32>, tensor<3x7x5xf32>,
         tensor<9x11xf32>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}
