// Dynamic-shape variant of Generated/mha_float_attn_mask.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.multi_head_attention cross-attention (time-major, packed weights, biases)
// with an additive float attn_mask [Tq, Tk] added to the scaled scores, and
// need_weights, against nn.MultiheadAttention.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/query.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/key.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/value.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/in_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/in_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/out_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/out_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_float_attn_mask/attn_mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_float_attn_mask/out.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_float_attn_mask/avg_weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy
// CHECK: result #1: matches {{.*}}/avg_weights.npy

func.func @main(%query: tensor<?x?x16xf32>, %key: tensor<?x?x16xf32>,
    %value: tensor<?x?x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %in_proj_bias: tensor<48xf32>, %out_proj_weight: tensor<16x16xf32>,
    %out_proj_bias: tensor<16xf32>, %attn_mask: tensor<?x?xf32>)
    -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      attn_mask(%attn_mask) num_heads(4) need_weights
      : (tensor<?x?x16xf32>, tensor<?x?x16xf32>, tensor<?x?x16xf32>,
         tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>,
         tensor<?x?xf32>)
      -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x16xf32>, tensor<?x?x?xf32>
}
