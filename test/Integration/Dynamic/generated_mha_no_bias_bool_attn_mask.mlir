// Dynamic-shape variant of Generated/mha_no_bias_bool_attn_mask.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.multi_head_attention self-attention (batch_first, packed in_proj_weight)
// without in_proj_bias/out_proj_bias, with a boolean attn_mask [Tq, Tk] and
// without need_weights (one result), against nn.MultiheadAttention(bias=False).
// s2s's mask is true = may attend, so it is the inverse of the PyTorch
// attn_mask.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/mha_no_bias_bool_attn_mask/query.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_no_bias_bool_attn_mask/in_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_no_bias_bool_attn_mask/out_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_no_bias_bool_attn_mask/attn_mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_no_bias_bool_attn_mask/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x?x10xf32>, %in_proj_weight: tensor<30x10xf32>,
    %out_proj_weight: tensor<10x10xf32>, %attn_mask: tensor<?x?xi1>)
    -> tensor<?x?x10xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(2)
      batch_first
      : (tensor<?x?x10xf32>, tensor<30x10xf32>, tensor<10x10xf32>,
         tensor<?x?xi1>)
      -> tensor<?x?x10xf32>
  return %out : tensor<?x?x10xf32>
}
