// s2s.multi_head_attention as self-attention over a batch of 0 sequences
// (time-major), with separate projection weights (s2s-pack-qkv packs them)
// and the averaged attention weights: empty results.

// RUN: s2s-run %s --input=%S/Inputs/mha_self_batch0/query.npy --input=%S/Inputs/mha_self_batch0/q_proj_weight.npy --input=%S/Inputs/mha_self_batch0/k_proj_weight.npy --input=%S/Inputs/mha_self_batch0/v_proj_weight.npy --input=%S/Inputs/mha_self_batch0/out_proj_weight.npy --expect=%S/Inputs/mha_self_batch0/out.npy --expect=%S/Inputs/mha_self_batch0/avg_weights.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (0 elements
// CHECK: result #1: matches {{.*}}/avg_weights.npy (0 elements

func.func @main(%query: tensor<3x0x8xf32>, %q_proj_weight: tensor<8x8xf32>,
    %k_proj_weight: tensor<8x8xf32>, %v_proj_weight: tensor<8x8xf32>,
    %out_proj_weight: tensor<8x8xf32>)
    -> (tensor<3x0x8xf32>, tensor<0x3x3xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(2) need_weights
      : (tensor<3x0x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<8x8xf32>)
      -> (tensor<3x0x8xf32>, tensor<0x3x3xf32>)
  return %out, %avg_weights : tensor<3x0x8xf32>, tensor<0x3x3xf32>
}
