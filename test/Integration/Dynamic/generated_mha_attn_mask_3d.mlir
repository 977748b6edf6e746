// Dynamic-shape variant of Generated/mha_attn_mask_3d.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.multi_head_attention self-attention with a per-batch-and-head boolean
// attn_mask [B * num_heads, Tq, Tk] (PyTorch's layout: index b * num_heads +
// h), batch_first, need_weights, against nn.MultiheadAttention.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/query.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/in_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/in_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/out_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/out_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_attn_mask_3d/attn_mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_attn_mask_3d/out.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_attn_mask_3d/avg_weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy
// CHECK: result #1: matches {{.*}}/avg_weights.npy

func.func @main(%query: tensor<?x?x9xf32>, %in_proj_weight: tensor<27x9xf32>,
    %in_proj_bias: tensor<27xf32>, %out_proj_weight: tensor<9x9xf32>,
    %out_proj_bias: tensor<9xf32>, %attn_mask: tensor<?x?x?xi1>)
    -> (tensor<?x?x9xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      attn_mask(%attn_mask) num_heads(3) batch_first need_weights
      : (tensor<?x?x9xf32>, tensor<27x9xf32>, tensor<27xf32>, tensor<9x9xf32>,
         tensor<9xf32>, tensor<?x?x?xi1>)
      -> (tensor<?x?x9xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x9xf32>, tensor<?x?x?xf32>
}
