// s2s.attention additive with a boolean mask [B, 1, Tk] (true = may attend)
// broadcast over the queries, as a source padding mask: masked keys get zero
// weight. Odd sizes as in attention_additive_odd_nomask.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/query.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/keys.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/values.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/w_query.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/w_keys.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/v.npy \
// RUN:   --input=%S/Inputs/attention_additive_mask_b1tk/mask.npy \
// RUN:   --expect=%S/Inputs/attention_additive_mask_b1tk/context.npy \
// RUN:   --expect=%S/Inputs/attention_additive_mask_b1tk/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x11xf32>,
    %values: tensor<3x7x5xf32>, %w_query: tensor<13x9xf32>,
    %w_keys: tensor<13x11xf32>, %v: tensor<13xf32>, %mask: tensor<3x1x7xi1>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<3x5x9xf32>, tensor<3x7x11xf32>, tensor<3x7x5xf32>,
         tensor<13x9xf32>, tensor<13x11xf32>, tensor<13xf32>, tensor<3x1x7xi1>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}
