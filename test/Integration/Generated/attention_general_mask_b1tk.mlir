// s2s.attention general with a boolean mask [B, 1, Tk] (true = may attend)
// broadcast over the queries, as a source padding mask: masked keys get zero
// weight. Odd sizes as in attention_general_odd_nomask.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/attention_general_mask_b1tk/query.npy \
// RUN:   --input=%S/Inputs/attention_general_mask_b1tk/keys.npy \
// RUN:   --input=%S/Inputs/attention_general_mask_b1tk/values.npy \
// RUN:   --input=%S/Inputs/attention_general_mask_b1tk/w.npy \
// RUN:   --input=%S/Inputs/attention_general_mask_b1tk/mask.npy \
// RUN:   --expect=%S/Inputs/attention_general_mask_b1tk/context.npy \
// RUN:   --expect=%S/Inputs/attention_general_mask_b1tk/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x11xf32>,
    %values: tensor<3x7x5xf32>, %w: tensor<9x11xf32>, %mask: tensor<3x1x7xi1>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<3x5x9xf32>, tensor<3x7x11xf32>, tensor<3x7x5xf32>,
         tensor<9x11xf32>, tensor<3x1x7xi1>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}
