// s2s.attention additive without a mask, odd sizes (B=3, Tq=5, Tk=7, Dq=9,
// Dk=11, Dv=5, A=13), against the formula in torch ops: context and alignment
// weights.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/query.npy \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/keys.npy \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/values.npy \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/w_query.npy \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/w_keys.npy \
// RUN:   --input=%S/Inputs/attention_additive_odd_nomask/v.npy \
// RUN:   --expect=%S/Inputs/attention_additive_odd_nomask/context.npy \
// RUN:   --expect=%S/Inputs/attention_additive_odd_nomask/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x11xf32>,
    %values: tensor<3x7x5xf32>, %w_query: tensor<13x9xf32>,
    %w_keys: tensor<13x11xf32>, %v: tensor<13xf32>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v)
      : (tensor<3x5x9xf32>, tensor<3x7x11xf32>, tensor<3x7x5xf32>,
         tensor<13x9xf32>, tensor<13x11xf32>, tensor<13xf32>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}
