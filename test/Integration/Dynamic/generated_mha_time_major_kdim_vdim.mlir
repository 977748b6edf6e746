// Dynamic-shape variant of Generated/mha_time_major_kdim_vdim.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.multi_head_attention time-major (no batch_first: [T, B, E]) with separate
// q/k/v projection weights because kdim=6 and vdim=10 differ from embed_dim=12,
// biases, a key padding mask and need_weights, against
// nn.MultiheadAttention(12, 3, kdim=6, vdim=10). s2s's key_padding_mask is true
// = may attend, the inverse of PyTorch's.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/query.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/key.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/value.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/q_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/k_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/v_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/in_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/out_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/out_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_time_major_kdim_vdim/key_padding_mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_time_major_kdim_vdim/out.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_time_major_kdim_vdim/avg_weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy
// CHECK: result #1: matches {{.*}}/avg_weights.npy

func.func @main(%query: tensor<?x?x12xf32>, %key: tensor<?x?x6xf32>,
    %value: tensor<?x?x10xf32>, %q_proj_weight: tensor<12x12xf32>,
    %k_proj_weight: tensor<12x6xf32>, %v_proj_weight: tensor<12x10xf32>,
    %in_proj_bias: tensor<36xf32>, %out_proj_weight: tensor<12x12xf32>,
    %out_proj_bias: tensor<12xf32>, %key_padding_mask: tensor<?x?xi1>)
    -> (tensor<?x?x12xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(3) need_weights
      : (tensor<?x?x12xf32>, tensor<?x?x6xf32>, tensor<?x?x10xf32>,
         tensor<12x12xf32>, tensor<12x6xf32>, tensor<12x10xf32>, tensor<36xf32>,
         tensor<12x12xf32>, tensor<12xf32>, tensor<?x?xi1>)
      -> (tensor<?x?x12xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x12xf32>, tensor<?x?x?xf32>
}
