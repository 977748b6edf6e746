// Dynamic-shape variant of Generated/attention_dot_mask_b1tk.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.attention dot with a boolean mask [B, 1, Tk] (true = may attend)
// broadcast over the queries, as a source padding mask: masked keys get zero
// weight. Odd sizes as in attention_dot_odd_nomask.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_mask_b1tk/query.npy \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_mask_b1tk/keys.npy \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_mask_b1tk/values.npy \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_mask_b1tk/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/attention_dot_mask_b1tk/context.npy \
// RUN:   --expect=%S/../Generated/Inputs/attention_dot_mask_b1tk/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<?x?x9xf32>, %keys: tensor<?x?x9xf32>,
    %values: tensor<?x?x5xf32>, %mask: tensor<?x1x?xi1>)
    -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<?x?x9xf32>, tensor<?x?x9xf32>, tensor<?x?x5xf32>,
         tensor<?x1x?xi1>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x5xf32>, tensor<?x?x?xf32>
}
